import { describe, expect, it } from '@jest/globals';
import type { SessionNoteView } from '@trellis/contracts';
import { emptySections, isBlankNote, noteBody, sortNotes, switchFormat } from './notes';

describe('session note helpers', () => {
  it('gives each format its sections, in order', () => {
    expect(Object.keys(emptySections('soap'))).toEqual(['subjective', 'objective', 'assessment', 'plan']);
    expect(emptySections('dap')).toEqual({ data: '', assessment: '', plan: '' });
    expect(emptySections('free')).toEqual({ body: '' });
  });

  it('keeps what was typed when switching format', () => {
    const soap = { subjective: 'Felt unheard.', objective: '', assessment: 'Progress.', plan: 'Check-in daily.' };
    expect(switchFormat(soap, 'dap')).toEqual({
      data: 'Felt unheard.',
      assessment: 'Progress.',
      plan: 'Check-in daily.',
    });
    expect(switchFormat(soap, 'free')).toEqual({ body: 'Felt unheard.\n\nProgress.\n\nCheck-in daily.' });
    expect(switchFormat({ body: '' }, 'soap')).toEqual(emptySections('soap'));
  });

  it('sends only the format’s sections, trimmed', () => {
    expect(noteBody('dap', '2026-05-01', { data: ' Talked. ', plan: 'Next week', stray: 'x' })).toEqual({
      format: 'dap',
      sessionDate: '2026-05-01',
      sections: { data: 'Talked.', assessment: '', plan: 'Next week' },
    });
  });

  it('knows a blank note', () => {
    expect(isBlankNote({ body: '  ' })).toBe(true);
    expect(isBlankNote({ data: '', plan: 'x' })).toBe(false);
  });

  it('lists the newest session first, drafts before signed notes of the same day', () => {
    const note = (id: string, sessionDate: string, signedAt: string | null): SessionNoteView => ({
      id,
      coupleId: 'c',
      authorId: 'a',
      authorName: 'A',
      format: 'free',
      sessionDate,
      sessionId: null,
      sections: { body: '' },
      signedAt,
      createdAt: `${sessionDate}T10:00:00Z`,
      updatedAt: `${sessionDate}T10:00:00Z`,
      addenda: [],
    });
    const sorted = sortNotes([
      note('old', '2026-04-01', 'x'),
      note('signed', '2026-05-01', 'x'),
      note('draft', '2026-05-01', null),
    ]);
    expect(sorted.map((n) => n.id)).toEqual(['draft', 'signed', 'old']);
  });
});
