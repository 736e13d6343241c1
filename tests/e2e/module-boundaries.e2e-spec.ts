import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The architecture's import rules are lint errors; prove the rule is live, not just declared.
describe('module boundaries (lint)', () => {
  const root = join(__dirname, '..', '..');

  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

  // The rule reads Nx's cached project graph; make sure it exists (a fresh clone has none).
  beforeAll(() => {
    spawnSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], { cwd: root, env, encoding: 'utf8' });
  }, 60_000);

  // ESLint runs in its own process (it loads ESM plugins, which jest's VM cannot).
  async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
    const run = spawnSync(
      join(root, 'node_modules', '.bin', 'eslint'),
      ['--format', 'json', '--stdin', '--stdin-filename', filePath],
      {
        cwd: root,
        input: code,
        encoding: 'utf8',
        env,
      },
    );
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  }

  it('fails a front end that imports libs/data', async () => {
    const errors = await boundaryErrors(
      'apps/homework/src/boundary-probe.ts',
      "import { StaffUser } from '@trellis/data';\nexport const x = StaffUser;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('fails libs/domain importing any project lib', async () => {
    const errors = await boundaryErrors(
      'libs/domain/src/boundary-probe.ts',
      "import { STAFF_ROLES } from '@trellis/contracts';\nexport const x = STAFF_ROLES;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  }, 60_000);

  it('allows a front end to import contracts', async () => {
    const errors = await boundaryErrors(
      'apps/dashboard/src/boundary-probe.ts',
      "import { STAFF_ROLES } from '@trellis/contracts';\nexport const x = STAFF_ROLES;\n",
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
