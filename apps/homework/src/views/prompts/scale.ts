import type { Answer, ScalePrompt } from '@trellis/domain';
import { fieldName } from '../../answers';
import { h } from '../dom';
import { groupField, type PromptField, questionId } from './field';

/**
 * A row of numbered radio buttons from min to max. What the ends mean ("0 = Not at all") is shown
 * under the row and read with the group. Arrow keys move along the row (native radio behaviour).
 */
export const scaleField = (prompt: ScalePrompt, value: Answer | undefined, readers: string): PromptField => {
  const id = questionId(prompt);
  const name = fieldName(prompt.id);
  const inputs: HTMLInputElement[] = [];
  const row = h('div', { class: 'scale' });
  for (let n = prompt.min; n <= prompt.max; n++) {
    const input = h('input', { type: 'radio', name, id: `${id}-${n}`, value: String(n), class: 'scale-input' });
    input.checked = value === n;
    inputs.push(input);
    row.append(h('label', { class: 'scale-option', for: input.id }, input, h('span', {}, String(n))));
  }
  const endsId = `${id}-ends`;
  const ends = h(
    'p',
    { id: endsId, class: 'scale-ends' },
    prompt.minLabel ? h('span', {}, `${prompt.min} = ${prompt.minLabel}`) : null,
    prompt.maxLabel ? h('span', {}, `${prompt.max} = ${prompt.maxLabel}`) : null,
  );
  const hasEnds = Boolean(prompt.minLabel || prompt.maxLabel);
  return groupField(prompt, {
    role: 'radiogroup',
    hintLines: [readers],
    body: h('div', {}, row, hasEnds ? ends : null),
    inputs,
    describedBy: hasEnds ? [endsId] : [],
  });
};
