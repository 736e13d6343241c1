import './register-paths';
import { ConfigError, heartbeatFileForProbe } from '@trellis/config';
import { checkHeartbeat } from './health/heartbeat-file';

// Exec probe for orchestrators: exit 0 while the worker that writes HEARTBEAT_FILE is running and
// its heartbeat is fresh. It reads HEARTBEAT_FILE only, so a probe needs no other setting.
async function probe(): Promise<number> {
  let file: string;
  try {
    file = heartbeatFileForProbe();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.problems.join('\n') : (error as Error).message);
    return 1;
  }
  const verdict = await checkHeartbeat(file);
  if (verdict.healthy) return 0;
  console.error(verdict.reason);
  return 1;
}

probe().then((code) => process.exit(code));
