import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { until } from '../support/eventually';

/**
 * `npm start`'s supervisor (scripts/dev/run-stack.mjs), run for real with stand-in apps instead of
 * the built API and worker (no build, migrations or demo data): issue 23, item 15. The stand-ins
 * say when they answer and beat, so the banner's place in the output shows what it waited for, and
 * give their pids, so the tests can see that nothing outlives the run however it ends.
 */

const RUN_STACK = join(__dirname, '..', '..', 'scripts', 'dev', 'run-stack.mjs');

const FAKE_API = `
import http from 'node:http';
const readyAt = Date.now() + Number(process.env.FAKE_READY_AFTER_MS ?? 0);
let said = false;
http
  .createServer((request, response) => {
    const ready = request.url === '/api/v1/health/live' && Date.now() >= readyAt;
    if (ready && !said) console.log('FAKE API ANSWERS pid=' + process.pid);
    said ||= ready;
    response.statusCode = ready ? 200 : 503;
    response.end();
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
console.log('Mapped {/api/v1/stand-in, GET} route');
`;

const FAKE_WORKER = `
import { rmSync, writeFileSync } from 'node:fs';
const file = process.env.HEARTBEAT_FILE;
const beat = () => writeFileSync(file, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
setTimeout(() => {
  beat();
  console.log('FAKE WORKER BEATS pid=' + process.pid);
  setInterval(beat, 1000);
}, Number(process.env.FAKE_BEAT_AFTER_MS ?? 0));
process.on('SIGTERM', () => {
  rmSync(file, { force: true });
  process.exit(0);
});
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Run {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

describe('npm start supervisor', () => {
  let root: string;
  let port: number;
  const runs: Run[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'trellis-start-'));
    port = await freePort();
    await writeFile(join(root, 'fake-api.mjs'), FAKE_API);
    await writeFile(join(root, 'fake-worker.mjs'), FAKE_WORKER);
    const apps = [
      { name: 'api', main: join(root, 'fake-api.mjs') },
      { name: 'worker', main: join(root, 'fake-worker.mjs') },
    ];
    await writeFile(
      join(root, 'start.mjs'),
      `import { runStack } from ${JSON.stringify(pathToFileURL(RUN_STACK).href)};\n` +
        `await runStack(process.cwd(), { prepare: false, apps: ${JSON.stringify(apps)} });\n`,
    );
    // What `npm start` runs: package.json's script, through npm and its shell.
    await writeFile(
      join(root, 'package.json'),
      JSON.stringify({ name: 'stand-in', scripts: { start: 'node start.mjs' } }),
    );
  });
  afterEach(async () => {
    for (const run of runs.splice(0)) if (run.process.exitCode === null) run.process.kill('SIGKILL');
    await rm(root, { recursive: true, force: true });
  });

  function start(command: string[], env: NodeJS.ProcessEnv = {}): Run {
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        SESSION_SECRET: 'x'.repeat(40),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += String(chunk)));
    child.stderr?.on('data', (chunk) => (output += String(chunk)));
    const run = {
      process: child,
      // Without the terminal colours of scripts/dev/log.mjs.
      output: () => output.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), ''),
      exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
    };
    runs.push(run);
    return run;
  }

  const pidsOf = (run: Run) => {
    const pid = (what: string) => Number(new RegExp(`${what} pid=(\\d+)`).exec(run.output())?.[1]);
    return { api: pid('FAKE API ANSWERS'), worker: pid('FAKE WORKER BEATS') };
  };

  const banner = (run: Run) => run.output().includes('Stop with Ctrl-C.');

  it('prints the banner last, once the API answers its health check and the worker has beaten', async () => {
    const run = start(['node', 'start.mjs'], { FAKE_READY_AFTER_MS: '1500', FAKE_BEAT_AFTER_MS: '800' });
    await until(async () => banner(run), 20_000, 100);
    const lines = run.output().trim().split('\n');
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(at('FAKE API ANSWERS')).toBeGreaterThan(-1);
    expect(at('FAKE WORKER BEATS')).toBeGreaterThan(-1);
    expect(at('Trellis is running')).toBeGreaterThan(at('FAKE API ANSWERS'));
    expect(at('Trellis is running')).toBeGreaterThan(at('FAKE WORKER BEATS'));
    expect(lines.at(-1)).toMatch(/\[trellis\] API docs: .*Stop with Ctrl-C\.$/);

    run.process.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const { api, worker } = pidsOf(run);
    expect([alive(api), alive(worker)]).toEqual([false, false]);
    expect(readdirSync(join(root, '.data', 'run'))).toEqual([]);
    expect(existsSync(join(root, '.data', 'worker.heartbeat'))).toBe(false);
  });

  it('stops everything on SIGHUP (a closed terminal)', async () => {
    const run = start(['node', 'start.mjs']);
    await until(async () => banner(run), 20_000, 100);
    run.process.kill('SIGHUP');
    expect(await run.exited).toBe(0);
    const { api, worker } = pidsOf(run);
    expect([alive(api), alive(worker)]).toEqual([false, false]);
  });

  it('stops everything when npm itself is sent SIGTERM (npm does not pass it through its shell)', async () => {
    const run = start(['npm', 'start', '--silent']);
    await until(async () => banner(run), 30_000, 100);
    const { api, worker } = pidsOf(run);
    run.process.kill('SIGTERM');
    await run.exited;
    await until(async () => !alive(api) && !alive(worker), 15_000, 100);
    await until(async () => readdirSync(join(root, '.data', 'run')).length === 0, 5_000, 100);
  });

  it('takes the apps down with it when killed outright, and a second start in the same checkout waits its turn', async () => {
    const first = start(['node', 'start.mjs']);
    await until(async () => banner(first), 20_000, 100);
    const second = start(['node', 'start.mjs']);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/`npm start` is already running in this checkout \(pid \d+\)/);
    const { api, worker } = pidsOf(first);
    expect([alive(api), alive(worker)]).toEqual([true, true]);

    first.process.kill('SIGKILL');
    await first.exited;
    // lifeline.mjs notices its supervisor is gone and stops the app the way SIGTERM would.
    await until(async () => !alive(api) && !alive(worker), 10_000, 100);
  });

  it('names a taken port and how to move it, before building anything', async () => {
    const squatter = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    try {
      const run = start(['node', 'start.mjs']);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`Port ${port} is already in use, so the Trellis API cannot start.`);
      expect(run.output()).toContain('set PORT to a free port');
      expect(run.output()).not.toMatch(/TypeError|EADDRINUSE|Building/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
