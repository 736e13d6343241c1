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
      measures: [],
      sessions: [],
      agreements: [],
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
      measures: [],
      sessions: [],
      agreements: [],
    });
    expect(headings(html)).toEqual(['Note']);
    expect(html).toContain('<h3>Free text note');
    expect(html).not.toContain('<script>x');
  });

  it('prints each partner’s check-ins with their score and every answer, labelled and escaped', () => {
    const html = renderExportHtml({
      exportedAt: '2026-12-01T09:00:00.000Z',
      couple,
      assignments: [],
      notes: [],
      measures: [
        {
          measureId: 'm1',
          title: 'Weekly <check-in>',
          kind: 'outcome',
          items: [{ id: 'close', label: 'I felt close & safe.' }],
          responses: [
            {
              partner: 1,
              occurrence: 'week-0',
              submittedAt: '2026-11-02T09:30:00.000Z',
              measureVersion: 1,
              score: 31.5,
              band: 'clinical',
              prorated: true,
              answers: { close: 7, gone: null },
              itemScores: { close: 7 },
            },
            {
              partner: 2,
              occurrence: 'week-0',
              submittedAt: '2026-11-02T10:00:00.000Z',
              measureVersion: 1,
              score: null,
              band: null,
              prorated: false,
              answers: { close: null },
              itemScores: {},
            },
          ],
        },
      ],
      sessions: [],
      agreements: [],
    });
    expect(html).toContain('<h2>Check-ins</h2><section><h3>Weekly &lt;check-in&gt;</h3>');
    expect(html).toContain('<td>2026-11-02 09:30</td><td>Alex</td><td>31.5 (prorated) · clinical</td>');
    expect(html).toContain('I felt close &amp; safe.: 7<br>gone: skipped');
    expect(html).toContain('<td>Sam</td><td>not scored (too many items skipped)</td>');
  });

  it('says when no check-in was answered', () => {
    const html = renderExportHtml({
      exportedAt: '2026-12-01T09:00:00.000Z',
      couple,
      assignments: [],
      notes: [],
      measures: [],
      sessions: [],
      agreements: [],
    });
    expect(html).toContain('<h2>Check-ins</h2><p>No check-ins answered.</p>');
  });

  it('lists the sessions with each partner’s attendance, escaped', () => {
    const session = {
      id: 's1',
      coupleId: 'c1',
      coupleName: 'Alex & Sam',
      therapistId: 't1',
      therapistName: 'Dana Reyes',
      seriesId: null,
      frequency: null,
      startsAt: '2026-11-24T17:00:00.000Z',
      endsAt: '2026-11-24T17:50:00.000Z',
      durationMinutes: 50,
      location: null,
      videoUrl: null,
      cancelReason: null,
      note: null,
    } as const;
    const html = renderExportHtml({
      exportedAt: '2026-12-01T09:00:00.000Z',
      couple,
      assignments: [],
      notes: [],
      measures: [],
      sessions: [
        {
          ...session,
          status: 'held',
          attendance: [
            { position: 1, partnerName: 'Alex', attendance: 'attended' },
            { position: 2, partnerName: '<b>Sam</b>', attendance: 'absent' },
          ],
        },
        { ...session, id: 's2', status: 'cancelled', cancelReason: 'Ill <i>', attendance: [] },
      ],
      agreements: [],
    });
    expect(html).toContain('2026-11-24 17:00 UTC');
    expect(html).toContain('Alex: attended; &lt;b&gt;Sam&lt;/b&gt;: absent');
    expect(html).toContain('cancelled (Ill &lt;i&gt;)');
  });

  it('prints each agreement: every wording with who confirmed it, and the weekly grid with the counselor-only notes', () => {
    const html = renderExportHtml({
      exportedAt: '2026-12-01T09:00:00.000Z',
      couple,
      assignments: [],
      notes: [],
      measures: [],
      sessions: [],
      agreements: [
        {
          id: 'a1',
          status: 'retired',
          source: 'session',
          createdAt: '2026-11-01T09:00:00.000Z',
          retiredAt: '2026-11-30T09:00:00.000Z',
          versions: [
            {
              version: 1,
              text: 'We text by 6 <pm>',
              editedBy: 'Dana Reyes',
              createdAt: '2026-11-01T09:00:00.000Z',
              confirmations: [{ partner: 1, confirmedAt: '2026-11-02T08:00:00.000Z' }],
            },
            {
              version: 2,
              text: 'We text by 7 pm',
              editedBy: 'Dana Reyes',
              createdAt: '2026-11-10T09:00:00.000Z',
              confirmations: [],
            },
          ],
          weeks: [
            {
              weekOf: '2026-11-09',
              partners: [
                { partner: 1, answer: 'kept', note: null, version: 1 },
                { partner: 2, answer: 'not_kept', note: 'He <forgot>', version: 1 },
              ],
              accountsDiffer: true,
            },
            {
              weekOf: '2026-11-16',
              partners: [
                { partner: 1, answer: null, note: null, version: null },
                { partner: 2, answer: 'mostly', note: null, version: 2 },
              ],
              accountsDiffer: false,
            },
          ],
        },
      ],
    });
    expect(html).toContain('<h2>Agreements</h2><section><h3>We text by 7 pm</h3>');
    expect(html).toContain('Agreed in session · added 2026-11-01 · retired 2026-11-30');
    expect(html).toContain(
      '<td>1</td><td>We text by 6 &lt;pm&gt;</td><td>Dana Reyes, 2026-11-01 09:00</td><td>Alex 2026-11-02 08:00</td>',
    );
    expect(html).toContain(
      '<td>2</td><td>We text by 7 pm</td><td>Dana Reyes, 2026-11-10 09:00</td><td>not confirmed</td>',
    );
    expect(html).toContain(
      '<td>2026-11-09</td><td>kept (wording 1)</td><td>not kept (wording 1)<br>Note for the counselor: He &lt;forgot&gt;</td><td>differ</td>',
    );
    expect(html).toContain('<td>2026-11-16</td><td>—</td><td>mostly</td><td>—</td>');
  });

  it('says when the couple has no agreements', () => {
    const html = renderExportHtml({
      exportedAt: '2026-12-01T09:00:00.000Z',
      couple,
      assignments: [],
      notes: [],
      measures: [],
      sessions: [],
      agreements: [],
    });
    expect(html).toContain('<h2>Agreements</h2><p>No agreements.</p>');
  });

  it('has a header and a main landmark, one h1, and headings that never skip a level', () => {
    const html = renderExportHtml({
      exportedAt: '2026-12-01T09:00:00.000Z',
      couple,
      assignments: [],
      notes: [note('soap', { subjective: 'S', objective: 'O', assessment: 'A', plan: 'P' })],
      measures: [],
      sessions: [],
      agreements: [],
    });
    expect(html.match(/<header>/g)).toHaveLength(1);
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html.indexOf('</header>')).toBeLessThan(html.indexOf('<main>'));
    expect(html.indexOf('<main>')).toBeLessThan(html.indexOf('<h2>'));
    expect(html.indexOf('</main>')).toBeGreaterThan(html.lastIndexOf('</section>'));
    const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });
});
