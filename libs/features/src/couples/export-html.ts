import { isNoteFormat, NOTE_FORMAT_NAMES, noteSectionsInOrder } from '@trellis/contracts';
import { escapeHtml } from '@trellis/mail';
import type { Prompt } from '@trellis/domain';
import type { CoupleExport } from '@trellis/contracts';

function answerText(prompt: Prompt, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (prompt.kind === 'scale') return `${value} / ${prompt.max} (${prompt.minLabel} … ${prompt.maxLabel})`;
  if (prompt.kind === 'single_choice') return prompt.options.find((o) => o.id === value)?.label ?? String(value);
  if (prompt.kind === 'checklist' && Array.isArray(value))
    return value.map((id) => prompt.options.find((o) => o.id === id)?.label ?? id).join('; ') || '—';
  return String(value);
}

const e = (value: string | null | undefined) => escapeHtml(value ?? '');

/** Each measure: one row per partner per check-in, with the score and every answer as given. */
function measuresHtml(record: CoupleExport, names: [string, string]): string {
  return record.measures
    .map((m) => {
      const label = new Map(m.items.map((item) => [item.id, item.label]));
      const rows = m.responses
        .map((r) => {
          const answers = Object.entries(r.answers)
            .map(([id, value]) => `${e(label.get(id) ?? id)}: ${value === null ? 'skipped' : e(String(value))}`)
            .join('<br>');
          const score =
            r.score === null ? 'not scored (too many items skipped)' : `${r.score}${r.prorated ? ' (prorated)' : ''}`;
          return `<tr><td>${e(r.submittedAt.slice(0, 16).replace('T', ' '))}</td><td>${e(names[r.partner - 1])}</td><td>${e(score)}${r.band ? ` · ${e(r.band.replace('_', '-'))}` : ''}</td><td>${e(String(r.measureVersion))}</td><td>${answers}</td></tr>`;
        })
        .join('');
      return `<section><h3>${e(m.title)}</h3>
<table><thead><tr><th scope="col">Answered (UTC)</th><th scope="col">Partner</th><th scope="col">Score</th><th scope="col">Version</th><th scope="col">Answers</th></tr></thead><tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');
}

const REVIEW_ANSWER_WORDS = { kept: 'kept', mostly: 'mostly', not_kept: 'not kept' } as const;

/**
 * Each agreement: its wordings (with who confirmed each, and when) and the weekly grid, one row per
 * week with each partner's answer and their note for the counselor.
 */
function agreementsHtml(record: CoupleExport, names: [string, string]): string {
  const when = (iso: string) => e(iso.slice(0, 16).replace('T', ' '));
  return record.agreements
    .map((a) => {
      const current = a.versions[a.versions.length - 1];
      const versions = a.versions
        .map((v) => {
          const confirmed = v.confirmations.length
            ? v.confirmations.map((c) => `${e(names[c.partner - 1])} ${when(c.confirmedAt)}`).join('; ')
            : 'not confirmed';
          return `<tr><td>${v.version}</td><td>${e(v.text)}</td><td>${e(v.editedBy)}, ${when(v.createdAt)}</td><td>${confirmed}</td></tr>`;
        })
        .join('');
      const cell = (p: CoupleExport['agreements'][number]['weeks'][number]['partners'][number] | undefined) => {
        if (!p?.answer) return '<td>—</td>';
        const version = p.version !== null && p.version !== current?.version ? ` (wording ${p.version})` : '';
        return `<td>${REVIEW_ANSWER_WORDS[p.answer]}${version}${p.note ? `<br>Note for the counselor: ${e(p.note)}` : ''}</td>`;
      };
      const weeks = a.weeks
        .map(
          (w) =>
            `<tr><td>${e(w.weekOf)}</td>${cell(w.partners.find((p) => p.partner === 1))}${cell(w.partners.find((p) => p.partner === 2))}<td>${w.accountsDiffer ? 'differ' : '—'}</td></tr>`,
        )
        .join('');
      return `<section><h3>${e(current?.text)}</h3>
<p class="meta">${a.source === 'exercise_answer' ? 'From an exercise answer' : 'Agreed in session'} · added ${e(a.createdAt.slice(0, 10))}${a.retiredAt ? ` · retired ${e(a.retiredAt.slice(0, 10))}` : ''}</p>
<table><thead><tr><th scope="col">Version</th><th scope="col">Wording</th><th scope="col">Written by</th><th scope="col">Confirmed (UTC)</th></tr></thead><tbody>${versions}</tbody></table>
${weeks ? `<table><thead><tr><th scope="col">Week of</th><th scope="col">${e(names[0])}</th><th scope="col">${e(names[1])}</th><th scope="col">Accounts</th></tr></thead><tbody>${weeks}</tbody></table>` : '<p>Not reviewed yet.</p>'}</section>`;
    })
    .join('\n');
}

/**
 * A printable record (every value escaped): print it, or "save as PDF" from the browser. Landmarks
 * and headings for screen readers: the couple and who exported it in a `<header>` under the one
 * `<h1>`, the record in `<main>` (h2 per part, h3 per item, h4 per note section).
 */
export function renderExportHtml(record: CoupleExport): string {
  const [p1, p2] = record.couple.partners;
  const names: [string, string] = [p1?.name ?? 'Partner 1', p2?.name ?? 'Partner 2'];
  const assignments = record.assignments
    .map((a) => {
      const rows = a.prompts
        .map((prompt) => {
          const one = a.answers.find((x) => x.partner === 1)?.answers ?? null;
          const two = a.answers.find((x) => x.partner === 2)?.answers ?? null;
          return `<tr><th scope="row">${e(prompt.label)}</th><td>${e(answerText(prompt, one?.[prompt.id]))}</td><td>${e(answerText(prompt, two?.[prompt.id]))}</td></tr>`;
        })
        .join('');
      return `<section><h3>${e(a.title)}</h3>
<p class="meta">Assigned ${e(a.assignedAt.slice(0, 10))} · due ${e(a.dueAt.slice(0, 10))}${a.cancelledAt ? ' · cancelled' : ''}${a.review ? ` · reviewed ${e(a.review.reviewedAt.slice(0, 10))}` : ''}</p>
${a.message ? `<p>Message to the couple: ${e(a.message)}</p>` : ''}
<table><thead><tr><th scope="col">Prompt</th><th scope="col">${e(p1?.name)}</th><th scope="col">${e(p2?.name)}</th></tr></thead><tbody>${rows}</tbody></table>
${(a.review?.comments ?? []).map((c) => `<p>Comment to the couple from ${e(c.author)}, ${e(c.createdAt.slice(0, 10))}: ${e(c.body)}</p>`).join('')}</section>`;
    })
    .join('\n');
  const notes = record.notes
    .map(
      (
        n,
      ) => `<section><h3>${e(isNoteFormat(n.format) ? NOTE_FORMAT_NAMES[n.format] : n.format)} note — session ${e(n.sessionDate)}</h3>
<p class="meta">Signed ${e(n.signedAt.slice(0, 16).replace('T', ' '))} by ${e(n.author)}</p>
${noteSectionsInOrder(n.format, n.sections)
  .map((s) => `<h4>${e(s.heading)}</h4><p class="section">${e(s.text)}</p>`)
  .join('')}
${n.addenda.map((x) => `<blockquote><strong>Addendum, ${e(x.signedAt.slice(0, 16).replace('T', ' '))}, ${e(x.author)}:</strong> ${e(x.body)}</blockquote>`).join('')}</section>`,
    )
    .join('\n');
  const attendanceWord = { attended: 'attended', late: 'late', absent: 'absent' } as const;
  const sessions = record.sessions
    .map((s) => {
      const who = s.attendance.map((a) => `${e(a.partnerName)}: ${attendanceWord[a.attendance]}`).join('; ');
      const status = s.status === 'no_show' ? 'no-show' : s.status;
      return `<tr><td>${e(s.startsAt.slice(0, 16).replace('T', ' '))} UTC</td><td>${s.durationMinutes} min</td><td>${e(status)}${s.cancelReason ? ` (${e(s.cancelReason)})` : ''}</td><td>${who || '—'}</td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(record.couple.displayName)} — Trellis record</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d1d1d}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.4rem;text-align:left;vertical-align:top}.meta{color:#555}section{break-inside:avoid;margin-bottom:1.5rem}p.section{white-space:pre-wrap}blockquote{border-left:3px solid #888;margin:.5rem 0;padding-left:.75rem}@media print{body{margin:0}}</style></head>
<body><header><h1>${e(record.couple.displayName)}</h1>
<p class="meta">Therapist: ${e(record.couple.therapistName)} · status ${e(record.couple.status)} · exported ${e(record.exportedAt.slice(0, 16).replace('T', ' '))} UTC · confidential clinical record</p>
<p>Partners: ${e(p1?.name)} (${e(p1?.email)}), ${e(p2?.name)} (${e(p2?.email)})</p></header>
<main>
<h2>Sessions</h2>${sessions ? `<table><thead><tr><th scope="col">When</th><th scope="col">Length</th><th scope="col">Status</th><th scope="col">Attendance</th></tr></thead><tbody>${sessions}</tbody></table>` : '<p>No sessions yet.</p>'}
<h2>Homework</h2>${assignments || '<p>No homework yet.</p>'}
<h2>Signed session notes</h2>${notes || '<p>No signed notes.</p>'}
<h2>Check-ins</h2>${measuresHtml(record, names) || '<p>No check-ins answered.</p>'}
<h2>Agreements</h2>${agreementsHtml(record, names) || '<p>No agreements.</p>'}
</main>
</body></html>`;
}
