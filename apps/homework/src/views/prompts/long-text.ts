import type { Answer, LongTextPrompt } from '@trellis/domain';
import { characterCount, characterWarning, fieldName, formatCount } from '../../answers';
import { h } from '../dom';
import { errorSlot, hints, type PromptField, questionId, requiredMark } from './field';

/** A textarea with a live character count against the prompt's maxLength. */
export const longTextField = (prompt: LongTextPrompt, value: Answer | undefined, readers: string): PromptField => {
  const id = questionId(prompt);
  const min = prompt.minLength ?? 0;
  const { elements, ids } = hints(id, [
    prompt.help,
    readers,
    min > 0 ? `Write at least ${formatCount(min)} ${min === 1 ? 'character' : 'characters'}.` : undefined,
  ]);
  const countId = `${id}-count`;
  const textarea = h('textarea', {
    id,
    name: fieldName(prompt.id),
    rows: '6',
    maxlength: String(prompt.maxLength),
    autocomplete: 'off',
    'aria-describedby': [...ids, countId].join(' '),
  });
  textarea.value = typeof value === 'string' ? value : '';
  const count = h('p', { id: countId, class: 'count' }, characterCount(textarea.value.length, prompt.maxLength));
  // Announces only near the limit; the counter itself is read with the field, not on every key.
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  let previous = textarea.value.length;
  textarea.addEventListener('input', () => {
    const length = textarea.value.length;
    count.textContent = characterCount(length, prompt.maxLength);
    count.classList.toggle('count--full', length >= prompt.maxLength);
    const warning = characterWarning(length, prompt.maxLength, previous);
    if (warning) announcer.textContent = warning;
    previous = length;
  });

  const error = errorSlot(id);
  return {
    prompt,
    element: h(
      'div',
      { class: 'question question--long_text' },
      h('label', { class: 'q-label', for: id }, prompt.label, requiredMark(prompt)),
      ...elements,
      error.element,
      textarea,
      count,
      announcer,
    ),
    setError: (message) => error.set(message, textarea, [textarea]),
    get hasError() {
      return error.shown;
    },
    focus: () => textarea.focus(),
  };
};
