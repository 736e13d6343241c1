import { describe, expect, it } from '@jest/globals';
import { noteSectionsInOrder } from './caseload';

describe('noteSectionsInOrder', () => {
  it('puts SOAP in clinical order with headings, however it was stored', () => {
    const stored = { plan: 'P', objective: 'O', assessment: 'A', subjective: 'S' };
    expect(noteSectionsInOrder('soap', stored).map((s) => [s.heading, s.text])).toEqual([
      ['Subjective', 'S'],
      ['Objective', 'O'],
      ['Assessment', 'A'],
      ['Plan', 'P'],
    ]);
  });

  it('puts DAP in clinical order with headings', () => {
    const stored = { plan: 'P', assessment: 'A', data: 'D' };
    expect(noteSectionsInOrder('dap', stored).map((s) => s.heading)).toEqual(['Data', 'Assessment', 'Plan']);
  });

  it('never drops a stored section the format does not list, and skips ones not stored', () => {
    expect(noteSectionsInOrder('dap', { plan: 'P', extra_thing: 'X' }).map((s) => s.heading)).toEqual([
      'Plan',
      'Extra_thing',
    ]);
    expect(noteSectionsInOrder('free', { body: 'B' })).toEqual([{ section: 'body', heading: 'Note', text: 'B' }]);
  });
});
