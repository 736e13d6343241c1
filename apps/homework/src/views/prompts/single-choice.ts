import type { Answer, SingleChoicePrompt } from '@trellis/domain';
import { fieldName } from '../../answers';
import { h } from '../dom';
import { groupField, optionRow, type PromptField, questionId } from './field';

/** One answer from a list: native radios, each a full-width row to tap. */
export const singleChoiceField = (
  prompt: SingleChoicePrompt,
  value: Answer | undefined,
  readers: string,
): PromptField => {
  const id = questionId(prompt);
  const rows = prompt.options.map((option) =>
    optionRow('radio', fieldName(prompt.id), `${id}-${option.id}`, option.id, option.label, value === option.id),
  );
  return groupField(prompt, {
    role: 'radiogroup',
    hintLines: [readers],
    body: h('div', { class: 'options' }, ...rows.map((r) => r.row)),
    inputs: rows.map((r) => r.input),
  });
};
