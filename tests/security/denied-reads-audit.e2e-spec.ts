import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditEvent, Measure } from '@trellis/data';
import { createAssignment, createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

/**
 * A therapist opening a clinical record that is not theirs (another therapist's in their clinic, or
 * another clinic's) gets the same 404 as for a record that does not exist, and the attempt leaves a
 * `denied` row: the actor, the id they asked for, and the actor's own clinic, never the record's.
 */
describe('denied reads of clinical records are audited', () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('records each denied read, answering exactly as for a missing record', async () => {
    const clinic = await createClinic(db);
    const other = await createClinic(db);
    const owner = await createStaff(db, clinic);
    const colleague = await createStaff(db, clinic);
    const outsider = await createStaff(db, other);
    for (const s of [owner, colleague, outsider]) await setPassword(db, s);
    const { couple, partners } = await createCouple(db, clinic, owner);
    const hw = await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() + 3 * 864e5) });
    const asOwner = await signIn(app, owner.email);
    const note = await asOwner.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asOwner.csrfToken)
      .send({ format: 'free', sessionDate: '2026-11-20', sections: { body: 'private' } })
      .expect(201);
    const noteId: string = note.body.id;
    const checkIn = await db.getRepository(Measure).findOneByOrFail({ clinicId: IsNull(), kind: 'outcome' });

    const reads: { path: (id: string) => string; id: string; action: string; recordType: string }[] = [
      { path: (id) => `/api/v1/notes/${id}`, id: noteId, action: 'note.view', recordType: 'session_note' },
      { path: (id) => `/api/v1/couples/${id}/notes`, id: couple.id, action: 'note.list', recordType: 'session_note' },
      { path: (id) => `/api/v1/couples/${id}`, id: couple.id, action: 'couple.view', recordType: 'couple' },
      {
        path: (id) => `/api/v1/couples/${id}/timeline`,
        id: couple.id,
        action: 'couple.timeline',
        recordType: 'couple',
      },
      { path: (id) => `/api/v1/couples/${id}/export`, id: couple.id, action: 'couple.export', recordType: 'couple' },
      { path: (id) => `/api/v1/assignments/${id}`, id: hw.id, action: 'assignment.view', recordType: 'assignment' },
      {
        path: (id) => `/api/v1/couples/${id}/assignments`,
        id: couple.id,
        action: 'assignment.list',
        recordType: 'couple',
      },
      {
        path: (id) => `/api/v1/couples/${id}/measures/${checkIn.id}/responses`,
        id: couple.id,
        action: 'measure_response.list',
        recordType: 'couple',
      },
    ];

    for (const intruder of [colleague, outsider]) {
      const as = await signIn(app, intruder.email);
      for (const read of reads) {
        const since = new Date();
        await new Promise((r) => setTimeout(r, 5));
        // The attack: open someone else's record.
        const denied = await as.agent.get(read.path(read.id)).expect(404);
        // What must not happen: an answer that differs from a missing record's (existence leak) …
        const missing = await as.agent.get(read.path(randomUUID())).expect(404);
        expect(denied.headers['content-type']).toBe(missing.headers['content-type']);
        expect(denied.body.detail).toBe(missing.body.detail);
        expect(denied.body.title).toBe(missing.body.title);
        // … or an attempt that leaves no trace. One row per request, in the intruder's own clinic.
        const rows = await db.getRepository(AuditEvent).find({
          where: { actorId: intruder.id, action: read.action, occurredAt: MoreThan(since) },
          order: { occurredAt: 'ASC' },
        });
        expect(rows).toHaveLength(2);
        expect(rows[0]).toMatchObject({
          clinicId: intruder.clinicId,
          actorType: 'staff',
          outcome: 'denied',
          recordType: read.recordType,
          recordId: read.id,
        });
        expect(rows.every((r) => r.outcome === 'denied' && r.clinicId === intruder.clinicId)).toBe(true);
      }
    }

    // The other clinic's id appears in no row about the outsider; the owner's own reads stay successes.
    const outsiderRows = await db.getRepository(AuditEvent).findBy({ actorId: outsider.id });
    expect(outsiderRows.length).toBeGreaterThan(0);
    expect(outsiderRows.every((r) => r.clinicId === other.id)).toBe(true);
    await asOwner.agent.get(`/api/v1/notes/${noteId}`).expect(200);
    await asOwner.agent.get(`/api/v1/couples/${couple.id}/export`).expect(200);
    const ownerDenied = await db.getRepository(AuditEvent).countBy({ actorId: owner.id, outcome: 'denied' });
    expect(ownerDenied).toBe(0);
  });
});
