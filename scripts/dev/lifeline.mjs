// `node scripts/dev/lifeline.mjs <main.js>`: runs an app's main in this process, and stops it (as a
// SIGTERM would, so it shuts down cleanly) when the `npm start` process that launched it is gone,
// however that went: a SIGKILL, a crash, a closed terminal. Without it the API and worker outlived
// their supervisor.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const supervisor = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === supervisor) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
}, 500);
watch.unref();

const [main] = process.argv.slice(2);
if (!main) {
  console.error('usage: node scripts/dev/lifeline.mjs <main.js>');
  process.exit(2);
}
await import(pathToFileURL(resolve(main)).href);
