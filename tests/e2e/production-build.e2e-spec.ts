import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` runs with NODE_ENV=development; its dashboard build once shipped React's development
// build (1.19 MB, React warnings in the console). A build is for users, whatever the shell says.
describe('the dashboard build', () => {
  const root = join(__dirname, '..', '..');
  const outDir = mkdtempSync(join(tmpdir(), 'trellis-dashboard-build-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is React’s production build even when NODE_ENV=development', () => {
    const build = spawnSync(
      join(root, 'node_modules', '.bin', 'vite'),
      ['build', '--config', 'apps/dashboard/vite.config.mts', '--outDir', outDir, '--logLevel', 'error'],
      { cwd: root, env: { ...process.env, NODE_ENV: 'development' }, encoding: 'utf8' },
    );
    expect(build.status).toBe(0);
    const assets = join(outDir, 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const withDevReact = scripts.filter((name) =>
      /react(-dom)?\.development|Warning: Each child in a list/.test(readFileSync(join(assets, name), 'utf8')),
    );
    expect(withDevReact).toEqual([]);
  }, 120_000);
});
