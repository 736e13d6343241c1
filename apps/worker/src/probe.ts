import { statSync } from 'node:fs';
import { HEARTBEAT_FILE, HEARTBEAT_MAX_AGE_MS } from './health/heartbeat-file';

// Exec probe for orchestrators: exit 0 while the worker's heartbeat is fresh.
try {
  const age = Date.now() - statSync(HEARTBEAT_FILE).mtimeMs;
  if (age > HEARTBEAT_MAX_AGE_MS) {
    console.error(`worker heartbeat is ${Math.round(age / 1000)} s old`);
    process.exit(1);
  }
  process.exit(0);
} catch {
  console.error('worker heartbeat missing: not started or not connected');
  process.exit(1);
}
