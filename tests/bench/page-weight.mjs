// Page weight from the build output: gzipped JavaScript of the homework page, and of the
// dashboard's initial route (the entry chunk and what index.html preloads; lazy screens excluded).
// Usage: npx nx run-many -t build -p dashboard homework && node tests/bench/page-weight.mjs [--check]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..', '..', 'dist', 'apps');
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function initialScripts(app) {
  const html = readFileSync(join(root, app, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\/(h\/)?/, ''));
  return refs.map((ref) => join(root, app, ref));
}

const homeworkJs = readdirSync(join(root, 'homework', 'assets')).filter((f) => f.endsWith('.js'));
const homework = homeworkJs.reduce((n, f) => n + gz(join(root, 'homework', 'assets', f)), 0);
const dashboard = initialScripts('dashboard').reduce((n, f) => n + gz(f), 0);

const budgets = { homework: 50, dashboard: 300 };
console.log(`homework page JS (all chunks): ${kb(homework)} KB gzip (budget ${budgets.homework}, aim 35)`);
console.log(`dashboard initial route JS: ${kb(dashboard)} KB gzip (budget ${budgets.dashboard})`);
if (process.argv.includes('--check') && (kb(homework) > budgets.homework || kb(dashboard) > budgets.dashboard)) {
  console.error('page weight over budget');
  process.exit(1);
}
