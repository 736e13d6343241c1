import type { DigestContent, DigestEmailDetail } from '@trellis/contracts';
import { escapeHtml } from '@trellis/mail';
import { RenderedEmail } from '@trellis/mail';

const e = escapeHtml;
const cell = 'border:1px solid #ddd;padding:6px;text-align:left;vertical-align:top';

/**
 * The off-track couples of a weekly digest: how many, and a link to them. With totals only, the
 * link is the home screen's Off-track panel and no couple is named; with names, each couple links
 * to its Progress tab. Never the reasons or any score: those are clinical and stay in Trellis.
 */
function offTrackPart(
  content: DigestContent,
  detail: DigestEmailDetail,
  appUrl: string | undefined,
): { html: string; text: string[] } | null {
  const couples = content.offTrack;
  if (!couples) return null;
  const count = couples.length;
  const line =
    count === 0
      ? 'No couple is off track on their check-ins.'
      : `${count} ${count === 1 ? 'couple is' : 'couples are'} off track on their check-ins.`;
  const base = appUrl ?? '';
  const home = `${base}/#/`;
  if (detail === 'counts' || count === 0) {
    return {
      html: `<p style="margin:16px 0 0">${e(line)}${count > 0 ? ` <a href="${e(home)}">See them on your home screen</a>.` : ''}</p>`,
      text: [line, ...(count > 0 ? [`See them on your home screen: ${home}`] : [])],
    };
  }
  const progress = (id: string) => `${base}/#/couples/${encodeURIComponent(id)}/show/progress`;
  return {
    html: `<p style="margin:16px 0 4px">${e(line)}</p><ul style="margin:0">${couples
      .map((c) => `<li><a href="${e(progress(c.coupleId))}">${e(c.coupleName)}</a></li>`)
      .join('')}</ul>`,
    text: [line, ...couples.map((c) => `- ${c.coupleName}: ${progress(c.coupleId)}`)],
  };
}

/** A couple's homework in a phrase: each partner by engagement, or the old counts for a digest made before. */
function homeworkPhrase(c: DigestContent['couples'][number]): string {
  return c.engagement ?? `${c.completed} completed, ${c.overdue} overdue`;
}

/**
 * The partners to check in with (weekly): with totals only, how many and a link to the home
 * screen's task list, naming nobody; with names, who and in which couple. Counts only, never
 * anything a partner wrote.
 */
function checkInPart(content: DigestContent, detail: DigestEmailDetail, appUrl: string | undefined) {
  const who = content.couples.flatMap((c) => (c.checkInWith ?? []).map((name) => ({ name, couple: c })));
  if (who.length === 0) return null;
  const home = `${appUrl ?? ''}/#/`;
  const count = `${who.length} ${who.length === 1 ? 'partner has' : 'partners have'} missed several homeworks in a row.`;
  if (detail === 'counts') {
    return {
      html: `<p style="margin:16px 0 0">${e(count)} <a href="${e(home)}">See who to check in with on your home screen</a>.</p>`,
      text: [count, `See who to check in with on your home screen: ${home}`],
    };
  }
  const lines = who.map(
    ({ name, couple }) => `Check in with ${name} (${couple.coupleName}): ${homeworkPhrase(couple)}`,
  );
  return {
    html: `<p style="margin:16px 0 4px">${e(count)}</p><ul style="margin:0">${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`,
    text: [count, ...lines.map((l) => `- ${l}`)],
  };
}

/**
 * The weekly and pre-session digests, with as much of the homework as the clinic allows in email:
 * totals only (the default), couples by name, or names with the answers side by side. `appUrl` is
 * the dashboard's public address, for the off-track links.
 */
export function renderDigestEmail(
  content: DigestContent,
  kind: 'weekly' | 'pre_session',
  dashboardUrl: string,
  detail: DigestEmailDetail,
  appUrl?: string,
): RenderedEmail {
  const offTrack = kind === 'weekly' ? offTrackPart(content, detail, appUrl) : null;
  const checkIns = kind === 'weekly' ? checkInPart(content, detail, appUrl) : null;
  if (detail === 'counts') return renderCountsOnly(content, kind, dashboardUrl, offTrack, checkIns);
  if (detail === 'names')
    content = { ...content, submissions: [], couples: content.couples.map((c) => ({ ...c, notableScales: [] })) };
  const heading =
    kind === 'weekly'
      ? `Your week at ${content.clinicName}`
      : `Before your session with ${content.couples[0]?.coupleName ?? 'a couple'}`;
  const coupleRows = content.couples
    .map(
      (c) =>
        `<tr><td style="${cell}">${e(c.coupleName)}</td><td style="${cell}">${e(homeworkPhrase(c))}</td><td style="${cell}">${c.awaitingReview}</td><td style="${cell}">${c.notableScales
          .map((s) => `${e(s.partner)}: ${e(s.prompt)} — ${s.value}/${s.max}`)
          .join('<br>')}</td></tr>`,
    )
    .join('');
  const submissions = (content.submissions ?? [])
    .map(
      (s) => `<h3 style="font-size:16px;margin:16px 0 8px">${e(s.title)}</h3>
<table style="border-collapse:collapse;width:100%"><tr><th style="${cell}">Prompt</th><th style="${cell}">${e(content.partnerNames?.[0] ?? 'Partner A')}</th><th style="${cell}">${e(content.partnerNames?.[1] ?? 'Partner B')}</th></tr>
${s.rows.map((r) => `<tr><td style="${cell}">${e(r.prompt)}</td><td style="${cell}">${e(r.partnerA)}</td><td style="${cell}">${e(r.partnerB)}</td></tr>`).join('')}</table>`,
    )
    .join('');
  const html = digestPage(
    content,
    heading,
    `<table style="border-collapse:collapse;width:100%"><tr><th style="${cell}">Couple</th><th style="${cell}">Homework</th><th style="${cell}">Awaiting review</th><th style="${cell}">Notable answers</th></tr>${coupleRows || `<tr><td style="${cell}" colspan="4">No couples with homework in this period.</td></tr>`}</table>
${checkIns?.html ?? ''}
${offTrack?.html ?? ''}
${submissions}
<p style="margin:24px 0 0"><a href="${e(dashboardUrl)}">Open Trellis</a> to review and reply.</p>
<p style="margin:16px 0 0;font-size:13px;color:#555">${detail === 'answers' ? "Confidential: this email contains clients' homework. Do not forward it." : 'Confidential: this email names the couples in your care. Do not forward it.'}</p>`,
  );
  const text = [
    `${content.clinicName} · ${content.periodLabel}`,
    '',
    heading,
    '',
    ...content.couples.map(
      (c) =>
        `${c.coupleName}: ${homeworkPhrase(c)}; ${c.awaitingReview} awaiting review${c.notableScales.length ? `; notable: ${c.notableScales.map((s) => `${s.partner} ${s.prompt} ${s.value}/${s.max}`).join('; ')}` : ''}`,
    ),
    ...(checkIns ? ['', ...checkIns.text] : []),
    ...(offTrack ? ['', ...offTrack.text] : []),
    ...(content.submissions ?? []).flatMap((s) => [
      '',
      s.title,
      ...s.rows.map(
        (r) =>
          `- ${r.prompt}\n  ${content.partnerNames?.[0] ?? 'A'}: ${r.partnerA}\n  ${content.partnerNames?.[1] ?? 'B'}: ${r.partnerB}`,
      ),
    ]),
    '',
    `Open Trellis: ${dashboardUrl}`,
    detail === 'answers'
      ? 'Confidential: this email contains clients’ homework. Do not forward it.'
      : 'Confidential: this email names the couples in your care. Do not forward it.',
  ].join('\n');
  return { subject: heading, html, text: `${text}\n` };
}

/** Totals and a link: nothing that names a couple or says what anyone wrote. */
function renderCountsOnly(
  content: DigestContent,
  kind: 'weekly' | 'pre_session',
  dashboardUrl: string,
  offTrack: { html: string; text: string[] } | null,
  checkIns: { html: string; text: string[] } | null = null,
): RenderedEmail {
  const sum = (pick: (c: DigestContent['couples'][number]) => number) =>
    content.couples.reduce((total, c) => total + pick(c), 0);
  const heading = kind === 'weekly' ? `Your week at ${content.clinicName}` : 'Before your session tomorrow';
  const lines =
    kind === 'weekly'
      ? [
          `Couples with homework this period: ${content.couples.length}`,
          `Completed: ${sum((c) => c.completed)}`,
          `Overdue: ${sum((c) => c.overdue)}`,
          `Awaiting your review: ${sum((c) => c.awaitingReview)}`,
        ]
      : [`Homework submitted since your last session: ${(content.submissions ?? []).length}`];
  const html = digestPage(
    content,
    heading,
    `<ul>${lines.map((line) => `<li>${e(line)}</li>`).join('')}</ul>
${checkIns?.html ?? ''}
${offTrack?.html ?? ''}
<p style="margin:24px 0 0"><a href="${e(dashboardUrl)}">Open Trellis</a> to see who and what, and to review and reply.</p>
<p style="margin:16px 0 0;font-size:13px;color:#555">Names and answers stay in Trellis: your clinic keeps them out of email.</p>`,
  );
  const text = [
    `${content.clinicName} · ${content.periodLabel}`,
    '',
    heading,
    '',
    ...lines,
    ...(checkIns ? ['', ...checkIns.text] : []),
    ...(offTrack ? ['', ...offTrack.text] : []),
    '',
    `Open Trellis: ${dashboardUrl}`,
    'Names and answers stay in Trellis: your clinic keeps them out of email.',
  ].join('\n');
  return { subject: heading, html, text: `${text}\n` };
}

/** The page every digest email shares: the clinic and period, the heading, then `body` (HTML). */
function digestPage(content: DigestContent, heading: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(heading)}</title></head>
<body style="margin:0;padding:24px;background:#f6f4ef;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1d1d1d">
<div style="max-width:720px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<p style="margin:0 0 8px;font-size:13px;color:#555">${e(content.clinicName)} · ${e(content.periodLabel)}</p>
<h1 style="margin:0 0 16px;font-size:20px">${e(heading)}</h1>
${body}
</div></body></html>`;
}
