import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HEARTBEAT_FILE = join(tmpdir(), 'trellis-worker.heartbeat');
export const HEARTBEAT_INTERVAL_MS = 10_000;
/** Three missed beats: the worker is stuck or cut off. */
export const HEARTBEAT_MAX_AGE_MS = 3 * HEARTBEAT_INTERVAL_MS;
