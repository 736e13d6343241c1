// `npm start`: everything a newcomer needs, on a fresh clone. Uses only Node built-ins until the
// dependencies are installed, then hands over to the dev stack runner.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing dependencies (first run, about a minute)…');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('npm ci failed: see the messages above.');
    process.exit(install.status ?? 1);
  }
}

const { runStack } = await import('./dev/run-stack.mjs');
await runStack(root);
