// Proves what the Docker image ships can start: installs the production dependencies only (as the
// Dockerfile's prod-deps stage does, `npm ci --omit=dev`) into a scratch folder beside the built
// dist/, then runs `cli.js migrate` against a fresh database and starts the API (until it answers
// /api/v1/health/live) and the worker (until it says it runs). A module a process needs at run time that
// is only a dev dependency fails here instead of in a clinic's container.
//
// Usage: node scripts/prove-production-install.mjs   (builds what is missing first)
// Needs PostgreSQL and Redis as the tests do (DATABASE_URL's server, REDIS_URL).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.PROVE_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (message) => console.log(`[prove-production-install] ${message}`);

// The image ships all four builds; `npm test` builds all but the API (its tests run the sources).
// Nx's cache makes the ones already built free.
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'dashboard', 'homework'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});
if (build.status !== 0) process.exit(build.status ?? 1);
for (const app of ['api', 'worker', 'dashboard', 'homework']) {
  if (!existsSync(join(root, 'dist', 'apps', app))) {
    console.error(`dist/apps/${app} is missing after the build.`);
    process.exit(1);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'trellis-prod-'));
const database = `trellis_prove_${randomBytes(4).toString('hex')}`;
const children = [];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function psql(sql) {
  run('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a process of the built app and resolves when `ready()` says so; rejects if it exits first. */
function start(name, script, env, ready) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: scratch, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const collect = (chunk) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) =>
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output.slice(-3000)}`)),
    );
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      if (await ready(output).catch(() => false)) return resolve(child);
      if (Date.now() > deadline) return reject(new Error(`${name} was not ready within 60 s:\n${output.slice(-3000)}`));
      setTimeout(poll, 250);
    };
    poll();
  });
}

try {
  log(`installing production dependencies only into ${scratch}`);
  cpSync(join(root, 'package.json'), join(scratch, 'package.json'));
  cpSync(join(root, 'package-lock.json'), join(scratch, 'package-lock.json'));
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: scratch });
  symlinkSync(join(root, 'dist'), join(scratch, 'dist'));

  psql(`CREATE DATABASE ${database}`);
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${database}`);
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `trellis-prove-${randomBytes(4).toString('hex')}`,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    SMTP_URL: 'smtp://127.0.0.1:1025',
    STATIC_ROOT: join(scratch, 'dist', 'apps'),
  };

  log('cli.js migrate');
  run(process.execPath, ['dist/apps/api/apps/api/src/cli.js', 'migrate'], { cwd: scratch, env });

  log('starting the API');
  await start('API', 'dist/apps/api/apps/api/src/main.js', env, async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health/live`);
    return res.status === 200;
  });
  log('starting the worker');
  await start('worker', 'dist/apps/worker/apps/worker/src/main.js', env, async (output) =>
    output.includes('Trellis worker running'),
  );
  log('the production install starts the API, the worker and the migrations');
} catch (error) {
  console.error(`[prove-production-install] FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } catch {
    // Leave it: a later run uses another name.
  }
  rmSync(scratch, { recursive: true, force: true });
}
