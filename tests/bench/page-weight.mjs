// Page weight from the build output: gzipped JavaScript of the homework page (the code inlined in
// its index.html plus any script files), and of the dashboard's initial route (the entry chunk and
// what index.html preloads; lazy screens excluded), and of the calendar route (its lazy chunk, the
// chunks it imports that the first load lacks, and its stylesheet: FullCalendar rides only there).
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

/** A lazy screen's chunk `<name>-<hash>.js`, with what it imports beyond the first load, and its CSS. */
function lazyRoute(app, name, initial) {
  const assets = join(root, app, 'assets');
  const files = readdirSync(assets);
  const entry = files.find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  if (!entry) return null;
  const first = new Set(initial.map((f) => f.split('/').pop()));
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file) || first.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(assets, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) walk(m[1]);
  };
  walk(entry);
  const css = files.filter((f) => f.startsWith(`${name}-`) && f.endsWith('.css'));
  return {
    chunk: gz(join(assets, entry)),
    js: [...seen].reduce((n, f) => n + gz(join(assets, f)), 0),
    css: css.reduce((n, f) => n + gz(join(assets, f)), 0),
  };
}

const budgets = { homework: 50, dashboard: 300 };
console.log(`homework page JS (inline and files): ${kb(homework)} KB gzip (budget ${budgets.homework}, aim 35)`);
console.log(`dashboard initial route JS: ${kb(dashboard)} KB gzip (budget ${budgets.dashboard})`);
const calendar = lazyRoute('dashboard', 'CalendarPage', initialScripts('dashboard'));
if (calendar)
  console.log(
    `dashboard calendar route (lazy): chunk ${kb(calendar.chunk)} KB, all JS it adds ${kb(calendar.js)} KB, CSS ${kb(calendar.css)} KB gzip`,
  );
if (process.argv.includes('--check') && (kb(homework) > budgets.homework || kb(dashboard) > budgets.dashboard)) {
  console.error('page weight over budget');
  process.exit(1);
}
