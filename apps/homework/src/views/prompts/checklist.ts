import type { Answer, ChecklistPrompt } from '@trellis/domain';
import { checklistHint, fieldName } from '../../answers';
import { h } from '../dom';
import { groupField, optionRow, type PromptField, questionId } from './field';

/** Any number of options (within min/max, named in the hint): native checkboxes. */
export const checklistField = (prompt: ChecklistPrompt, value: Answer | undefined, readers: string): PromptField => {
  const id = questionId(prompt);
  const chosen = Array.isArray(value) ? value : [];
  const rows = prompt.options.map((option) =>
    optionRow(
      'checkbox',
      fieldName(prompt.id),
      `${id}-${option.id}`,
      option.id,
      option.label,
      chosen.includes(option.id),
    ),
  );
  return groupField(prompt, {
    hintLines: [readers, checklistHint(prompt)],
    body: h('div', { class: 'options' }, ...rows.map((r) => r.row)),
    inputs: rows.map((r) => r.input),
  });
};
