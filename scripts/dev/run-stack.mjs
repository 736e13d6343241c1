import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimCheckout, forgetStarted, processIsAlive, recordStarted } from './leftovers.mjs';
import { messageOf, say, warn } from './log.mjs';
import { ensureMail } from './mail.mjs';
import { assertPortFree } from './ports.mjs';
import { ensurePostgres } from './postgres.mjs';
import { ensureRedis } from './redis.mjs';

const APPS = [
  { name: 'api', main: 'dist/apps/api/apps/api/src/main.js' },
  { name: 'worker', main: 'dist/apps/worker/apps/worker/src/main.js' },
];
const CLI = 'dist/apps/api/apps/api/src/cli.js';
const LIFELINE = join(dirname(fileURLToPath(import.meta.url)), 'lifeline.mjs');
/** The worker's probe rule (apps/worker/src/health/heartbeat-file.ts): three missed 10 s beats. */
const HEARTBEAT_MAX_AGE_MS = 30_000;
const READY_TIMEOUT_MS = 3 * 60_000;

/** A development secret made once per checkout and kept in .data (git-ignored). */
function developmentSecret(root) {
  const file = join(root, '.data', 'session-secret');
  mkdirSync(join(root, '.data'), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The worker's heartbeat is there, recent, and written by a process that still runs. */
function heartbeatIsFresh(file) {
  try {
    const beat = JSON.parse(readFileSync(file, 'utf8'));
    return processIsAlive(beat.pid) && Date.now() - Date.parse(beat.at) <= HEARTBEAT_MAX_AGE_MS;
  } catch {
    return false;
  }
}

async function apiAnswers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/**
 * `npm start`'s supervisor. Everything it starts (PostgreSQL, Redis, the mail sink, the build and
 * migration steps, the API and the worker) is stopped whatever ends the run: Ctrl-C, SIGTERM,
 * SIGHUP (a closed terminal), the npm process that ran it going away (npm does not pass SIGTERM
 * through its shell), or one of the apps exiting. The apps run under scripts/dev/lifeline.mjs, which
 * stops them if this process is killed outright; what a killed run left behind is stopped by the
 * next one (leftovers.mjs). The banner comes last, once the API answers its health check and the
 * worker has written its heartbeat.
 *
 * `options` exist for tests/reliability/npm-start.e2e-spec.ts, which supervises stand-in apps:
 * `prepare: false` skips the build, migrations and demo data, `apps` replaces the two mains.
 */
export async function runStack(root, { prepare = true, apps: mains = APPS } = {}) {
  const services = [];
  const apps = [];
  let step = null;
  let stopping = false;

  // A closed terminal makes every write fail: stopping must not crash on its own messages.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

  const stopChild = async (child, graceMs) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const shutdown = async (code, reason) => {
    if (stopping) return;
    stopping = true;
    say(reason ? `${reason}: stopping…` : 'Stopping…');
    if (step) await stopChild(step, 5_000);
    // The worker lets an active job finish; give it the same grace as the compose file.
    await Promise.all(apps.map(({ child }) => stopChild(child, 60_000)));
    for (const { name } of apps) forgetStarted(root, name);
    for (const service of services.reverse()) {
      try {
        await service.stop();
      } catch (error) {
        warn(`could not stop a service cleanly: ${messageOf(error)}`);
      }
    }
    forgetStarted(root, 'supervisor');
    process.exit(code);
  };

  let signals = 0;
  const onSignal = (signal) => {
    signals += 1;
    // A second Ctrl-C while stopping: do not wait for the apps any longer.
    if (signals > 1) for (const { child } of apps) child.kill('SIGKILL');
    void shutdown(0, `${signal} received`);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0, 'The process that ran `npm start` is gone');
  }, 500).unref();

  /** A build or migration step, asynchronously, so a signal stops it at once. */
  const run = (command, args, env) =>
    new Promise((resolve, reject) => {
      step = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
      step.once('error', reject);
      step.once('exit', (status, signal) => {
        step = null;
        if (status === 0) resolve();
        else reject(new Error(`\`${[command, ...args].join(' ')}\` failed (${signal ?? `exit ${status}`}).`));
      });
    });

  try {
    await claimCheckout(root, 'start.mjs');
    const port = process.env.PORT ?? '3000';
    const host = process.env.HOST ?? '0.0.0.0';
    // Before the build, so a taken port costs seconds, not minutes.
    await assertPortFree(Number(port), {
      what: 'the Trellis API',
      hint: 'Stop what uses it, or set PORT to a free port.',
      host,
    });

    services.push(await ensurePostgres(root, process.env));
    const postgres = services.at(-1);
    services.push(await ensureRedis(root, process.env));
    const redis = services.at(-1);
    services.push(await ensureMail(root, process.env));
    const mail = services.at(-1);

    const heartbeatFile = join(root, '.data', 'worker.heartbeat');
    const env = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      PORT: port,
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      SMTP_URL: mail.url,
      SESSION_SECRET: process.env.SESSION_SECRET ?? developmentSecret(root),
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
      HEARTBEAT_FILE: heartbeatFile,
    };

    if (prepare) {
      say('Building (cached after the first run)…');
      // Built for production whatever NODE_ENV the API runs with: the page-weight check and people
      // trying Trellis get what users get, not React's development build.
      await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { ...env, NODE_ENV: 'production' });
      say('Migrating and seeding the demo clinic…');
      await run('node', [CLI, 'migrate'], env);
      await run('node', [CLI, 'seed'], env);
    }
    if (stopping) return;

    for (const { name, main } of mains) {
      // Their own process group: a Ctrl-C reaches only this supervisor, which stops them once, in
      // order (the worker takes a second signal as "stop now, drop the active job"). Not on
      // Windows, where a detached child gets a console window of its own.
      const child = spawn('node', [LIFELINE, main], {
        cwd: root,
        env,
        stdio: 'inherit',
        detached: process.platform !== 'win32',
      });
      recordStarted(root, name, child.pid, main);
      apps.push({ name, child });
      child.once('exit', (code, signal) => {
        if (!stopping) void shutdown(code || 1, `The ${name} stopped (${signal ?? `exit ${code}`})`);
      });
    }

    const probeHost = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host;
    const healthUrl = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}/api/v1/health/live`;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let apiReady = false;
    let workerReady = false;
    while (!stopping && !(apiReady && workerReady) && Date.now() < deadline) {
      apiReady = apiReady || (await apiAnswers(healthUrl));
      workerReady = heartbeatIsFresh(heartbeatFile);
      if (!(apiReady && workerReady)) await new Promise((r) => setTimeout(r, 250));
    }
    if (stopping) return;
    if (!(apiReady && workerReady)) {
      const waiting = [
        !apiReady && `the API does not answer ${healthUrl}`,
        !workerReady && 'the worker has written no heartbeat',
      ];
      warn(
        `Not ready after ${READY_TIMEOUT_MS / 60_000} minutes: ${waiting.filter(Boolean).join(', and ')}. See the messages above.`,
      );
      return;
    }
    say(`Trellis is running: ${env.PUBLIC_URL}`);
    say(
      'Demo sign-in (password trellis-demo-2026): admin@demo.trellis.test, dana@demo.trellis.test, sam@demo.trellis.test',
    );
    if (mail.webUrl) say(`Emails sent by Trellis: ${mail.webUrl}`);
    say('API docs: ' + `${env.PUBLIC_URL}/api/docs` + '   Stop with Ctrl-C.');
  } catch (error) {
    if (stopping) return;
    console.error(`\x1b[31m[trellis]\x1b[0m ${messageOf(error)}`);
    await shutdown(1);
  }
}
