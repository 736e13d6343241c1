import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { inlineEntry } from './build/inline-entry';

const repoRoot = resolve(import.meta.dirname, '../..');

// The API serves this build at `/h/` (every `/h/<token>` falls back to index.html) and answers
// `/api/*` itself; in development Vite does the first part and forwards the second.
const apiProxy = { '/api': 'http://127.0.0.1:3000' };

export default defineConfig({
  root: import.meta.dirname,
  base: '/h/',
  cacheDir: resolve(repoRoot, 'node_modules/.vite/homework'),
  resolve: { tsconfigPaths: true },
  plugins: [inlineEntry()],
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: resolve(repoRoot, 'dist/apps/homework'),
    emptyOutDir: true,
    // One small module and no lazy chunks: the preload polyfill would outweigh the page itself,
    // and the entry is inlined into index.html (build/inline-entry.ts).
    modulePreload: { polyfill: false },
    // Clients open this on phones, often on slow connections. Budget: ~30 kB minified (~11 kB
    // gzip) today; the warning fires well before the 35 kB gzip ceiling if something heavy sneaks in.
    chunkSizeWarningLimit: 40,
    rolldownOptions: {
      // libs/domain is pure by design (no I/O, no globals): importing validateAnswers and a few
      // constants from its barrel must not drag the whole exercise catalog (~36 kB gzip) along.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/libs/domain/') },
    },
  },
});
