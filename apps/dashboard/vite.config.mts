import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../..');

// The API serves this build at `/` and answers `/api/*` itself; in development Vite stands in for
// the static part and forwards `/api` so cookies stay first-party, as they are in production.
const apiProxy = { '/api': 'http://127.0.0.1:3000' };

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // One cache per app: the homework page shares this repo's node_modules but none of these deps.
  cacheDir: resolve(repoRoot, 'node_modules/.vite/dashboard'),
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: resolve(repoRoot, 'dist/apps/dashboard'),
    emptyOutDir: true,
    // react-admin's shell (React, MUI, ra-core) is ~835 kB minified / ~266 kB gzip and cannot be
    // split further; screens are lazy. This is a budget: if the warning fires, something heavy
    // was imported statically.
    chunkSizeWarningLimit: 900,
  },
});
