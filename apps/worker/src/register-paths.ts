import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// tsc keeps `@trellis/*` imports as written; in the compiled layout (dist/apps/<app>/{apps,libs})
// point them at the compiled libs. Must be imported before anything that imports a lib.
const compiledRoot = join(__dirname, '..', '..', '..');
register({ baseUrl: compiledRoot, paths: { '@trellis/*': ['libs/*/src/index.js'] } });
