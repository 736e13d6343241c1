import { type ApiFailure, agreementReviewRequest } from '../api';
import { problemView } from '../views/messages';
import { toAgreementReviewForm, toAgreementReviewResult } from './agreement-review-data';
import { agreementReviewFormView, agreementReviewResultView, closedAgreementReviewView } from './agreement-review-view';

/**
 * A weekly agreement review link (`/h/a/<token>`), or a "please confirm" one (the same path, no
 * week): show the agreements (which changes nothing, so an email scanner opening the link is
 * harmless), then submit once. Every refusal of the link shows the same "closed" page, whatever the
 * reason.
 */
export const runAgreementReview = async (token: string, display: (view: HTMLElement) => void): Promise<void> => {
  const trouble = (failure: ApiFailure, retry: () => void) => display(problemView(failure.message, retry));
  const open = async (): Promise<void> => {
    const form = await agreementReviewRequest('/link', { token }, toAgreementReviewForm);
    if (!form.ok) {
      if (form.status === 404) display(closedAgreementReviewView());
      else trouble(form, () => void open());
      return;
    }
    display(
      agreementReviewFormView(form.data, {
        submit: async (body) => {
          const result = await agreementReviewRequest('/submit', { token, ...body }, toAgreementReviewResult);
          if (result.ok) {
            display(agreementReviewResultView(result.data, form.data.weekOf === null));
            return null;
          }
          if (result.status === 404) {
            display(closedAgreementReviewView());
            return null;
          }
          return { message: result.message };
        },
      }),
    );
  };
  await open();
};
