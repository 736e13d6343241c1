import type { Prompt } from '@trellis/domain';
import { type Child, h, toggleDescribedBy } from '../dom';

/** One rendered question. Its answer is read from the form by control name (see answers.ts). */
export interface PromptField {
  readonly prompt: Prompt;
  readonly element: HTMLElement;
  /** Shows (or, with null, clears) the message under the question. */
  setError(message: string | null): void;
  readonly hasError: boolean;
  /** Puts keyboard focus on the question's control (the chosen option, or the first). */
  focus(): void;
}

/** The element id for a prompt (prompt ids are slugs: safe in ids). */
export const questionId = (prompt: Prompt): string => `q-${prompt.id}`;

/** Written out, not an asterisk: clear to everyone and read aloud by screen readers. */
export const requiredMark = (prompt: Prompt): Child =>
  prompt.required ? h('span', { class: 'required' }, ' (required)') : null;

/** Optional hint lines under the question, with their ids for `aria-describedby`. */
export const hints = (
  id: string,
  lines: readonly (string | undefined)[],
): { elements: HTMLElement[]; ids: string[] } => {
  const elements = lines
    .filter((line): line is string => Boolean(line))
    .map((line, i) => h('p', { id: `${id}-hint${i}`, class: 'hint' }, line));
  return { elements, ids: elements.map((e) => e.id) };
};

/**
 * The message slot of a question. The message is tied to the control with aria-describedby only
 * while it shows (a hidden description would still be read out).
 */
export const errorSlot = (id: string) => {
  const element = h('p', { id: `${id}-error`, class: 'field-error', hidden: '' });
  let shown = false;
  return {
    element,
    get shown() {
      return shown;
    },
    set(message: string | null, describe: Element, invalid: readonly Element[]) {
      shown = message !== null && message !== '';
      element.textContent = shown ? message : '';
      element.hidden = !shown;
      toggleDescribedBy(describe, element.id, shown);
      for (const target of invalid) {
        if (shown) target.setAttribute('aria-invalid', 'true');
        else target.removeAttribute('aria-invalid');
      }
    },
  };
};

/** Radio or checkbox options as large tap targets: the whole row is the label. */
export const optionRow = (
  type: 'radio' | 'checkbox',
  name: string,
  id: string,
  value: string,
  label: string,
  checked: boolean,
): { row: HTMLLabelElement; input: HTMLInputElement } => {
  const input = h('input', { type, name, id, value });
  input.checked = checked;
  return { row: h('label', { class: 'option', for: id }, input, h('span', {}, label)), input };
};

/** A question whose control is a group of radios or checkboxes. */
export const groupField = (
  prompt: Prompt,
  options: {
    role?: 'radiogroup';
    hintLines: readonly (string | undefined)[];
    body: HTMLElement;
    inputs: readonly HTMLInputElement[];
    describedBy?: readonly string[];
  },
): PromptField => {
  const id = questionId(prompt);
  const { elements, ids } = hints(id, [prompt.help, ...options.hintLines]);
  const error = errorSlot(id);
  const describedBy = [...ids, ...(options.describedBy ?? [])].join(' ');
  const fieldset = h(
    'fieldset',
    {
      class: `question question--${prompt.kind}`,
      id,
      role: options.role,
      'aria-describedby': describedBy || undefined,
    },
    h('legend', { class: 'q-label' }, prompt.label, requiredMark(prompt)),
    ...elements,
    error.element,
    options.body,
  );
  return {
    prompt,
    element: fieldset,
    setError: (message) => error.set(message, fieldset, options.role ? [fieldset] : []),
    get hasError() {
      return error.shown;
    },
    focus: () => (options.inputs.find((i) => i.checked) ?? options.inputs[0])?.focus(),
  };
};
