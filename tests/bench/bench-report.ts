import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const FULL = process.env.BENCH_FULL === '1';

/** Prints a result line and keeps it in test-output/bench/results.md for docs/benchmarks.md. */
export function report(line: string): void {
  const dir = join(__dirname, '..', '..', 'test-output', 'bench');
  mkdirSync(dir, { recursive: true });
  const stamped = `${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · ${FULL ? 'full' : 'quick'} · ${line}`;
  appendFileSync(join(dir, 'results.md'), `${stamped}\n`);
  console.log(stamped);
}
