import { escapeHtml } from './escape-html';
import { EmailLayoutParts } from './rendered-email';

/**
 * One calm, accessible layout for every message: inline styles only (mail clients drop <style>),
 * a plain-text twin with the same words, and the link spelled out for clients that strip buttons.
 */
export function renderLayout(parts: EmailLayoutParts): { html: string; text: string } {
  const paragraphs = parts.paragraphs
    .map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`)
    .join('\n');
  const action = parts.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(parts.action.url)}" style="background:#2f5d50;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(parts.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555">If the button does not work, copy this address into your browser:<br><span style="word-break:break-all;overflow-wrap:anywhere">${escapeHtml(parts.action.url)}</span></p>`
    : '';
  const footer = parts.footer
    ? `<p style="margin:24px 0 0;font-size:13px;color:#555">${escapeHtml(parts.footer)}</p>`
    : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(parts.heading)}</title></head>
<body style="margin:0;padding:16px;background:#f6f4ef;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1d1d1d">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 8px;font-size:13px;color:#555">${escapeHtml(parts.clinicName)}</p>
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(parts.heading)}</h1>
${paragraphs}
${action}
${footer}
</div></body></html>`;
  const text = [
    parts.clinicName,
    '',
    parts.heading,
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ''] : []),
    ...(parts.footer ? [parts.footer] : []),
  ]
    .join('\n')
    .trim();
  return { html, text: `${text}\n` };
}
