import type { Answer, Prompt } from '@trellis/domain';
import { checklistField } from './checklist';
import type { PromptField } from './field';
import { longTextField } from './long-text';
import { scaleField } from './scale';
import { singleChoiceField } from './single-choice';

export type { PromptField } from './field';

/** One question; `readers` says under it who will read the answer (see readersNote in the domain). */
export const promptField = (prompt: Prompt, value: Answer | undefined, readers: string): PromptField => {
  switch (prompt.kind) {
    case 'long_text':
      return longTextField(prompt, value, readers);
    case 'scale':
      return scaleField(prompt, value, readers);
    case 'single_choice':
      return singleChoiceField(prompt, value, readers);
    case 'checklist':
      return checklistField(prompt, value, readers);
  }
};

/** What the form holds, by control name: a textarea's text, the checked radios' and boxes' values. */
export const formReader = (form: HTMLFormElement) => {
  const values = new Map<string, string[]>();
  for (const element of Array.from(form.elements)) {
    let value: string | undefined;
    if (element instanceof HTMLTextAreaElement) value = element.value;
    else if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) {
      value = element.checked ? element.value : undefined;
    }
    const name = (element as HTMLInputElement).name;
    if (!name) continue;
    const list = values.get(name) ?? [];
    if (value !== undefined) list.push(value);
    values.set(name, list);
  }
  return (name: string): readonly string[] => values.get(name) ?? [];
};
