import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './log.mjs';

// What `npm start` started is written down in .data/run, one file per process, and crossed off when
// it stops. A start finding a file whose process still runs stops it first: a previous run that was
// killed outright must not leave a redis-server or a PostgreSQL that the next run silently reuses.

const runDirectory = (root) => join(root, '.data', 'run');

export function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The process's command line, to make sure a recorded pid was not reused by something else. */
function commandLineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return ps.status === 0 ? ps.stdout.trim() : '';
  }
}

/** Records a process this run started; `marker` is a piece of its command line. */
export function recordStarted(root, name, pid, marker) {
  mkdirSync(runDirectory(root), { recursive: true, mode: 0o700 });
  writeFileSync(join(runDirectory(root), `${name}.json`), JSON.stringify({ pid, marker }), { mode: 0o600 });
}

export function forgetStarted(root, name) {
  rmSync(join(runDirectory(root), `${name}.json`), { force: true });
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (processIsAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !processIsAlive(pid);
}

async function stop(pid, signal, what) {
  say(`Stopping ${what} left running by an earlier \`npm start\` (pid ${pid})…`);
  process.kill(pid, signal);
  if (await waitForExit(pid, 15_000)) return;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

/** The embedded PostgreSQL's own lock file names its postmaster. */
function embeddedPostgresPid(root) {
  const lock = join(root, '.data', 'postgres', 'postmaster.pid');
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function readRecord(root, name) {
  try {
    const record = JSON.parse(readFileSync(join(runDirectory(root), `${name}.json`), 'utf8'));
    return processIsAlive(record.pid) && commandLineOf(record.pid).includes(record.marker) ? record : null;
  } catch {
    return null;
  }
}

/**
 * Claims the checkout for this run: refuses while another `npm start` of this checkout still runs
 * (its services would be stopped under it), then stops what an earlier, dead run left behind.
 */
export async function claimCheckout(root, supervisorMarker) {
  const running = readRecord(root, 'supervisor');
  if (running && running.pid !== process.pid) {
    throw new Error(
      `\`npm start\` is already running in this checkout (pid ${running.pid}). Stop it first (Ctrl-C in its terminal, or kill ${running.pid}).`,
    );
  }
  await stopLeftovers(root);
  recordStarted(root, 'supervisor', process.pid, supervisorMarker);
}

async function stopLeftovers(root) {
  const directory = runDirectory(root);
  const names = existsSync(directory)
    ? readdirSync(directory)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
    : [];
  for (const name of names) {
    const record = name === 'supervisor' ? null : readRecord(root, name);
    if (record) await stop(record.pid, 'SIGTERM', name);
    forgetStarted(root, name);
  }
  const postgres = embeddedPostgresPid(root);
  if (postgres && processIsAlive(postgres) && commandLineOf(postgres).includes('postgres')) {
    // SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
    await stop(postgres, 'SIGINT', 'the embedded PostgreSQL');
  }
}
