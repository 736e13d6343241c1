import { describe, expect, it } from '@jest/globals';
import type { CoupleView } from '@trellis/contracts';
import type { CoupleExport } from '@trellis/contracts';
import { renderExportHtml } from './export-html';

const couple = {
  displayName: 'Alex & Sam',
  therapistName: 'Dana Reyes',
  status: 'active',
  partners: [
    { position: 1, name: 'Alex', email: 'alex@example.test' },
    { position: 2, name: 'Sam', email: 'sam@example.test' },
  ],
} as CoupleView;

const note = (format: string, sections: Record<string, string>): CoupleExport['notes'][number] => ({
  id: format,
  format,
  sessionDate: '2026-11-30',
  signedAt: '2026-11-30T18:00:00.000Z',
  author: 'Dana Reyes',
  sections,
  addenda: [],
});

const headings = (html: string) => [...html.matchAll(/<h4>([^<]*)<\/h4>/g)].map((m) => m[1]);

describe('the printable record', () => {
  it('prints SOAP and DAP sections in clinical order under proper headings, whatever order they were stored in', () => {
    const html = renderExportHtml({
      exportedAt: '2026-12-01T09:00:00.000Z',
      couple,
      assignments: [],
      notes: [
        note('soap', { plan: 'Plan text', objective: 'Obj', assessment: 'Assess', subjective: 'Subj' }),
        note('dap', { plan: 'P', assessment: 'A', data: 'D' }),
      ],
    });
    expect(headings(html)).toEqual(['Subjective', 'Objective', 'Assessment', 'Plan', 'Data', 'Assessment', 'Plan']);
    expect(html).toContain('<h3>SOAP note — session 2026-11-30</h3>');
    expect(html).toContain('<h3>DAP note — session 2026-11-30</h3>');
    expect(html.indexOf('Subj')).toBeLessThan(html.indexOf('Plan text'));
  });

  it('heads a free-text note "Note" and escapes every section', () => {
    const html = renderExportHtml({
      exportedAt: '2026-12-01T09:00:00.000Z',
      couple,
      assignments: [],
      notes: [note('free', { body: '<script>x</script>' })],
    });
    expect(headings(html)).toEqual(['Note']);
    expect(html).toContain('<h3>Free text note');
    expect(html).not.toContain('<script>x');
  });
});
