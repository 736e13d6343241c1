import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { createTestApp } from './create-test-app';
import type { SmtpCapture } from './smtp-capture';
import { connectTestDatabase } from './test-database';
import { startWorkerWithMailboxUsing, type WorkerWithMailbox } from './worker-harness-with-env';

/** Debian's Chromium (`apt-get install -y chromium`); playwright-core never downloads a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  // Needed when running as root (CI containers); the tests only ever open our own pages.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the built front ends are served from (`nx run-many -t build -p dashboard homework`). */
export const STATIC_ROOT = join(__dirname, '..', '..', 'dist', 'apps');

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A port nobody listens on right now (the OS picks it; we release it at once and use it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface BrowserStack {
  /** `http://127.0.0.1:<port>`: where the app listens, and PUBLIC_URL of the app and the worker. */
  origin: string;
  app: NestFastifyApplication;
  db: DataSource;
  mailbox: SmtpCapture;
  /** The worker's Nest context: a journey runs a scheduled sweep now (`worker.get(SafetyCheckInsService)`). */
  worker: INestApplicationContext;
  browser: Browser;
  stop: () => Promise<void>;
}

function assertFrontEndsBuilt(staticRoot: string): void {
  for (const site of ['dashboard', 'homework']) {
    if (!existsSync(join(staticRoot, site, 'index.html'))) {
      throw new Error(
        `No ${site} build in ${staticRoot}: run \`npx nx run-many -t build -p dashboard homework\` first (\`npm test\` does).`,
      );
    }
  }
}

/**
 * The API on a port picked just before (PUBLIC_URL must name it before the app is built); if
 * another process takes that port in between, it tries another.
 */
async function listenOnFreePort(
  staticRoot: string,
): Promise<{ app: NestFastifyApplication; origin: string; env: NodeJS.ProcessEnv }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      PUBLIC_URL: origin,
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_ROOT: staticRoot,
    };
    const app = await createTestApp(env, { contractCheck: false });
    try {
      await app.listen({ port, host: '127.0.0.1' });
      return { app, origin, env };
    } catch (error) {
      await app.close();
      if ((error as { code?: string }).code !== 'EADDRINUSE' || attempt >= 3) throw error;
    }
  }
}

/**
 * The real API listening on a free local port and serving the built front ends, the real worker
 * sending to a test mailbox with links to that same origin, a database connection to arrange
 * rows, and a headless Chromium. Everything started is stopped by `stop`, even after a failed start.
 * The database and queue prefix are the test file's own (per-file-database.ts runs first).
 * `staticRoot` serves other builds of the front ends (React's development build, for its warnings).
 */
export async function startBrowserStack({
  staticRoot = STATIC_ROOT,
}: { staticRoot?: string } = {}): Promise<BrowserStack> {
  assertFrontEndsBuilt(staticRoot);
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    const errors: unknown[] = [];
    for (const step of stops.reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    stops.length = 0;
    if (errors.length) throw errors[0];
  };
  try {
    const { app, origin, env } = await listenOnFreePort(staticRoot);
    stops.push(() => app.close());
    const db = await connectTestDatabase();
    stops.push(() => db.destroy());
    const worker: WorkerWithMailbox = await startWorkerWithMailboxUsing(env);
    stops.push(() => worker.stop());
    const browser = await launchChromium();
    stops.push(() => browser.close());
    return { origin, app, db, mailbox: worker.mailbox, worker: worker.worker, browser, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
