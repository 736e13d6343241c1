import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createAssignment, createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

const DAY = 24 * 3600 * 1000;

/**
 * The backup procedure the README documents: `pg_dump --format=custom` of the database, then
 * `pg_restore` into a fresh one. A therapist signed in to an API running on the restored copy
 * reads the couple's whole history (the record export) exactly as it was.
 */
describe('backups: a restored dump serves the same history', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const folder = mkdtempSync(join(tmpdir(), 'trellis-backup-'));
  const restoredName = `trellis_restore_${randomBytes(4).toString('hex')}`;
  const sourceUrl = () => process.env.DATABASE_URL as string;
  const restoredUrl = () => sourceUrl().replace(/\/[^/?]+(\?.*)?$/, `/${restoredName}$1`);
  const adminUrl = () => sourceUrl().replace(/\/[^/?]+(\?.*)?$/, '/postgres$1');

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    execFileSync('psql', [adminUrl(), '-qAtc', `DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores a dump into a fresh database and reads a couple’s record back through the API', async () => {
    const { clinic, dana, asDana } = await createPractice(app, db);
    const { couple, partners } = await createCouple(db, clinic, dana, { displayName: 'Avery & Blake' });
    await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() - DAY), submitted: [true, true] });
    await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() + DAY), submitted: [true, false] });
    const note = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'free', sessionDate: '2026-12-01', sections: { body: 'We talked about the week.' } })
      .expect(201);
    await asDana.agent.post(`/api/v1/notes/${note.body.id}/sign`).set('x-csrf-token', asDana.csrfToken).expect(200);
    const before = await asDana.agent.get(`/api/v1/couples/${couple.id}/export`).expect(200);

    const dump = join(folder, 'trellis.dump');
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, sourceUrl()]);
    execFileSync('psql', [adminUrl(), '-qAtc', `CREATE DATABASE ${restoredName}`]);
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl()}`, dump]);

    const restored = await createTestApp({ DATABASE_URL: restoredUrl() });
    try {
      const asDanaThere = await signIn(restored, dana.email);
      const after = await asDanaThere.agent.get(`/api/v1/couples/${couple.id}/export`).expect(200);
      const { exportedAt: _b, ...history } = before.body;
      const { exportedAt: _a, ...restoredHistory } = after.body;
      expect(restoredHistory).toEqual(history);
      expect(history.assignments).toHaveLength(2);
      expect(history.notes).toHaveLength(1);
    } finally {
      await restored.close();
    }
  });
});
