import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, say } from './log.mjs';
import { ensureMail } from './mail.mjs';
import { ensurePostgres } from './postgres.mjs';
import { ensureRedis } from './redis.mjs';

const API_MAIN = 'dist/apps/api/apps/api/src/main.js';
const WORKER_MAIN = 'dist/apps/worker/apps/worker/src/main.js';
const CLI = 'dist/apps/api/apps/api/src/cli.js';

/** A development secret made once per checkout and kept in .data (git-ignored). */
function developmentSecret(root) {
  const file = join(root, '.data', 'session-secret');
  mkdirSync(join(root, '.data'), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function run(root, command, args, env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status}).`);
}

export async function runStack(root) {
  const started = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
  };
  try {
    const postgres = await ensurePostgres(root, process.env);
    started.push(postgres);
    const redis = await ensureRedis(process.env);
    started.push(redis);
    const mail = await ensureMail(root, process.env);
    started.push(mail);

    const port = process.env.PORT ?? '3000';
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
    };

    say('Building (cached after the first run)…');
    // Built for production whatever NODE_ENV the API runs with: the page-weight check and people
    // trying Trellis get what users get, not React's development build.
    run(root, 'npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], { ...env, NODE_ENV: 'production' });
    say('Migrating and seeding the demo clinic…');
    run(root, 'node', [CLI, 'migrate'], env);
    run(root, 'node', [CLI, 'seed'], env);

    const children = [API_MAIN, WORKER_MAIN].map((main) => spawn('node', [main], { cwd: root, env, stdio: 'inherit' }));
    started.push(...children.map((child) => ({ stop: async () => void child.kill('SIGTERM') })));

    let stopping = false;
    const shutdown = async (code) => {
      if (stopping) return;
      stopping = true;
      say('Stopping…');
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)),
      );
      await stopAll();
      process.exit(code);
    };
    process.on('SIGINT', () => shutdown(0));
    process.on('SIGTERM', () => shutdown(0));
    children.forEach((child) => child.once('exit', (code) => !stopping && shutdown(code ?? 1)));

    setTimeout(() => {
      if (stopping) return;
      say(`Trellis is running: ${env.PUBLIC_URL}`);
      say(
        'Demo sign-in (password trellis-demo-2026): admin@demo.trellis.test, dana@demo.trellis.test, sam@demo.trellis.test',
      );
      if (mail.webUrl) say(`Emails sent by Trellis: ${mail.webUrl}`);
      say('API docs: ' + `${env.PUBLIC_URL}/api/docs` + '   Stop with Ctrl-C.');
    }, 2500);
  } catch (error) {
    await stopAll();
    fail(error.message);
  }
}
