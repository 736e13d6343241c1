/// <reference lib="dom" />
import type { AxeResults, ImpactValue } from 'axe-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FAILURE_DIR } from './browser-journey';

// Injected with page.evaluate (a DevTools evaluation): the app's Content-Security-Policy, which
// allows only our own scripts, would block a <script> tag, and it should stay on under test.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: ImpactValue | null | undefined;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

const BLOCKING: readonly (ImpactValue | null | undefined)[] = ['serious', 'critical'];
/** The dashboard's bar (issue 15): nothing moderate either. */
const MODERATE_OR_WORSE: readonly (ImpactValue | null | undefined)[] = ['moderate', ...BLOCKING];

/**
 * Runs axe-core on the page as it is now. Returns the violations of impact "serious" or "critical"
 * (printed, so a failing run shows them in full); all findings, minor ones included, are written to
 * test-output/browser/axe/<label>.json for a look.
 */
export async function seriousAccessibilityViolations(page: Page, label: string): Promise<AxeFinding[]> {
  return accessibilityViolations(page, label, BLOCKING);
}

/** As seriousAccessibilityViolations, but "moderate" findings count too (the dashboard's bar). */
export async function moderateAccessibilityViolations(page: Page, label: string): Promise<AxeFinding[]> {
  return accessibilityViolations(page, label, MODERATE_OR_WORSE);
}

async function accessibilityViolations(
  page: Page,
  label: string,
  blocking: readonly (ImpactValue | null | undefined)[],
): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  await settleTransitions(page);
  const findings: AxeFinding[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 300),
        summary: n.failureSummary ?? '',
      })),
    }));
  });
  const dir = join(FAILURE_DIR, 'axe');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${label}.json`), JSON.stringify({ url: page.url(), findings }, null, 2));
  const serious = findings.filter((f) => blocking.includes(f.impact));
  if (serious.length) {
    console.log(
      `axe: ${serious.length} violation(s) of impact ${blocking.join('/')} on ${label} (${page.url()}):\n` +
        serious
          .map(
            (f) =>
              `- [${f.impact}] ${f.id}: ${f.help} (${f.helpUrl})\n${f.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`,
          )
          .join('\n'),
    );
  }
  return serious;
}

/**
 * Waits for the page's finite animations and transitions to end. A snackbar or dialog caught in its
 * fade-in has colours blended with the page behind it, and axe would measure that blend (a CI run
 * measured an error snackbar at 4.33:1 halfway in; settled it is 6.5:1). Endless ones (a spinner)
 * never finish and are left alone; a transition started by the end of another is waited for too.
 */
async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let round = 0; round < 5; round++) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      if (!running.length) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}
