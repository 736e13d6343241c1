// `npm run bench`: builds what the benchmarks run, then every benchmark under tests/bench (quick;
// BENCH_FULL=1 for the documented full runs), the page-weight budget from the build output, and the
// floor check over the ratios. Extra arguments go to jest (e.g. `npm run bench -- tests/bench/jobs`).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
rmSync(join(root, 'test-output', 'bench', 'ratios.jsonl'), { force: true });

const run = (command, args) => {
  const { status } = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (status !== 0) process.exit(status ?? 1);
};
const bin = (name) => join(root, 'node_modules', '.bin', name);

// The page-weight check and the LCP bench read the front ends' build, the jobs bench runs the built
// worker: build them first (nx's cache makes this quick when nothing changed).
run(bin('nx'), ['run-many', '-t', 'build', '-p', 'dashboard', 'homework', 'worker']);
run(bin('jest'), ['-c', 'tests/bench/jest.bench.config.js', '--runInBand', ...process.argv.slice(2)]);
run(process.execPath, ['tests/bench/page-weight.mjs', '--check']);
run(process.execPath, ['tests/bench/check-floors.mjs']);
