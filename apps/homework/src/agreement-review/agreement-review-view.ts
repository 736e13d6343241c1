import type { AgreementReviewForm, AgreementReviewResult, AgreementReviewSubmission } from '@trellis/contracts';
import type { AgreementReviewAnswer, ChecklistPrompt, LongTextPrompt, SingleChoicePrompt } from '@trellis/domain';
import { fieldName } from '../answers';
import { busy, card, h } from '../views/dom';
import { checklistField } from '../views/prompts/checklist';
import type { PromptField } from '../views/prompts/field';
import { longTextField } from '../views/prompts/long-text';
import { singleChoiceField } from '../views/prompts/single-choice';

const ONLY_COUNSELOR = 'Only your counselor sees this. Your partner never does.';

const confirmPrompt = (agreementId: string, text: string): ChecklistPrompt => ({
  id: `c-${agreementId}`,
  kind: 'checklist',
  label: `“${text}”`,
  help: 'New or reworded since you last saw it.',
  required: false,
  audience: 'counselor_only',
  options: [{ id: 'yes', label: 'I agree to this' }],
});

const answerPrompt = (agreementId: string, text: string): SingleChoicePrompt => ({
  id: `a-${agreementId}`,
  kind: 'single_choice',
  label: `Did this hold this week? “${text}”`,
  required: false,
  audience: 'counselor_only',
  options: [
    { id: 'kept', label: 'Kept' },
    { id: 'mostly', label: 'Mostly' },
    { id: 'not_kept', label: 'Not kept' },
  ],
});

const notePrompt = (agreementId: string): LongTextPrompt => ({
  id: `n-${agreementId}`,
  kind: 'long_text',
  label: 'Anything your counselor should know? (optional)',
  required: false,
  audience: 'counselor_only',
  maxLength: 1000,
});

export interface AgreementReviewActions {
  /** Sends the review; resolves to a message to show, or null when the page moved on. */
  submit(body: Omit<AgreementReviewSubmission, 'token'>): Promise<{ message: string } | null>;
}

/**
 * The weekly review: first the agreements this partner has not confirmed (new or reworded), then
 * per agreement kept / mostly / not kept and an optional note for the counselor. Sent once. A link
 * that only asks to confirm (no week) shows the first part alone.
 */
export const agreementReviewFormView = (form: AgreementReviewForm, actions: AgreementReviewActions): HTMLElement => {
  const confirmOnly = form.weekOf === null;
  const toConfirm = form.agreements.filter((a) => !a.confirmed);
  const confirmFields = toConfirm.map((a) =>
    checklistField(confirmPrompt(a.agreementId, a.text), undefined, 'Your counselor sees what you confirm.'),
  );
  const reviewFields: PromptField[] = confirmOnly
    ? []
    : form.agreements.flatMap((a) => [
        singleChoiceField(answerPrompt(a.agreementId, a.text), undefined, ONLY_COUNSELOR),
        longTextField(notePrompt(a.agreementId), undefined, ONLY_COUNSELOR),
      ]);
  const formError = h('p', { class: 'form-error', role: 'alert', tabindex: '-1' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Send');
  const element = h(
    'form',
    { novalidate: '', 'aria-labelledby': 'page-title' },
    toConfirm.length ? h('h2', {}, 'Agreements to confirm') : null,
    ...confirmFields.map((f) => f.element),
    confirmOnly ? null : h('h2', {}, 'This week'),
    ...reviewFields.map((f) => f.element),
    formError,
    button,
  );
  const checked = (promptId: string): string | null =>
    element.querySelector<HTMLInputElement>(`input[name="${fieldName(promptId)}"]:checked`)?.value ?? null;
  const read = (): Omit<AgreementReviewSubmission, 'token'> => ({
    confirmVersionIds: toConfirm.filter((a) => checked(`c-${a.agreementId}`) === 'yes').map((a) => a.versionId),
    reviews: form.agreements.flatMap((a) => {
      const answer = checked(`a-${a.agreementId}`) as AgreementReviewAnswer | null;
      if (!answer) return [];
      const note = element
        .querySelector<HTMLTextAreaElement>(`textarea[name="${fieldName(`n-${a.agreementId}`)}"]`)
        ?.value.trim();
      return [{ agreementId: a.agreementId, answer, ...(note ? { note } : {}) }];
    }),
  });
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const done = busy(button, 'Sending…');
    if (!done) return;
    formError.textContent = '';
    void actions.submit(read()).then((problem) => {
      done();
      if (!problem) return;
      formError.textContent = problem.message;
      formError.focus();
    });
  });
  if (confirmOnly)
    return card(
      'Agreements to confirm',
      h('p', { class: 'lead' }, `Hi ${form.partnerFirstName}. Please read what your counselor wrote down.`),
      h('p', { class: 'hint' }, 'Tick what is right for you. Your counselor sees what you confirm.'),
      toConfirm.length ? element : h('p', {}, 'There is nothing left to confirm. You can close this page.'),
    );
  return card(
    'Your weekly check-in',
    h('p', { class: 'lead' }, `Hi ${form.partnerFirstName}. How did your agreements hold this week?`),
    h('p', { class: 'hint' }, 'Your answers go to your counselor, not to your partner.'),
    form.agreements.length ? element : h('p', {}, 'There are no agreements to look at this week.'),
  );
};

const weeks = (n: number): string => (n === 1 ? '1 week' : `${n} weeks`);

/**
 * After sending: each agreement's shared streak, the weeks in a row you both said it was kept.
 * Nothing else of the other partner: not their answer, not their note. After only confirming: thanks.
 */
export const agreementReviewResultView = (result: AgreementReviewResult, confirmOnly = false): HTMLElement =>
  confirmOnly
    ? card(
        'Thank you',
        h('p', { class: 'lead', role: 'status' }, 'Your counselor will see what you confirmed.'),
        h('p', { class: 'hint' }, 'This link is now closed. You can close this page.'),
      )
    : card(
        'Thank you',
        h('p', { class: 'lead', role: 'status' }, 'Your answers are with your counselor.'),
        result.streaks.length ? h('h2', {}, 'Kept together') : null,
        result.streaks.length
          ? h(
              'ul',
              { class: 'streaks' },
              ...result.streaks.map((s) =>
                h(
                  'li',
                  {},
                  `“${s.text}”: `,
                  s.keptWeeksInARow > 0 ? `${weeks(s.keptWeeksInARow)} in a row, kept by you both` : 'a fresh start',
                ),
              ),
            )
          : null,
        h('p', { class: 'hint' }, 'A week counts once you have both said the agreement was kept.'),
        h('p', { class: 'hint' }, 'This link is now closed. You can close this page.'),
      );

/** Any 404 for a review link: answered, expired or unknown, all alike. */
export const closedAgreementReviewView = (): HTMLElement =>
  card(
    'This check-in is closed',
    h('p', {}, 'This link no longer works: the check-in was answered, or its time has passed.'),
    h('p', {}, 'The next one will come by email. If you think something is wrong, ask your counselor.'),
  );
