import type { StorageLike } from './state/storage';

/**
 * Where "Quick exit" goes: a busy, ordinary site that says nothing about counseling, so a glance
 * at the screen (or at the tab's back button) shows nothing worth asking about.
 */
export const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** Everything this page keeps on the device starts with this: drafts and the session marker. */
const LOCAL_PREFIX = 'trellis-homework:';

type EnumerableStorage = StorageLike & { readonly length: number; key(index: number): string | null };

/** What the quick exit touches, handed in so a test can watch it without a browser. */
export interface QuickExitTarget {
  storage: EnumerableStorage | undefined;
  history: Pick<History, 'replaceState'>;
  location: Pick<Location, 'replace'>;
  /** Blanks what is on screen at once, before the neutral site has loaded. */
  blankPage(): void;
}

/** Removes every copy of homework this browser holds (unsaved answers of any link, whose session it was). */
export const clearLocalHomework = (storage: EnumerableStorage | undefined): void => {
  try {
    if (!storage) return;
    const names: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const name = storage.key(i);
      if (name?.startsWith(LOCAL_PREFIX)) names.push(name);
    }
    for (const name of names) storage.removeItem(name);
  } catch {
    // Storage refused: there is nothing in it to clear.
  }
};

/**
 * One tap, and the homework is gone from the screen and the device: the local copies of answers
 * are removed, the page is blanked, its history entry is first pointed away from the link (the
 * token is in the URL) and then replaced by the neutral site, so Back does not come back here.
 * Each step runs even if an earlier one throws: leaving matters more than tidiness. Answers
 * already saved stay with the counselor; the partner opens the emailed link again to go on.
 */
export const quickExit = (target: QuickExitTarget, stopPage?: () => void): void => {
  const attempt = (step: () => void) => {
    try {
      step();
    } catch {
      // Keep going: the next steps still hide the homework.
    }
  };
  // First, so the page's own listeners cannot write a copy back while it goes.
  if (stopPage) attempt(stopPage);
  attempt(() => clearLocalHomework(target.storage));
  attempt(() => target.blankPage());
  attempt(() => target.history.replaceState(null, '', '/'));
  target.location.replace(QUICK_EXIT_URL);
};
