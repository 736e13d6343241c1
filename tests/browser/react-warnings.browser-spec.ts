import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowserStack } from '../support/browser-journey';
import { STATIC_ROOT } from '../support/browser-stack';
import { walkAdminScreens, walkTherapistScreens } from './every-screen';

// React prints its warnings (unknown DOM props, invalid nesting, duplicate keys) only in its
// development build, and every journey fails on a console error: so these walk every dashboard
// screen in that build, which keeps warnings from creeping back. The build goes to a folder of its
// own (never the one the API serves to users); the homework page has no React and is shared.

const ROOT = join(__dirname, '..', '..');
const DEVELOPMENT_ROOT = join(ROOT, 'dist', 'react-development');

beforeAll(() => {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/dashboard/vite.config.mts',
      '--logLevel',
      'error',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TRELLIS_REACT_DEVELOPMENT: '1' },
      stdio: 'inherit',
    },
  );
  mkdirSync(DEVELOPMENT_ROOT, { recursive: true });
  rmSync(join(DEVELOPMENT_ROOT, 'homework'), { recursive: true, force: true });
  symlinkSync(join(STATIC_ROOT, 'homework'), join(DEVELOPMENT_ROOT, 'homework'), 'dir');
}, 180_000);

const suite = useBrowserStack({ staticRoot: DEVELOPMENT_ROOT });

const nothing = async () => undefined;

describe('React’s development build logs no warning on any dashboard screen', () => {
  suite.journey('a therapist’s screens', (journey) => walkTherapistScreens(journey, nothing), 120_000);
  suite.journey('an admin’s screens', (journey) => walkAdminScreens(journey, nothing), 120_000);
});
