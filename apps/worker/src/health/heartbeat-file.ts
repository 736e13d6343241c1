import { readFile, rename, rm, writeFile } from 'node:fs/promises';

export const HEARTBEAT_INTERVAL_MS = 10_000;
/** Three missed beats: the worker is stuck or cut off. */
export const HEARTBEAT_MAX_AGE_MS = 3 * HEARTBEAT_INTERVAL_MS;

/** What a beat records: who wrote it, so a probe can tell a live worker from a file left behind. */
export interface Heartbeat {
  pid: number;
  at: string;
}

/**
 * Written whole or not at all (a temporary file renamed over the old one), so the probe never
 * reads half a beat; rename also replaces a link planted at the path instead of writing through it.
 */
export async function writeHeartbeat(file: string, beat: Heartbeat): Promise<void> {
  const partial = `${file}.${beat.pid}.tmp`;
  await writeFile(partial, JSON.stringify(beat), { mode: 0o600 });
  await rename(partial, file);
}

export async function removeHeartbeat(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Signal 0 checks a process exists without touching it; EPERM means it exists under another user. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type HeartbeatVerdict = { healthy: true } | { healthy: false; reason: string };

/**
 * The probe's rule: the file exists, was written by a worker that is still running, within the
 * last three beats. A fresh file from a dead process (a crash just now, or another instance's file
 * left on a shared volume) does not count.
 */
export async function checkHeartbeat(
  file: string,
  now: Date = new Date(),
  isAlive: (pid: number) => boolean = processIsAlive,
): Promise<HeartbeatVerdict> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { healthy: false, reason: `worker heartbeat ${file} missing: not started or not connected` };
  }
  let beat: Partial<Heartbeat>;
  try {
    beat = JSON.parse(text) as Partial<Heartbeat>;
  } catch {
    return { healthy: false, reason: `worker heartbeat ${file} is not a Trellis heartbeat` };
  }
  const at = typeof beat.at === 'string' ? Date.parse(beat.at) : NaN;
  if (!Number.isInteger(beat.pid) || (beat.pid as number) <= 0 || Number.isNaN(at)) {
    return { healthy: false, reason: `worker heartbeat ${file} is not a Trellis heartbeat` };
  }
  const pid = beat.pid as number;
  if (!isAlive(pid))
    return { healthy: false, reason: `worker heartbeat ${file} was written by pid ${pid}, which has exited` };
  const age = now.getTime() - at;
  if (age > HEARTBEAT_MAX_AGE_MS) {
    return { healthy: false, reason: `worker heartbeat is ${Math.round(age / 1000)} s old (pid ${pid})` };
  }
  return { healthy: true };
}
