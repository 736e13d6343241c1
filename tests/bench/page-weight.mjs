// Page weight from the build output: gzipped JavaScript of the homework page (the code inlined in
// its index.html plus any script files), and of the dashboard's initial route (the entry chunk and
// what index.html preloads; lazy screens excluded).
// Usage: npx nx run-many -t build -p dashboard homework && node tests/bench/page-weight.mjs [--check]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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

const homeworkAssets = join(root, 'homework', 'assets');
const homeworkFiles = existsSync(homeworkAssets) ? readdirSync(homeworkAssets).filter((f) => f.endsWith('.js')) : [];
const homeworkHtml = readFileSync(join(root, 'homework', 'index.html'), 'utf8');
const inlineCode = [...homeworkHtml.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join('\n');
if (inlineCode.length === 0 && homeworkFiles.length === 0)
  throw new Error('no homework page script found in the build');
const homework =
  (inlineCode ? gzipSync(Buffer.from(inlineCode, 'utf8'), { level: 9 }).length : 0) +
  homeworkFiles.reduce((n, f) => n + gz(join(homeworkAssets, f)), 0);
const dashboard = initialScripts('dashboard').reduce((n, f) => n + gz(f), 0);

const budgets = { homework: 50, dashboard: 300 };
console.log(`homework page JS (inline and files): ${kb(homework)} KB gzip (budget ${budgets.homework}, aim 35)`);
console.log(`dashboard initial route JS: ${kb(dashboard)} KB gzip (budget ${budgets.dashboard})`);
if (process.argv.includes('--check') && (kb(homework) > budgets.homework || kb(dashboard) > budgets.dashboard)) {
  console.error('page weight over budget');
  process.exit(1);
}
