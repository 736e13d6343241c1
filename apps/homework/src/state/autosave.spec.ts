import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Autosave, type AutosaveStatus, backoffMs, type SaveOutcome } from './autosave';

/** A save whose answers the test hands out one by one. */
const controlledSave = () => {
  const calls: { value: string; resolve: (outcome: SaveOutcome) => void }[] = [];
  const save = (value: string) => new Promise<SaveOutcome>((resolve) => calls.push({ value, resolve }));
  return { calls, save };
};

const setup = (overrides: { save?: (value: string) => Promise<SaveOutcome> } = {}) => {
  const controlled = controlledSave();
  const statuses: AutosaveStatus[] = [];
  const saved: [string, boolean][] = [];
  const autosave = new Autosave<string>({
    save: overrides.save ?? controlled.save,
    onStatus: (s) => statuses.push(s),
    onSaved: (at, settled) => saved.push([at, settled]),
  });
  const kinds = () => statuses.map((s) => s.kind);
  return { autosave, calls: controlled.calls, statuses, saved, kinds };
};

describe('Autosave', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('saves once, 1.2 s after the last change', async () => {
    const { autosave, calls, kinds, saved } = setup();
    autosave.change('a');
    await jest.advanceTimersByTimeAsync(1000);
    autosave.change('ab');
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.value)).toEqual(['ab']);
    expect(autosave.dirty).toBe(true);

    calls[0].resolve({ kind: 'saved', savedAt: '2025-12-01T14:02:00Z' });
    await jest.advanceTimersByTimeAsync(0);
    expect(kinds()).toEqual(['saving', 'saved']);
    expect(saved).toEqual([['2025-12-01T14:02:00Z', true]]);
    expect(autosave.dirty).toBe(false);
  });

  it('flush saves at once (blur, page hidden) and cancels the pending debounce', async () => {
    const { autosave, calls } = setup();
    autosave.change('a');
    void autosave.flush();
    expect(calls.map((c) => c.value)).toEqual(['a']);
    calls[0].resolve({ kind: 'saved', savedAt: 't1' });
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
  });

  it('flush with nothing new does not call the API', async () => {
    const { autosave, calls } = setup();
    await autosave.flush();
    expect(calls).toHaveLength(0);
  });

  it('never runs two saves at once; changes made meanwhile are saved next', async () => {
    const { autosave, calls, saved } = setup();
    autosave.change('a');
    void autosave.flush();
    autosave.change('ab');
    void autosave.flush();
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);

    calls[0].resolve({ kind: 'saved', savedAt: 't1' });
    await jest.advanceTimersByTimeAsync(0);
    // The flush asked while the first save was running: the newer answers go straight after it.
    expect(calls.map((c) => c.value)).toEqual(['a', 'ab']);
    expect(saved).toEqual([['t1', false]]);
    calls[1].resolve({ kind: 'saved', savedAt: 't2' });
    await jest.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([
      ['t1', false],
      ['t2', true],
    ]);
    expect(autosave.dirty).toBe(false);
  });

  it('typing during a save waits for the debounce again', async () => {
    const { autosave, calls } = setup();
    autosave.change('a');
    await jest.advanceTimersByTimeAsync(1200);
    autosave.change('ab');
    calls[0].resolve({ kind: 'saved', savedAt: 't1' });
    await jest.advanceTimersByTimeAsync(1100);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.value)).toEqual(['a', 'ab']);
  });

  it('offline: retries with growing waits, carrying the newest answers, without flickering "Saving…"', async () => {
    const { autosave, calls, kinds } = setup();
    autosave.change('a');
    void autosave.flush();
    calls[0].resolve({ kind: 'offline' });
    await jest.advanceTimersByTimeAsync(0);
    expect(kinds()).toEqual(['saving', 'offline']);

    // Typing while offline does not fire a request per pause.
    autosave.change('ab');
    await jest.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.value)).toEqual(['a', 'ab']);
    calls[1].resolve({ kind: 'offline' });
    await jest.advanceTimersByTimeAsync(3999);
    expect(calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    calls[2].resolve({ kind: 'saved', savedAt: 't' });
    await jest.advanceTimersByTimeAsync(0);
    expect(kinds()).toEqual(['saving', 'offline', 'offline', 'saved']);
  });

  it('the "online" event retries at once', async () => {
    const { autosave, calls } = setup();
    autosave.change('a');
    void autosave.flush();
    calls[0].resolve({ kind: 'offline' });
    await jest.advanceTimersByTimeAsync(0);
    autosave.retryNow();
    expect(calls).toHaveLength(2);
    // …and not again when nothing is waiting.
    calls[1].resolve({ kind: 'saved', savedAt: 't' });
    await jest.advanceTimersByTimeAsync(0);
    autosave.retryNow();
    expect(calls).toHaveLength(2);
  });

  it('honours Retry-After on a busy server', async () => {
    const { autosave, calls, kinds } = setup();
    autosave.change('a');
    void autosave.flush();
    calls[0].resolve({ kind: 'retry', afterMs: 30_000 });
    await jest.advanceTimersByTimeAsync(29_999);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(kinds()).toEqual(['saving', 'retrying']);
  });

  it('a save that throws is retried like a failing server', async () => {
    let n = 0;
    const { autosave } = setup({
      save: async () => {
        n++;
        if (n === 1) throw new Error('boom');
        return { kind: 'saved', savedAt: 't' };
      },
    });
    autosave.change('a');
    await autosave.flush();
    await jest.advanceTimersByTimeAsync(backoffMs(1));
    expect(n).toBe(2);
    expect(autosave.dirty).toBe(false);
  });

  it('refused answers wait for the next change instead of retrying', async () => {
    const { autosave, calls, statuses } = setup();
    autosave.change('a');
    void autosave.flush();
    calls[0].resolve({ kind: 'invalid', errors: { q1: 'Too long' } });
    await jest.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ kind: 'invalid', errors: { q1: 'Too long' } });
    autosave.change('b');
    await jest.advanceTimersByTimeAsync(1200);
    expect(calls).toHaveLength(2);
  });

  it('halts for good on 401/409 or another session', async () => {
    const { autosave, calls, statuses } = setup();
    autosave.change('a');
    void autosave.flush();
    calls[0].resolve({ kind: 'halt', reason: 'submitted' });
    await jest.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toEqual({ kind: 'halted', reason: 'submitted' });
    autosave.change('b');
    await autosave.flush();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
  });

  it('pause waits for the save in flight and stops saving until resumed', async () => {
    const { autosave, calls } = setup();
    autosave.change('a');
    void autosave.flush();
    let paused = false;
    const pausing = autosave.pause().then(() => (paused = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(paused).toBe(false);
    calls[0].resolve({ kind: 'saved', savedAt: 't' });
    await pausing;

    autosave.change('b');
    await autosave.flush();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    autosave.resume();
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(['a', 'b']);
  });

  it('dispose cancels a pending save', async () => {
    const { autosave, calls } = setup();
    autosave.change('a');
    autosave.dispose();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(0);
  });

  it('backs off 2, 4, 8 … seconds up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffMs)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});
