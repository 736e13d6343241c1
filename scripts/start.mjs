// `npm start`: everything a newcomer needs, on a fresh clone. Uses only Node built-ins until the
// dependencies are installed, then hands over to the dev stack runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

warnIfNodeTooOld();

// Trellis supports only a Node LTS that still gets security fixes (package.json `engines`). npm
// merely notes an engines mismatch during install, so say it where a newcomer looks: before
// anything starts, with what to do about it. A warning, not a refusal: the stack may still run.
function warnIfNodeTooOld() {
  const { engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const wanted = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(engines?.node ?? '');
  if (!wanted) return;
  const need = wanted.slice(1).map((part) => Number(part ?? 0));
  const have = process.versions.node.split('.').map(Number);
  if (compare(have, need) >= 0) return;
  const pinned = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
  console.warn(
    [
      '',
      `WARNING: this is Node ${process.versions.node}; Trellis needs Node ${engines.node} (it is tested on ${pinned}).`,
      '  Older Node versions no longer get security fixes and are not tested. Either:',
      '    nvm install && nvm use                       (reads .nvmrc), or',
      '    export PATH="$(bash .ci/install-node.sh):$PATH"   (downloads it into .tools/node)',
      '',
    ].join('\n'),
  );
}

/** Compares two [major, minor, patch] lists: negative when `a` is older. */
function compare(a, b) {
  for (let i = 0; i < b.length; i += 1) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

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
