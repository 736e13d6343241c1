import { type AnswerMap, type AnswerProblem, readersNote, readersOf, validateAnswers } from '@trellis/domain';
import { saveDraft, submitAnswers } from '../api';
import { collectAnswers, fieldName, withoutPrompts } from '../answers';
import type { HomeworkView } from '../homework-data';
import { promptErrors } from '../problem';
import { Autosave } from '../state/autosave';
import type { DeviceSession } from '../state/device-session';
import type { DraftStore } from '../state/local-draft';
import { saveOutcome } from '../state/save-outcome';
import { confirmSubmit } from './confirm-dialog';
import { busy, card, clockTime, h, paragraphs } from './dom';
import { formReader, promptField } from './prompts';
import { initialStatusText, saveStatusText } from './save-status';
import { notSafePanel } from './not-safe';
import { pathSummary } from './path';
import { therapistComments } from './therapist-comments';

export type HomeworkExit =
  | { kind: 'submitted'; submittedAt: string; answers: AnswerMap }
  /** 409: submitted before (another device, another tab); the first submission is kept. */
  | { kind: 'already-submitted' }
  | { kind: 'session-ended' }
  | { kind: 'switched' };

export interface HomeworkPageOptions {
  view: HomeworkView;
  /** What the form starts with: the server's answers, or this device's newer copy. */
  answers: AnswerMap;
  /** The device's copy was newer than the server's: save it straight away. */
  saveAtOnce: boolean;
  drafts: DraftStore;
  session: DeviceSession;
  exit: (how: HomeworkExit) => void;
}

const byPrompt = (problems: readonly AnswerProblem[]): Record<string, string> =>
  Object.fromEntries(problems.map((p) => [p.promptId, p.message]));

const section = (id: string, heading: string, text: string, className = ''): HTMLElement | null =>
  text.trim()
    ? h(
        'section',
        { 'aria-labelledby': id, class: className || undefined },
        h('h2', { id }, heading),
        ...paragraphs(text),
      )
    : null;

/** The homework itself: what it is for, the questions, autosave, and Submit. */
export const homeworkPage = (options: HomeworkPageOptions): { element: HTMLElement; dispose: () => void } => {
  const { view, drafts, session } = options;
  const prompts = view.prompts;
  const promptIds = prompts.map((p) => p.id);
  // Under each question, who will read the answer: nobody should write without knowing.
  const fields = prompts.map((prompt) =>
    promptField(prompt, options.answers[prompt.id], readersNote(readersOf(prompt, view.sharesAnswersAfterBoth))),
  );
  const fieldFor = new Map(fields.map((f) => [fieldName(f.prompt.id), f]));

  const status = h(
    'p',
    { id: 'save-status', class: 'save-status', 'aria-live': 'polite' },
    initialStatusText(view.lastSavedAt, clockTime),
  );
  const submitError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Submit');
  const anyRequired = prompts.some((p) => p.required);
  const form = h(
    'form',
    { novalidate: '', 'aria-labelledby': 'answers-title' },
    h('h2', { id: 'answers-title' }, 'Your answers'),
    anyRequired
      ? h(
          'p',
          { class: 'hint' },
          'Questions marked (required) need an answer before you submit. The rest are up to you.',
        )
      : null,
    ...fields.map((f) => f.element),
    status,
    h('div', { class: 'actions' }, submit),
    submitError,
  );

  const minutes = view.estimatedMinutes;
  const element = card(
    view.title,
    h('p', { class: 'meta' }, `From ${view.therapistName}${view.clinicName ? ` at ${view.clinicName}` : ''}`),
    view.dueLabel ? h('p', { class: 'meta' }, `Please finish by ${view.dueLabel}.`) : null,
    minutes ? h('p', { class: 'meta' }, `It takes about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`) : null,
    therapistComments(view),
    pathSummary(view),
    section('note-title', `A note from ${view.therapistName}`, view.message, 'note'),
    section('purpose-title', 'Why this helps', view.purpose),
    section('instructions-title', 'How to do it', view.instructions),
    form,
    notSafePanel(view),
  );

  const collect = (): AnswerMap => collectAnswers(prompts, formReader(form));
  let baseSavedAt = view.lastSavedAt;
  let changedAt = new Date().toISOString();
  let lastJson = JSON.stringify(collect());
  const listeners = new AbortController();
  let exited = false;

  const showErrors = (messages: Record<string, string>, { focus }: { focus: boolean }): void => {
    let first: (typeof fields)[number] | undefined;
    for (const field of fields) {
      const message = messages[field.prompt.id] ?? null;
      field.setError(message);
      if (message !== null) first ??= field;
    }
    if (focus && first) {
      first.focus();
      first.element.scrollIntoView({ block: 'start' });
    }
  };

  const autosave: Autosave<AnswerMap> = new Autosave<AnswerMap>({
    save: async (answers) => {
      // The cookie now belongs to another partner's link: saving would write into their answers.
      if (session.isSomeoneElses()) return { kind: 'halt', reason: 'switched' };
      // Answers the API refuses even as a draft (e.g. one tick too many) stay on this device until
      // fixed; the rest are saved.
      const unsaveable = validateAnswers(prompts, answers, { mode: 'draft' }).map((p) => p.promptId);
      const keepalive = document.visibilityState === 'hidden';
      return saveOutcome(await saveDraft(withoutPrompts(answers, unsaveable), { keepalive }), promptIds);
    },
    onStatus: (next) => {
      const text = saveStatusText(next, clockTime);
      if (text !== undefined && status.textContent !== text) status.textContent = text;
      status.classList.toggle('save-status--warn', next.kind !== 'saving' && next.kind !== 'saved');
      if (next.kind === 'invalid') showErrors(next.errors, { focus: false });
      if (next.kind === 'halted') {
        leave(
          next.reason === 'submitted'
            ? { kind: 'already-submitted' }
            : next.reason === 'switched'
              ? { kind: 'switched' }
              : { kind: 'session-ended' },
        );
      }
    },
    onSaved: (savedAt, settled) => {
      baseSavedAt = savedAt;
      // Saved: the device's copy is no longer needed. Newer changes: keep them, based on this save.
      if (settled) drafts.clear();
      else drafts.write({ answers: collect(), changedAt, baseSavedAt });
    },
  });

  function leave(how: HomeworkExit): void {
    if (exited) return;
    exited = true;
    dispose();
    options.exit(how);
  }

  function dispose(): void {
    listeners.abort();
    autosave.dispose();
  }

  const onChange = (event: Event): void => {
    if (exited) return;
    const answers = collect();
    const json = JSON.stringify(answers);
    if (json === lastJson) return;
    lastJson = json;
    changedAt = new Date().toISOString();
    drafts.write({ answers, changedAt, baseSavedAt });
    // Refresh the changed question's message: a new problem (too many ticks) shows at once, an old
    // one goes away once fixed.
    const field = fieldFor.get((event.target as HTMLInputElement | null)?.name ?? '');
    if (field) {
      const draft = byPrompt(validateAnswers([field.prompt], answers, { mode: 'draft' }))[field.prompt.id];
      const stillWrong = field.hasError
        ? byPrompt(validateAnswers([field.prompt], answers, { mode: 'submit' }))[field.prompt.id]
        : undefined;
      field.setError(draft ?? stillWrong ?? null);
    }
    autosave.change(answers);
  };
  // `change` as well as `input`: some older browsers fire only `change` for radios and checkboxes.
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  form.addEventListener('focusout', () => void autosave.flush());
  const { signal } = listeners;
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    },
    { signal },
  );
  window.addEventListener('pagehide', () => void autosave.flush(), { signal });
  window.addEventListener('online', () => autosave.retryNow(), { signal });

  let submitting = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submitting || exited) return;
    submitError.textContent = '';
    const answers = collect();
    const problems = validateAnswers(prompts, answers, { mode: 'submit' });
    if (problems.length > 0) {
      showErrors(byPrompt(problems), { focus: true });
      return;
    }
    showErrors({}, { focus: false });
    if (!(await confirmSubmit(submit))) return;
    const done = busy(submit, 'Sending…');
    if (!done) return;
    submitting = true;
    // No draft save may race the submission (it would get a 409 and confuse the status line).
    await autosave.pause();
    if (session.isSomeoneElses()) return leave({ kind: 'switched' });
    const result = await submitAnswers(answers);
    submitting = false;
    if (result.ok) {
      drafts.clear();
      return leave({ kind: 'submitted', submittedAt: result.data.submittedAt, answers });
    }
    done();
    if (result.status === 401 || result.status === 404) return leave({ kind: 'session-ended' });
    if (result.status === 409) {
      drafts.clear();
      return leave({ kind: 'already-submitted' });
    }
    autosave.resume();
    if (result.status === 400) {
      const { byPrompt: messages, other } = promptErrors(result.fieldErrors, promptIds);
      showErrors(messages, { focus: true });
      if (Object.keys(messages).length === 0 || other.length > 0) {
        submitError.textContent = other.join(' ') || result.message;
      }
      return;
    }
    submitError.textContent =
      result.status === 0
        ? 'We couldn’t send your answers — check your connection and try again. Your answers are kept on this device.'
        : `${result.message} Your answers are kept on this device.`;
  });

  if (options.saveAtOnce) {
    drafts.write({ answers: collect(), changedAt, baseSavedAt });
    autosave.change(collect());
    void autosave.flush();
  }

  return { element, dispose };
};
