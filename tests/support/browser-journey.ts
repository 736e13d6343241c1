import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { type BrowserStack, startBrowserStack } from './browser-stack';

const ROOT = join(__dirname, '..', '..');
/** Screenshots and console output of failed journeys (git-ignored). */
export const FAILURE_DIR = join(ROOT, 'test-output', 'browser');
/** Pictures of the main screens for the docs, refreshed only with UPDATE_SCREENSHOTS=1. */
export const DOCS_SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

interface Actor {
  name: string;
  context: BrowserContext;
  page: Page;
  console: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/**
 * Console errors a journey may log without failing, each with the reason it is not a defect. Anything
 * else logged with `console.error` (React's warnings in a development build among them) fails the
 * journey, so a warning cannot creep back unnoticed.
 */
export const ALLOWED_CONSOLE_ERRORS: ReadonlyArray<{ pattern: RegExp; reason: string }> = [
  {
    // Chromium itself logs every 4xx answer to fetch(), whatever the page does with it. The app asks
    // on purpose and shows the outcome: "who am I" before sign-in (401), a wrong password (401), a
    // used or foreign link (404/409/410), a rejected form (400/422). The journeys assert that outcome
    // on screen; a 5xx is never allowed.
    pattern: /^Failed to load resource: the server responded with a status of 4\d\d\b/,
    reason: 'the browser logs every 4xx response; the journey checks what the page shows for it',
  },
];

const isAllowedConsoleError = (text: string) => ALLOWED_CONSOLE_ERRORS.some(({ pattern }) => pattern.test(text));

/** The people of one journey, each in a browser context of their own (own cookies and storage). */
export class Journey {
  private readonly actors: Actor[] = [];

  constructor(
    readonly stack: BrowserStack,
    readonly title: string,
  ) {}

  get origin(): string {
    return this.stack.origin;
  }

  /** A fresh browser profile for one person, with its console recorded for failure reports. */
  async open(name: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await this.stack.browser.newContext({
      viewport: DESKTOP,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      reducedMotion: 'reduce',
      ...options,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const actor: Actor = { name, context, page, console: [], pageErrors: [], consoleErrors: [] };
    const stamp = () => new Date().toISOString().slice(11, 23);
    page.on('console', (message) => {
      actor.console.push(`${stamp()} [${message.type()}] ${message.text()}`);
      if (message.type() === 'error' && !isAllowedConsoleError(message.text())) {
        actor.consoleErrors.push(`${message.text()} (${message.location().url || page.url()})`);
      }
    });
    page.on('pageerror', (error) => {
      actor.console.push(`${stamp()} [pageerror] ${error.stack ?? error.message}`);
      actor.pageErrors.push(error.message);
    });
    page.on('requestfailed', (request) =>
      actor.console.push(
        `${stamp()} [requestfailed] ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`,
      ),
    );
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) actor.console.push(`${stamp()} [navigated] ${frame.url()}`);
    });
    this.actors.push(actor);
    return page;
  }

  /** With UPDATE_SCREENSHOTS=1, saves the page to docs/screenshots/<name>.png; otherwise nothing. */
  async documentScreen(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
    if (process.env.UPDATE_SCREENSHOTS !== '1') return;
    mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({
      path: join(DOCS_SCREENSHOT_DIR, `${name}.png`),
      fullPage,
      animations: 'disabled',
      caret: 'hide',
    });
  }

  /** Uncaught errors in any of this journey's pages (a journey with any fails). */
  pageErrors(): string[] {
    return this.actors.flatMap((a) => a.pageErrors.map((e) => `${a.name}: ${e}`));
  }

  /** `console.error` output of any of this journey's pages, bar ALLOWED_CONSOLE_ERRORS (a journey with any fails). */
  consoleErrors(): string[] {
    return this.actors.flatMap((a) => a.consoleErrors.map((e) => `${a.name}: ${e}`));
  }

  /** A screenshot and the console output of every page, under test-output/browser/<journey>/. */
  async saveFailureArtefacts(error: unknown): Promise<string> {
    const dir = join(FAILURE_DIR, slug(this.title));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'error.txt'), error instanceof Error ? (error.stack ?? error.message) : String(error));
    for (const actor of this.actors) {
      const base = join(dir, slug(actor.name));
      writeFileSync(`${base}.console.log`, [`url: ${actor.page.url()}`, ...actor.console].join('\n') + '\n');
      try {
        await actor.page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 });
      } catch (screenshotError) {
        writeFileSync(`${base}.screenshot-failed.txt`, String(screenshotError));
      }
    }
    return dir;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.actors.map((a) => a.context.close()));
  }
}

/**
 * Starts the stack once per file (app on a free port, worker, Chromium) and returns `journey`, which
 * defines one test: it gets a Journey for opening browser pages; on failure each page's screenshot
 * and console output are saved before the error is reported; every page is closed afterwards.
 */
export function useBrowserStack(options: Parameters<typeof startBrowserStack>[0] = {}) {
  let stack: BrowserStack | undefined;

  beforeAll(async () => {
    stack = await startBrowserStack(options);
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  // Jest reads `testTimeout` from the root config only (a project's own is ignored): say it here.
  const journey = (title: string, run: (journey: Journey) => Promise<void>, timeout = 60_000) =>
    it(
      title,
      async () => {
        if (!stack) throw new Error('the browser stack did not start (see beforeAll)');
        const current = new Journey(stack, title);
        try {
          await run(current);
          const errors = current.pageErrors();
          if (errors.length) throw new Error(`Uncaught errors in the page:\n${errors.join('\n')}`);
          const consoleErrors = current.consoleErrors();
          if (consoleErrors.length) {
            throw new Error(
              `Errors in the browser console (fix them, or allow one in ALLOWED_CONSOLE_ERRORS with the reason):\n${consoleErrors.join('\n')}`,
            );
          }
        } catch (error) {
          const dir = await current.saveFailureArtefacts(error).catch(() => undefined);
          if (dir && error instanceof Error) {
            const note = `\n(screenshots and console output: ${dir})`;
            error.message += note;
            if (error.stack) error.stack = error.stack.replace(/\n\s+at /, `${note}\n    at `);
          }
          throw error;
        } finally {
          await current.close();
        }
      },
      timeout,
    );

  return {
    journey,
    get stack(): BrowserStack {
      if (!stack) throw new Error('the browser stack is not started yet');
      return stack;
    },
  };
}
