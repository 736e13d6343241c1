import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHeartbeat, HEARTBEAT_MAX_AGE_MS, processIsAlive, writeHeartbeat } from './heartbeat-file';

describe('worker heartbeat file', () => {
  let dir: string;
  let file: string;
  const now = new Date('2026-12-05T10:00:00Z');
  const alive = () => true;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trellis-heartbeat-'));
    file = join(dir, 'worker.heartbeat');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is healthy when fresh and written by a running process', async () => {
    await writeHeartbeat(file, { pid: process.pid, at: now.toISOString() });
    expect(await checkHeartbeat(file, now)).toEqual({ healthy: true });
    // Readable by the worker's user only, and no temporary file left beside it.
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['worker.heartbeat']);
  });

  it('fails when missing, stale, not a heartbeat, or written by a process that has exited', async () => {
    expect(await checkHeartbeat(file, now)).toEqual({ healthy: false, reason: expect.stringMatching(/missing/) });

    await writeHeartbeat(file, { pid: 4242, at: new Date(now.getTime() - HEARTBEAT_MAX_AGE_MS - 1000).toISOString() });
    expect(await checkHeartbeat(file, now, alive)).toEqual({
      healthy: false,
      reason: expect.stringMatching(/31 s old \(pid 4242\)/),
    });

    // Fresh, but its writer is gone: another instance's file, or a crash just now.
    await writeHeartbeat(file, { pid: 4242, at: now.toISOString() });
    expect(await checkHeartbeat(file, now, (pid) => pid !== 4242)).toEqual({
      healthy: false,
      reason: expect.stringMatching(/pid 4242, which has exited/),
    });

    for (const junk of [
      '',
      '2026-12-05T10:00:00Z',
      '{"pid":"1","at":"2026-12-05T10:00:00Z"}',
      '{"pid":7,"at":"soon"}',
    ]) {
      await writeFile(file, junk);
      expect(await checkHeartbeat(file, now, alive)).toEqual({
        healthy: false,
        reason: expect.stringMatching(/not a Trellis heartbeat/),
      });
    }
  });

  it('replaces a link planted at its path rather than writing through it', async () => {
    const target = join(dir, 'target');
    await writeFile(target, 'keep');
    await symlink(target, file);
    await writeHeartbeat(file, { pid: process.pid, at: now.toISOString() });
    expect(await readFile(target, 'utf8')).toBe('keep');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ pid: process.pid, at: now.toISOString() });
  });

  it('knows a running process from one that is not', () => {
    expect(processIsAlive(process.pid)).toBe(true);
    // Above the kernel's pid range on Linux (4194304 at most).
    expect(processIsAlive(4_194_305)).toBe(false);
  });
});
