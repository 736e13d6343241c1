import { describe, expect, it } from '@jest/globals';
import { clearLocalHomework, QUICK_EXIT_URL, quickExit, type QuickExitTarget } from './quick-exit';

/** A Map-backed localStorage with the enumeration the page uses. */
const memoryStorage = (entries: Record<string, string>) => {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (index: number) => [...map.keys()][index] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
};

const target = (storage = memoryStorage({})) => {
  const steps: string[] = [];
  const value: QuickExitTarget = {
    storage,
    history: { replaceState: (_state, _unused, url) => void steps.push(`replaceState ${String(url)}`) },
    location: { replace: (url) => void steps.push(`replace ${String(url)}`) },
    blankPage: () => void steps.push('blank'),
  };
  return { value, steps };
};

describe('quick exit', () => {
  it('clears every local copy of homework, blanks the page, and replaces the history entry with the neutral site', () => {
    const storage = memoryStorage({
      'trellis-homework:draft:abc': JSON.stringify({ answers: { fear: 'I am scared' } }),
      'trellis-homework:draft:def': '{}',
      'trellis-homework:session': 'abc',
      'someone-elses-key': 'kept',
    });
    const { value, steps } = target(storage);
    quickExit(value, () => steps.push('stop page'));
    expect([...storage.map.keys()]).toEqual(['someone-elses-key']);
    expect(steps).toEqual(['stop page', 'blank', 'replaceState /', `replace ${QUICK_EXIT_URL}`]);
    expect(QUICK_EXIT_URL).not.toMatch(/trellis|counsel|therap|homework/i);
  });

  it('still leaves when a step throws or storage is refused', () => {
    const { value, steps } = target();
    value.storage = undefined;
    value.blankPage = () => {
      throw new Error('gone');
    };
    value.history = {
      replaceState: () => {
        throw new Error('SecurityError');
      },
    };
    quickExit(value, () => {
      throw new Error('already disposed');
    });
    expect(steps).toEqual([`replace ${QUICK_EXIT_URL}`]);
  });

  it('survives storage that throws while being read', () => {
    const broken = {
      length: 1,
      key: () => {
        throw new Error('denied');
      },
      getItem: () => null,
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(() => clearLocalHomework(broken)).not.toThrow();
  });
});
