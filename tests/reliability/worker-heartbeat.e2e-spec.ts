import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '../support/eventually';

const WORKER = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'apps', 'worker', 'src');

/**
 * Two real worker processes on one host, each with its own HEARTBEAT_FILE, and the real exec probe
 * (issue 23, item 16): a probe passes only on its own worker's heartbeat, and fails as soon as that
 * worker is gone, even while the file it left is fresh. Needs the built worker (npm test builds it;
 * `npx nx run worker:build` by hand).
 */
describe('worker heartbeat and its probe', () => {
  let dir: string;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WORKER, 'probe.js'))) throw new Error('build the worker first: npx nx run worker:build');
    dir = await mkdtemp(join(tmpdir(), 'trellis-heartbeats-'));
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  function startWorker(heartbeatFile: string): ChildProcess {
    const worker = spawn(process.execPath, [join(WORKER, 'main.js')], {
      env: { ...process.env, NODE_ENV: 'test', HEARTBEAT_FILE: heartbeatFile },
      stdio: 'ignore',
    });
    workers.push(worker);
    return worker;
  }

  function probe(heartbeatFile?: string): { status: number | null; stderr: string } {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
    if (heartbeatFile) env.HEARTBEAT_FILE = heartbeatFile;
    const result = spawnSync(process.execPath, [join(WORKER, 'probe.js')], { env, encoding: 'utf8' });
    return { status: result.status, stderr: result.stderr };
  }

  const exited = (worker: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (worker.exitCode !== null || worker.signalCode !== null) resolve();
      else worker.once('exit', () => resolve());
    });

  it('passes only on its own running worker, and not on a fresh file whose writer is gone', async () => {
    const fileA = join(dir, 'a.heartbeat');
    const fileB = join(dir, 'b.heartbeat');
    const a = startWorker(fileA);
    const b = startWorker(fileB);
    await until(async () => probe(fileA).status === 0 && probe(fileB).status === 0, 30_000, 250);
    expect(JSON.parse(await readFile(fileA, 'utf8')).pid).toBe(a.pid);
    expect(JSON.parse(await readFile(fileB, 'utf8')).pid).toBe(b.pid);

    // A killed outright (no chance to remove its file): its probe fails at once, B's still passes.
    a.kill('SIGKILL');
    await exited(a);
    expect(existsSync(fileA)).toBe(true);
    const afterKill = probe(fileA);
    expect(afterKill.status).toBe(1);
    expect(afterKill.stderr).toContain(`pid ${a.pid}, which has exited`);
    expect(probe(fileB).status).toBe(0);

    // B stopped the normal way takes its heartbeat with it.
    b.kill('SIGTERM');
    await exited(b);
    expect(existsSync(fileB)).toBe(false);
    expect(probe(fileB)).toEqual({ status: 1, stderr: expect.stringMatching(/missing/) });
  }, 90_000);

  it('refuses to guess when HEARTBEAT_FILE is not set, naming the variable', () => {
    const result = probe();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^HEARTBEAT_FILE: is required by the probe/);
  });
});
