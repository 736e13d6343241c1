import { describe, expect, it } from '@jest/globals';
import { checklist, longText, scale, singleChoice } from '@trellis/domain';
import { buildReviewRows, scalePercent } from './reviewRows';

const story = longText('story', 'What happened?');
const mood = scale('mood', 'How close do you feel?', 'Far', 'Close');
const areas = checklist('areas', 'Which areas?', [
  ['a', 'Money'],
  ['b', 'Time'],
  ['c', 'Family'],
]);
const pick = singleChoice('pick', 'Ready to talk?', [
  ['yes', 'Yes'],
  ['no', 'Not yet'],
]);
const note = longText('note', 'Anything else?', { required: false });
const prompts = [story, mood, areas, pick, note];

describe('buildReviewRows', () => {
  it('puts both partners side by side, prompt by prompt', () => {
    const rows = buildReviewRows(prompts, {
      1: { story: 'It was hard.', mood: 7, areas: ['c', 'a'], pick: 'yes' },
      2: { story: 'I felt alone.', mood: 3, areas: ['a', 'b'], pick: 'no', note: '  ' },
    });
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].cells).toEqual([
      { kind: 'text', text: 'It was hard.' },
      { kind: 'text', text: 'I felt alone.' },
    ]);
    expect(rows[1].cells[0]).toEqual({ kind: 'scale', value: 7, min: 0, max: 10, minLabel: 'Far', maxLabel: 'Close' });
    expect(rows[1].gap).toBe(4);
    // Labels in the prompt's order, whatever order the partner ticked them in.
    expect(rows[2].cells).toEqual([
      { kind: 'choices', labels: ['Money', 'Family'] },
      { kind: 'choices', labels: ['Money', 'Time'] },
    ]);
    expect(rows[2].shared).toEqual(['Money']);
    expect(rows[3].cells).toEqual([
      { kind: 'choices', labels: ['Yes'] },
      { kind: 'choices', labels: ['Not yet'] },
    ]);
    expect(rows[4].cells).toEqual([{ kind: 'unanswered' }, { kind: 'unanswered' }]);
  });

  it('shows a partner who has not submitted as such, and 0 as an answer', () => {
    const rows = buildReviewRows([mood], { 1: { mood: 0 }, 2: null });
    expect(rows[0].cells).toEqual([
      { kind: 'scale', value: 0, min: 0, max: 10, minLabel: 'Far', maxLabel: 'Close' },
      { kind: 'not_submitted' },
    ]);
    expect(rows[0].gap).toBeUndefined();
  });

  it('keeps answers to options the prompt no longer has visible', () => {
    const rows = buildReviewRows([areas, pick], { 1: { areas: ['a', 'zz'], pick: 'maybe' }, 2: null });
    expect(rows[0].cells[0]).toEqual({ kind: 'choices', labels: ['Money', 'zz'] });
    expect(rows[1].cells[0]).toEqual({ kind: 'choices', labels: ['maybe'] });
  });
});

describe('scalePercent', () => {
  it('places the end of the bar', () => {
    expect(scalePercent(5, 0, 10)).toBe(50);
    expect(scalePercent(10, 0, 10)).toBe(100);
    expect(scalePercent(0, 0, 10)).toBe(2);
    expect(scalePercent(3, 1, 5)).toBe(50);
    expect(scalePercent(12, 0, 10)).toBe(100);
  });
});
