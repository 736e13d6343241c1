// @ts-check
// Benchmarks: not timed tests. They print ratios against a baseline measured in the same run and
// fail only when a ratio crosses its floor by a wide margin. `npm run bench` (quick, for CI) or
// `BENCH_FULL=1 npm run bench` (longer runs, for docs/benchmarks.md).
const base = require('../../jest.config.js');
const e2e = base.projects.find((p) => p.displayName === 'e2e');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  projects: [{ ...e2e, displayName: 'bench', testMatch: ['<rootDir>/tests/bench/**/*.bench.ts'] }],
};
