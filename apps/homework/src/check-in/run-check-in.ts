import { type ApiFailure, checkInRequest } from '../api';
import { problemView } from '../views/messages';
import { checkInFormView, checkInResultView, closedCheckInView } from './check-in-view';
import { toCheckInForm, toCheckInResult } from './check-in-data';

/**
 * A check-in link (`/h/c/<token>`): show the questions (which changes nothing, so an email
 * scanner opening the link is harmless), then submit once. Every refusal of the link shows the same
 * "closed" page, whatever the reason.
 */
export const runCheckIn = async (token: string, display: (view: HTMLElement) => void): Promise<void> => {
  const trouble = (failure: ApiFailure, retry: () => void) => display(problemView(failure.message, retry));
  const open = async (): Promise<void> => {
    const form = await checkInRequest('/link', { token }, toCheckInForm);
    if (!form.ok) {
      if (form.status === 404) display(closedCheckInView());
      else trouble(form, () => void open());
      return;
    }
    display(
      checkInFormView(form.data, {
        submit: async (answers) => {
          const result = await checkInRequest('/submit', { token, answers }, toCheckInResult);
          if (result.ok) {
            display(checkInResultView(result.data));
            return null;
          }
          if (result.status === 404 || result.status === 409) {
            display(closedCheckInView());
            return null;
          }
          return { message: result.message, fieldErrors: result.fieldErrors };
        },
      }),
    );
  };
  await open();
};
