// `npm run bench`: every benchmark under tests/bench (quick; BENCH_FULL=1 for the documented full
// runs), then the page-weight budget from the build output, then the floor check over the ratios.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
rmSync(join(root, 'test-output', 'bench', 'ratios.jsonl'), { force: true });

const run = (command, args) => {
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (status !== 0) process.exit(status ?? 1);
};
const bin = (name) => join(root, 'node_modules', '.bin', name);

if (!existsSync(join(root, 'dist', 'apps', 'homework', 'index.html')) || !existsSync(join(root, 'dist', 'apps', 'dashboard', 'index.html'))) {
  run(bin('nx'), ['run-many', '-t', 'build', '-p', 'dashboard', 'homework']);
}
run(bin('jest'), ['-c', 'tests/bench/jest.bench.config.js', '--runInBand', ...process.argv.slice(2)]);
run(process.execPath, ['tests/bench/page-weight.mjs', '--check']);
run(process.execPath, ['tests/bench/check-floors.mjs']);
