import { describe, expect, it } from '@jest/globals';
import { deviceSession } from './device-session';
import { chooseStartingAnswers, draftStore, type LocalDraft, pruneOldDrafts } from './local-draft';
import type { StorageLike } from './storage';

const memoryStorage = () => {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
};

const brokenStorage: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

const local = (over: Partial<LocalDraft> = {}): LocalDraft => ({
  answers: { feelings: 'on this phone' },
  changedAt: '2025-12-01T10:05:00Z',
  baseSavedAt: '2025-12-01T10:00:00Z',
  ...over,
});

const server = {
  status: 'draft' as const,
  answers: { feelings: 'on the server' },
  lastSavedAt: '2025-12-01T10:00:00Z',
};

describe('chooseStartingAnswers', () => {
  it('uses the server when this device has nothing unsaved', () => {
    expect(chooseStartingAnswers(server, null)).toEqual({
      source: 'server',
      answers: server.answers,
      discardLocal: false,
    });
  });

  it('restores the device copy when the server has not saved since it was made (whatever the clocks say)', () => {
    const skewed = local({ changedAt: '2020-01-01T00:00:00Z' });
    expect(chooseStartingAnswers(server, skewed)).toEqual({ source: 'local', answers: skewed.answers });
  });

  it('restores the device copy when nothing was ever saved on the server', () => {
    const fresh = { status: 'not_started' as const, answers: {}, lastSavedAt: null };
    expect(chooseStartingAnswers(fresh, local({ baseSavedAt: null })).source).toBe('local');
  });

  it('after a save from elsewhere, the newer of the two wins', () => {
    const later = { ...server, lastSavedAt: '2025-12-01T10:03:00Z' };
    expect(chooseStartingAnswers(later, local()).source).toBe('local'); // changed 10:05 > 10:03
    const latest = { ...server, lastSavedAt: '2025-12-01T10:09:00Z' };
    expect(chooseStartingAnswers(latest, local())).toEqual({
      source: 'server',
      answers: server.answers,
      discardLocal: true,
    });
  });

  it('a submitted response always wins: the first submission is kept', () => {
    const submitted = { ...server, status: 'submitted' as const, lastSavedAt: null };
    expect(chooseStartingAnswers(submitted, local())).toEqual({
      source: 'server',
      answers: server.answers,
      discardLocal: true,
    });
  });
});

describe('draftStore', () => {
  it('keeps a copy per link under the token key, never the token', () => {
    const storage = memoryStorage();
    const store = draftStore(storage, 'sabc123');
    store.write(local());
    expect([...storage.data.keys()]).toEqual(['trellis-homework:draft:sabc123']);
    expect(store.read()).toEqual(local());
    expect(draftStore(storage, 'sother').read()).toBeNull();
    store.clear();
    expect(storage.data.size).toBe(0);
  });

  it('ignores a damaged or foreign value', () => {
    const storage = memoryStorage();
    const store = draftStore(storage, 'k');
    storage.setItem('trellis-homework:draft:k', '{not json');
    expect(store.read()).toBeNull();
    storage.setItem('trellis-homework:draft:k', JSON.stringify({ answers: [], changedAt: 1 }));
    expect(store.read()).toBeNull();
  });

  it('works without storage (private mode, full quota): nothing kept, nothing thrown', () => {
    for (const storage of [undefined, brokenStorage]) {
      const store = draftStore(storage, 'k');
      expect(() => store.write(local())).not.toThrow();
      expect(store.read()).toBeNull();
      expect(() => store.clear()).not.toThrow();
    }
  });
});

describe('pruneOldDrafts', () => {
  it('drops unsaved copies nobody came back to within 30 days, and unreadable ones', () => {
    const storage = memoryStorage();
    draftStore(storage, 'recent').write(local({ changedAt: '2025-12-01T00:00:00Z' }));
    draftStore(storage, 'stale').write(local({ changedAt: '2025-10-01T00:00:00Z' }));
    storage.setItem('trellis-homework:draft:broken', 'nope');
    storage.setItem('trellis-homework:session', 'x');
    storage.setItem('someone-else', 'y');
    pruneOldDrafts(storage, Date.parse('2025-12-10T00:00:00Z'));
    expect([...storage.data.keys()].sort()).toEqual([
      'someone-else',
      'trellis-homework:draft:recent',
      'trellis-homework:session',
    ]);
  });
});

describe('deviceSession', () => {
  it('remembers which link started the session in this browser', () => {
    const storage = memoryStorage();
    const mine = deviceSession(storage, 'mine');
    const theirs = deviceSession(storage, 'theirs');
    expect(mine.isOurs()).toBe(false);
    expect(mine.isSomeoneElses()).toBe(false);

    mine.claim();
    expect(mine.isOurs()).toBe(true);
    expect(theirs.isSomeoneElses()).toBe(true);

    // The other partner starts their session on the same phone: this page must stop saving.
    theirs.claim();
    expect(mine.isSomeoneElses()).toBe(true);
    mine.release(); // not ours to release
    expect(theirs.isOurs()).toBe(true);
    theirs.release();
    expect(mine.isSomeoneElses()).toBe(false);
  });

  it('without storage the API decides: never "someone else"', () => {
    const session = deviceSession(brokenStorage, 'mine');
    session.claim();
    expect(session.isOurs()).toBe(false);
    expect(session.isSomeoneElses()).toBe(false);
  });
});
