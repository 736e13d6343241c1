import { describe, expect, it } from '@jest/globals';
import type { ClinicMeasureSummaryRow } from '@trellis/contracts';
import { summaryBar, summarySentence } from './clinicSummary';

const row = (overrides: Partial<ClinicMeasureSummaryRow> = {}): ClinicMeasureSummaryRow => ({
  measureId: 'm',
  title: 'Weekly check-in',
  kind: 'outcome',
  basis: 'clinic_threshold',
  threshold: 5,
  improving: 3,
  unchanged: 0,
  worsening: 1,
  tooFew: 4,
  ...overrides,
});

describe('the clinic summary bar', () => {
  it('splits the bar by share, skipping empty groups, in a fixed order', () => {
    const { total, segments } = summaryBar(row());
    expect(total).toBe(8);
    expect(segments.map((s) => [s.key, s.x, s.width])).toEqual([
      ['improving', 0, 37.5],
      ['worsening', 37.5, 12.5],
      ['tooFew', 50, 50],
    ]);
  });

  it('draws nothing for a measure with no couples', () => {
    expect(summaryBar(row({ improving: 0, worsening: 0, tooFew: 0 })).segments).toEqual([]);
  });

  it('says it in words, with the bar used', () => {
    expect(summarySentence(row())).toBe(
      '8 couples: 3 improving, 0 unchanged, 1 worsening, 4 too soon to say. A real change is a change of 5 points (your clinic’s setting).',
    );
    expect(
      summarySentence(row({ basis: 'reliable_change', threshold: 9.5, tooFew: 0, improving: 1, worsening: 0 })),
    ).toBe(
      '1 couple: 1 improving, 0 unchanged, 0 worsening, 0 too soon to say. A real change is a change of 9.5 points (the measure’s reliable change).',
    );
  });
});
