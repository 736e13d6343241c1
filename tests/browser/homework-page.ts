/// <reference lib="dom" />
import type { Answer, AnswerMap, Prompt } from '@trellis/domain';
import type { Locator, Page } from 'playwright-core';

/** The homework page (apps/homework) as a partner sees it, found by roles, labels and text. */
export class HomeworkPage {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async expectHeading(name: string | RegExp): Promise<void> {
    await this.heading(name).waitFor();
  }

  get startButton(): Locator {
    return this.page.getByRole('button', { name: /that’s me — start/ });
  }

  get saveStatus(): Locator {
    return this.page.locator('#save-status');
  }

  get submitButton(): Locator {
    return this.page.getByRole('button', { name: 'Submit', exact: true });
  }

  get confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Submit your answers?' });
  }

  /** The question's own control or group, named by its label (or legend). */
  question(prompt: Prompt): Locator {
    switch (prompt.kind) {
      case 'long_text':
        return this.page.getByRole('textbox', { name: prompt.label });
      case 'scale':
      case 'single_choice':
        return this.page.getByRole('radiogroup', { name: prompt.label });
      case 'checklist':
        return this.page.getByRole('group', { name: prompt.label });
    }
  }

  /** One option of a choice, scale or checklist question. */
  option(prompt: Prompt, value: string | number): Locator {
    const group = this.question(prompt);
    if (prompt.kind === 'scale') return group.getByRole('radio', { name: String(value), exact: true });
    if (prompt.kind === 'single_choice')
      return group.getByRole('radio', { name: labelOf(prompt, String(value)), exact: true });
    if (prompt.kind === 'checklist')
      return group.getByRole('checkbox', { name: labelOf(prompt, String(value)), exact: true });
    throw new Error(`${prompt.id} has no options`);
  }

  /** Answers with the mouse and keyboard the way a person would (click, type). */
  async answer(prompt: Prompt, value: Answer): Promise<void> {
    switch (prompt.kind) {
      case 'long_text':
        await this.question(prompt).fill(String(value));
        return;
      case 'scale':
      case 'single_choice':
        await this.option(prompt, value as string | number).check();
        return;
      case 'checklist':
        for (const id of value as string[]) await this.option(prompt, id).check();
        return;
    }
  }

  /** What the form shows for a question right now. */
  async shownAnswer(prompt: Prompt): Promise<Answer | undefined> {
    switch (prompt.kind) {
      case 'long_text': {
        const text = await this.question(prompt).inputValue();
        return text === '' ? undefined : text;
      }
      case 'scale':
      case 'single_choice': {
        const checked = await this.question(prompt)
          .locator('input:checked')
          .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
        if (checked.length === 0) return undefined;
        return prompt.kind === 'scale' ? Number(checked[0]) : checked[0];
      }
      case 'checklist': {
        const checked = await this.question(prompt)
          .locator('input:checked')
          .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
        return checked.length ? checked : undefined;
      }
    }
  }

  async shownAnswers(prompts: readonly Prompt[]): Promise<AnswerMap> {
    const shown: AnswerMap = {};
    for (const prompt of prompts) {
      const value = await this.shownAnswer(prompt);
      if (value !== undefined) shown[prompt.id] = value;
    }
    return shown;
  }

  /** Waits for the status line to say the answers are saved ("Saved at 14:02"). */
  async waitForSaved(): Promise<void> {
    await this.page.getByText(/^Saved at /).waitFor();
  }
}

function labelOf(prompt: Prompt, id: string): string {
  if (prompt.kind !== 'single_choice' && prompt.kind !== 'checklist') return id;
  const option = prompt.options.find((o) => o.id === id);
  if (!option) throw new Error(`${prompt.id} has no option ${id}`);
  return option.label;
}
