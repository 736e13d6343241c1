import { readItem, type StorageLike, writeItem } from './storage';

const OWNER_KEY = 'trellis-homework:session';

/**
 * Which link the homework session cookie in this browser was started for (as a token key).
 *
 * The cookie is scoped to one partner's response. Two partners can share a phone: if the other
 * partner starts their own session in another tab, the cookie changes under this page, and a save
 * from here would land in their response. So the page remembers whose session it started and stops
 * saving when that changes.
 */
export interface DeviceSession {
  /** This link started the session in this browser (as far as the device can tell). */
  isOurs(): boolean;
  /** Another link has started a session since: saving from here would write into theirs. */
  isSomeoneElses(): boolean;
  claim(): void;
  release(): void;
}

export const deviceSession = (storage: StorageLike | undefined, key: string): DeviceSession => {
  const owner = () => readItem(storage, OWNER_KEY);
  return {
    isOurs: () => owner() === key,
    // Unknown (storage refused, or cleared after a 401) is not "someone else": the API decides.
    isSomeoneElses: () => {
      const current = owner();
      return current !== null && current !== key;
    },
    claim: () => void writeItem(storage, OWNER_KEY, key),
    release: () => {
      if (owner() === key) writeItem(storage, OWNER_KEY, null);
    },
  };
};
