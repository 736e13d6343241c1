import { describe, expect, it } from '@jest/globals';
import { initialStatusText, OFFLINE_TEXT, saveStatusText } from './save-status';

const time = (iso: string) => iso.slice(11, 16);

describe('saveStatusText', () => {
  it('words each autosave state', () => {
    expect(saveStatusText({ kind: 'saving' }, time)).toBe('Saving…');
    expect(saveStatusText({ kind: 'saved', savedAt: '2025-12-01T14:02:09Z' }, time)).toBe('Saved at 14:02');
    expect(saveStatusText({ kind: 'offline' }, time)).toBe(OFFLINE_TEXT);
    expect(OFFLINE_TEXT).toBe(
      'Offline — your answers are kept on this device and will be saved when you’re back online',
    );
    expect(saveStatusText({ kind: 'invalid', errors: { a: 'x' } }, time)).toMatch(/see the note/);
    expect(saveStatusText({ kind: 'halted', reason: 'submitted' }, time)).toBeUndefined();
  });

  it('starts with the last save, if any', () => {
    expect(initialStatusText(null, time)).toBe('Your answers save as you type.');
    expect(initialStatusText('2025-12-01T09:15:00Z', time)).toBe('Last saved at 09:15. Your answers save as you type.');
  });
});
