import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// jest's moduleNameMapper does not apply to globalSetup/globalTeardown, which run in plain Node
// (with jest's transform): resolve `@trellis/*` to the libs' TypeScript sources here.
register({ baseUrl: join(__dirname, '..', '..'), paths: { '@trellis/*': ['libs/*/src/index.ts'] } });
