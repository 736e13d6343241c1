import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../..');

// The API serves this build at `/` and answers `/api/*` itself; in development Vite stands in for
// the static part and forwards `/api` so cookies stay first-party, as they are in production.
const apiProxy = { '/api': 'http://127.0.0.1:3000' };

/**
 * react-admin 5.15 (the latest) still passes props MUI 9 removed (TextField's `InputProps`,
 * `InputLabelProps` …, FormControlLabel's `inputRef`), which MUI then puts on DOM elements: React
 * warns, and the values only work where react-admin also copies them into `slotProps`. Its imports
 * of those two components get ours instead (src/compat), which move the old props to their slots.
 * Only react-admin's imports: our own code uses MUI 9's API.
 */
function reactAdminTextFieldCompat(): Plugin {
  const compat = resolve(import.meta.dirname, 'src/compat');
  const replacements: Record<string, string> = {
    '@mui/material': resolve(compat, 'muiMaterial.ts'),
    '@mui/material/TextField': resolve(compat, 'muiMaterialTextField.ts'),
    '@mui/material/FormControlLabel': resolve(compat, 'muiMaterialFormControlLabel.ts'),
  };
  return {
    name: 'trellis:react-admin-textfield-compat',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!(source in replacements) || !importer?.includes('/node_modules/ra-ui-materialui/')) return null;
      return replacements[source];
    },
  };
}

export default defineConfig(({ command }) => {
  // A build is what users get, whatever NODE_ENV the shell running it has: `npm start` once built
  // with NODE_ENV=development and served React's development build (1.19 MB, with its warnings).
  // The one exception, asked for by name: TRELLIS_REACT_DEVELOPMENT=1 builds with React's development
  // build, into a folder of its own, so that tests/browser/react-warnings.browser-spec.ts (a journey
  // fails on any console error) catches React's warnings (unknown DOM props, invalid nesting), which
  // the production build does not print.
  const reactDevelopment = command === 'build' && process.env.TRELLIS_REACT_DEVELOPMENT === '1';
  if (command === 'build') process.env.NODE_ENV = reactDevelopment ? 'development' : 'production';
  return {
    root: import.meta.dirname,
    base: '/',
    // One cache per app: the homework page shares this repo's node_modules but none of these deps.
    cacheDir: resolve(repoRoot, 'node_modules/.vite/dashboard'),
    plugins: [reactAdminTextFieldCompat(), react()],
    resolve: { tsconfigPaths: true },
    server: { proxy: apiProxy },
    preview: { proxy: apiProxy },
    build: {
      // React's development build goes elsewhere: it must never be what the API serves to users.
      outDir: resolve(repoRoot, reactDevelopment ? 'dist/react-development/dashboard' : 'dist/apps/dashboard'),
      emptyOutDir: true,
      // react-admin's shell (React, MUI, ra-core) is ~845 kB minified / ~270 kB gzip and cannot be
      // split further; screens are lazy. This is a budget: if the warning fires, something heavy
      // was imported statically.
      chunkSizeWarningLimit: 900,
      rolldownOptions: {
        // libs/domain is pure by design (no I/O, no globals): importing one helper from its barrel
        // must not drag the whole exercise catalog into a chunk.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/libs/domain/') },
        output: {
          codeSplitting: {
            // Everything the first load needs in one chunk. Left alone, the bundler carves out every
            // module that a lazy screen shares with the shell into its own chunk: the same bytes, but
            // several requests, worse compression and long import/export lists (~6 kB more gzip for this app).
            groups: [{ name: 'shell', tags: ['$initial'] }],
          },
        },
      },
    },
  };
});
