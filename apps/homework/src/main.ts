import './styles.css';
import { type ApiFailure, fetchHomework, lookUpLink, startSession } from './api';
import { sanitizeAnswers } from './answers';
import { closedAgreementReviewView } from './agreement-review/agreement-review-view';
import { runAgreementReview } from './agreement-review/run-agreement-review';
import { closedCheckInView } from './check-in/check-in-view';
import { runCheckIn } from './check-in/run-check-in';
import type { HomeworkView } from './homework-data';
import { cleanToken, tokenFromPath } from './link-token';
import { quickExit } from './quick-exit';
import { deviceSession } from './state/device-session';
import { chooseStartingAnswers, draftStore, pruneOldDrafts } from './state/local-draft';
import { browserStorage } from './state/storage';
import { tokenKey } from './state/token-key';
import { show } from './views/dom';
import { greetingView, notYouView } from './views/greeting';
import { type HomeworkExit, homeworkPage } from './views/homework';
import { inactiveView } from './views/inactive';
import { noLinkView, problemView, sessionEndedView, switchedView } from './views/messages';
import { readOnlyView } from './views/read-only';

const main = document.querySelector('main');
if (!main) throw new Error('index.html must contain <main>');

/** Replaces the view; the homework page's listeners are removed when it goes. */
let disposeCurrent: (() => void) | undefined;

// Quick exit works from the first paint, on every view, whatever the page is doing.
document.getElementById('quick-exit')?.addEventListener('click', () =>
  quickExit(
    {
      storage: browserStorage(),
      history,
      location,
      blankPage: () => {
        document.title = '';
        document.body.replaceChildren();
      },
    },
    () => disposeCurrent?.(),
  ),
);
const display = (view: HTMLElement, focus = true): void => {
  disposeCurrent?.();
  disposeCurrent = undefined;
  show(main, view, { focus });
};

const run = async (token: string): Promise<void> => {
  const storage = browserStorage();
  pruneOldDrafts(storage, Date.now());
  const key = await tokenKey(token);
  const session = deviceSession(storage, key);
  const drafts = draftStore(storage, key);

  /** A refusal that is not about the link: say so and offer the same step again. */
  const trouble = (failure: ApiFailure, retry: () => void) => display(problemView(failure.message, retry));

  const greet = async (): Promise<void> => {
    const result = await lookUpLink(token);
    if (!result.ok) {
      if (result.status === 404) display(inactiveView());
      else trouble(result, () => void greet());
      return;
    }
    const link = result.data;
    const showGreeting = () =>
      display(
        greetingView(link, {
          start: async () => {
            const started = await startSession(token);
            if (started.ok) {
              session.claim();
              await open({ fromGreeting: true });
              return null;
            }
            if (started.status === 404) {
              display(inactiveView());
              return null;
            }
            return started.message;
          },
          notMe: () => display(notYouView(link.partnerFirstName, showGreeting)),
        }),
      );
    showGreeting();
  };

  const showSubmitted = async (fallback: HomeworkView, justSubmitted: boolean): Promise<void> => {
    // Fetch again: the other partner's answers may be shareable now.
    const fresh = await fetchHomework();
    display(readOnlyView(fresh.ok && fresh.data.status === 'submitted' ? fresh.data : fallback, { justSubmitted }));
  };

  const exit = (view: HomeworkView) => (how: HomeworkExit) => {
    switch (how.kind) {
      case 'submitted':
        void showSubmitted({ ...view, answers: how.answers, status: 'submitted', submittedAt: how.submittedAt }, true);
        return;
      case 'already-submitted':
        void open({ fromGreeting: true });
        return;
      case 'session-ended':
        session.release();
        display(sessionEndedView(() => void greet()));
        return;
      case 'switched':
        display(switchedView());
        return;
    }
  };

  /** Loads the homework with the session cookie; `fromGreeting`: the partner just tapped start. */
  const open = async ({ fromGreeting }: { fromGreeting: boolean }): Promise<void> => {
    const result = await fetchHomework();
    if (!result.ok) {
      if (result.status === 401 || result.status === 404) {
        session.release();
        // Straight from the link with an old session: greet again. Just after "start": say so.
        if (fromGreeting) display(sessionEndedView(() => void greet()));
        else await greet();
      } else {
        trouble(result, () => void open({ fromGreeting }));
      }
      return;
    }
    const view = result.data;
    const start = chooseStartingAnswers(view, drafts.read());
    if (view.status === 'submitted') {
      drafts.clear();
      display(readOnlyView(view, { justSubmitted: false }));
      return;
    }
    if (start.source === 'server' && start.discardLocal) drafts.clear();
    const page = homeworkPage({
      view,
      answers: start.source === 'local' ? sanitizeAnswers(view.prompts, start.answers) : view.answers,
      saveAtOnce: start.source === 'local',
      drafts,
      session,
      exit: exit(view),
    });
    display(page.element);
    disposeCurrent = page.dispose;
  };

  // This browser already holds this link's session (a reload, or coming back later): straight to
  // the homework. Otherwise the partner confirms who they are first.
  if (session.isOurs()) await open({ fromGreeting: false });
  else await greet();
};

// A check-in link is `/h/c/<token>`: the same page, its own short flow.
const checkInBase = `${import.meta.env.BASE_URL}c/`;
const isCheckIn = location.pathname.startsWith(checkInBase);
// A weekly agreement review link is `/h/a/<token>`, its own short flow too.
const agreementReviewBase = `${import.meta.env.BASE_URL}a/`;
const isAgreementReview = location.pathname.startsWith(agreementReviewBase);
const raw = tokenFromPath(
  location.pathname,
  isCheckIn ? checkInBase : isAgreementReview ? agreementReviewBase : import.meta.env.BASE_URL,
);
const token = cleanToken(raw);
if (token && isAgreementReview) void runAgreementReview(token, (view) => display(view));
else if (raw && isAgreementReview) display(closedAgreementReviewView(), false);
else if (token && isCheckIn) void runCheckIn(token, (view) => display(view));
else if (token) void run(token);
else if (raw) display(isCheckIn ? closedCheckInView() : inactiveView(), false);
else display(noLinkView(), false);
