import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export const FULL = process.env.BENCH_FULL === '1';

const outputDir = join(__dirname, '..', '..', 'test-output', 'bench');

/** Prints a result line and keeps it in test-output/bench/results.md for docs/benchmarks.md. */
export function report(line: string): void {
  mkdirSync(outputDir, { recursive: true });
  const stamped = `${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores · ${FULL ? 'full' : 'quick'} · ${line}`;
  appendFileSync(join(outputDir, 'results.md'), `${stamped}\n`);
  console.log(stamped);
}

export interface RatioResult {
  /** Stable name, e.g. "caseload throughput". */
  name: string;
  ratio: number;
  /** `atLeast`: a throughput-style floor; `atMost`: a ceiling (latency, scaling). */
  bound: 'atLeast' | 'atMost';
  limit: number;
}

/**
 * Records a ratio for `tests/bench/check-floors.mjs`, which runs after the benchmarks: it reports
 * every ratio against its floor and fails only far past it, never on a near miss (noisy machines).
 */
export function recordRatio(result: RatioResult): void {
  mkdirSync(outputDir, { recursive: true });
  appendFileSync(
    join(outputDir, 'ratios.jsonl'),
    `${JSON.stringify({ ...result, mode: FULL ? 'full' : 'quick', cores: cpus().length })}\n`,
  );
}
