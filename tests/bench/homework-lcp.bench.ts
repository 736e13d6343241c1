/// <reference lib="dom" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { HomeworkPage } from '../browser/homework-page';
import { assign, builtInExercise, CLINIC_NAME, practiceWithCouple } from '../browser/practice';
import { PHONE } from '../support/browser-journey';
import { type BrowserStack, startBrowserStack } from '../support/browser-stack';
import { followEmailedLink, homeworkLinkFromEmail } from '../support/email-links';
import { FULL, report } from './bench-report';

const RUNS = FULL ? 15 : 5;
const phone = { viewport: PHONE, isMobile: true, hasTouch: true } as const;

/** Chrome DevTools' "Fast 3G" preset (what puppeteer's PredefinedNetworkConditions also use). */
const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((750 * 1024) / 8) * 0.9,
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs in the page: the latest largest-contentful-paint entry, once its element is still in the
 * document. The homework page first paints "Loading your homework…" (an early LCP entry), then
 * replaces it: waiting for a connected element skips that stale candidate.
 */
const latestLcp = () =>
  new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('no largest-contentful-paint of the final view within 15 s')),
      15_000,
    );
    new PerformanceObserver((list, observer) => {
      const last = list.getEntries().at(-1) as LargestContentfulPaint | undefined;
      if (!last?.element?.isConnected) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve(last.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });

/** One load in a fresh context (empty cache), CPU 4× slower and Fast 3G; LCP in ms. */
async function measureLcp(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<number> {
  const context = await browser.newContext({ ...phone, ...options });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await ready(page);
    return await page.evaluate(latestLcp);
  } finally {
    await context.close();
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The baseline: the same visible text as static HTML (no script, no stylesheet), one request. */
function staticPage(visibleText: string): string {
  const [heading, ...lines] = visibleText
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Your homework</title></head>',
    `<body><main><h1>${escapeHtml(heading)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</main></body></html>`,
  ].join('');
}

/** A bare node http server on loopback serving each page at its own path. */
async function serveStatic(pages: Record<string, string>): Promise<{ url: (path: string) => string; server: Server }> {
  const server = createServer((request, response) => {
    const body = pages[request.url ?? ''];
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: (path) => `http://127.0.0.1:${port}${path}`, server };
}

/**
 * Largest Contentful Paint of the homework page as a client on a slow phone opens their emailed
 * link: the greeting ("Hi Alex"), and the answer form (a returning partner whose browser holds
 * the session, which goes straight to the form). Each against a static page of the same text
 * on a bare node server, loads interleaved so noise hits both. Needs the front ends built
 * (`npx nx run-many -t build -p dashboard homework`).
 */
describe('homework page: LCP on Fast 3G with a 4× slower CPU, against a static page', () => {
  let stack: BrowserStack;
  let baseline: Awaited<ReturnType<typeof serveStatic>> | undefined;

  beforeAll(async () => {
    stack = await startBrowserStack();
  }, 60_000);
  afterAll(async () => {
    const server = baseline?.server;
    if (server) await new Promise((resolve) => server.close(resolve).closeAllConnections());
    await stack?.stop();
  }, 30_000);

  it(
    `reports the median LCP of ${RUNS} fresh loads of the greeting and the answer form`,
    async () => {
      const { partners, asTherapist, couple } = await practiceWithCouple(stack);
      const exercise = await builtInExercise(stack, 'honest-check-in');
      await assign(asTherapist, exercise.id, couple.id);
      const message = await stack.mailbox.waitForMessageTo(
        partners[0].email,
        new RegExp(`Homework from ${CLINIC_NAME}`),
      );
      await followEmailedLink(stack.origin, message.raw, 'homework');
      const link = homeworkLinkFromEmail(message.raw, stack.origin);
      const greeting = `Hi ${partners[0].name.split(' ')[0]}`;
      const onGreeting = (page: Page) => new HomeworkPage(page).expectHeading(greeting);
      const onForm = (page: Page) => new HomeworkPage(page).expectHeading(exercise.title);

      // Unthrottled: read each view's visible text for the baseline, and start the session once;
      // its cookie and local storage then let a fresh context open straight on the form.
      const setup = await stack.browser.newContext(phone);
      const page = await setup.newPage();
      await page.goto(link);
      await onGreeting(page);
      const greetingText = await page.locator('main').innerText();
      await new HomeworkPage(page).startButton.click();
      await onForm(page);
      const formText = await page.locator('main').innerText();
      const session = await setup.storageState();
      await setup.close();
      baseline = await serveStatic({ '/greeting': staticPage(greetingText), '/form': staticPage(formText) });
      const loaded = async () => undefined;

      // One unmeasured round warms the API and Chromium. Every greeting looks the link up, and
      // link look-ups are limited to 30 per IP per 15 minutes: 2 + (1 + 15) stays under.
      const samples = {
        greeting: [] as number[],
        staticGreeting: [] as number[],
        form: [] as number[],
        staticForm: [] as number[],
      };
      for (let round = 0; round <= RUNS; round++) {
        const lcp = {
          greeting: await measureLcp(stack.browser, link, onGreeting),
          staticGreeting: await measureLcp(stack.browser, baseline.url('/greeting'), loaded),
          form: await measureLcp(stack.browser, link, onForm, { storageState: session }),
          staticForm: await measureLcp(stack.browser, baseline.url('/form'), loaded),
        };
        if (round === 0) continue;
        for (const key of Object.keys(samples) as (keyof typeof samples)[]) samples[key].push(lcp[key]);
      }

      const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round(median(v))])) as Record<
        keyof typeof samples,
        number
      >;
      const greetingRatio = m.greeting / m.staticGreeting;
      const formRatio = m.form / m.staticForm;
      report(
        `homework LCP (phone, Fast 3G, CPU 4×, median of ${RUNS} fresh loads): greeting ${m.greeting} ms vs static page ${m.staticGreeting} ms, ratio ${greetingRatio.toFixed(2)}; ` +
          `answer form ${m.form} ms vs static page ${m.staticForm} ms, ratio ${formRatio.toFixed(2)} ` +
          `(greeting samples ${samples.greeting.map(Math.round).join(', ')})`,
      );

      // Throttling really applied: no page can paint before its first response's latency.
      expect(m.staticGreeting).toBeGreaterThan(FAST_3G.latency);
      // Fail only far past the budget (2.5 s is "good" LCP on a real phone): these machines are noisy.
      expect(m.greeting).toBeLessThan(10_000);
      expect(m.form).toBeLessThan(10_000);
      expect(greetingRatio).toBeLessThan(10);
      expect(formRatio).toBeLessThan(10);
    },
    (FULL ? 10 : 4) * 60_000,
  );
});
