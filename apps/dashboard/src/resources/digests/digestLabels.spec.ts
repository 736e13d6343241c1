import { describe, expect, it } from '@jest/globals';
import type { DigestView } from '@trellis/contracts';
import { digestCoupleName, digestPeriod, digestTitle, notableScaleText, partnerColumns } from './digestLabels';

const line = {
  coupleId: 'c1',
  coupleName: 'Alex & Sam',
  completed: 1,
  overdue: 0,
  awaitingReview: 1,
  notableScales: [],
};
const weekly: DigestView = {
  id: 'd1',
  kind: 'weekly',
  coupleId: null,
  periodStart: '2026-04-27T07:00:00.000Z',
  periodEnd: '2026-05-04T07:00:00.000Z',
  createdAt: '2026-05-04T07:00:05.000Z',
  content: {
    therapistName: 'Dana Reyes',
    clinicName: 'Riverside Counseling',
    periodLabel: '27 April – 4 May',
    couples: [line, { ...line, coupleId: 'c2', coupleName: 'Kim & Lee' }],
  },
};
const preSession: DigestView = {
  ...weekly,
  id: 'd2',
  kind: 'pre_session',
  coupleId: 'c1',
  content: {
    ...weekly.content,
    periodLabel: 'since 20 April',
    couples: [line],
    submissions: [],
    partnerNames: ['Alex', 'Sam'],
  },
};

describe('digest labels', () => {
  it('titles a digest like its email', () => {
    expect(digestTitle(weekly)).toBe('Your week at Riverside Counseling');
    expect(digestTitle(preSession)).toBe('Before your session with Alex & Sam');
    expect(digestTitle({ ...preSession, content: { ...preSession.content, couples: [] } })).toBe(
      'Before your session with a couple',
    );
  });

  it('names the couple of a pre-session digest only', () => {
    expect(digestCoupleName(preSession)).toBe('Alex & Sam');
    expect(digestCoupleName(weekly)).toBeUndefined();
  });

  it('uses the worker’s wording of the period, else the dates', () => {
    const day = (iso: string) => iso.slice(0, 10);
    expect(digestPeriod(weekly, day)).toBe('27 April – 4 May');
    expect(digestPeriod({ ...weekly, content: { ...weekly.content, periodLabel: '' } }, day)).toBe(
      '2026-04-27 – 2026-05-04',
    );
  });

  it('heads the answer columns with the partners’ names', () => {
    expect(partnerColumns(preSession.content)).toEqual(['Alex', 'Sam']);
    expect(partnerColumns({})).toEqual(['Partner A', 'Partner B']);
  });

  it('words a notable scale answer', () => {
    expect(
      notableScaleText({ partner: 'Alex', exercise: 'Check-in', prompt: 'How safe did you feel?', value: 2, max: 10 }),
    ).toBe('Alex: How safe did you feel? 2 of 10 (Check-in)');
  });
});
