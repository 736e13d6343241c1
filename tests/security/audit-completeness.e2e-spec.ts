import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditEvent, Exercise, mintSecretToken } from '@trellis/data';
import { createAssignment, createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

const SECRET = 'SECRET-CLINICAL-TEXT-7f3a';

/**
 * Every route that reads or writes a clinical record (couples, partners, assignments, responses,
 * notes, sessions, exports, digests) leaves an audit row with actor, action, record and outcome — and no
 * audit row ever holds the clinical text itself.
 */
describe('audit completeness for clinical records', () => {
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

  it('audits each clinical read and write, with ids and never the text', async () => {
    const clinic = await createClinic(db);
    const t = await createStaff(db, clinic);
    await setPassword(db, t);
    const { couple, partners } = await createCouple(db, clinic, t);
    const hw = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() + 3 * 864e5),
      submitted: [true, true],
    });
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'empathy' });
    const me = await signIn(app, t.email);
    const csrf = { 'x-csrf-token': me.csrfToken };

    type Step = { call: () => Promise<request.Response>; action: string; record?: () => string; actorType?: string };
    let noteId = '';
    let newCoupleId = '';
    let sessionId = '';
    let pastSessionId = '';
    const inDays = (days: number) => {
      const d = new Date(Date.now() + days * 864e5);
      d.setUTCHours(10, 0, 0, 0);
      return d.toISOString();
    };
    const steps: Step[] = [
      { call: () => me.agent.get('/api/v1/couples'), action: 'couple.list' },
      { call: () => me.agent.get(`/api/v1/couples/${couple.id}`), action: 'couple.view', record: () => couple.id },
      {
        call: async () => {
          const res = await me.agent
            .post('/api/v1/couples')
            .set(csrf)
            .send({
              displayName: SECRET,
              partners: [1, 2].map((n) => ({
                name: `${SECRET}${n}`,
                email: `s${n}@example.test`,
                timezone: 'UTC',
                emailConsent: true,
              })),
            });
          newCoupleId = res.body.id;
          return res;
        },
        action: 'couple.create',
        record: () => newCoupleId,
      },
      {
        call: () =>
          me.agent
            .patch(`/api/v1/couples/${couple.id}`)
            .set(csrf)
            .send({ displayName: `${SECRET} renamed` }),
        action: 'couple.update',
        record: () => couple.id,
      },
      {
        call: () => me.agent.get(`/api/v1/couples/${couple.id}/timeline`),
        action: 'couple.timeline',
        record: () => couple.id,
      },
      {
        call: () => me.agent.get(`/api/v1/couples/${couple.id}/export`),
        action: 'couple.export',
        record: () => couple.id,
      },
      {
        call: () => me.agent.get(`/api/v1/couples/${couple.id}/assignments`),
        action: 'assignment.list',
        record: () => couple.id,
      },
      {
        call: () =>
          me.agent
            .post('/api/v1/assignments')
            .set(csrf)
            .send({
              exerciseId: exercise.id,
              coupleIds: [couple.id],
              dueAt: new Date(Date.now() + 864e5).toISOString(),
              message: SECRET,
            }),
        action: 'assignment.create',
      },
      { call: () => me.agent.get(`/api/v1/assignments/${hw.id}`), action: 'assignment.view', record: () => hw.id },
      {
        call: () => me.agent.patch(`/api/v1/assignments/${hw.id}`).set(csrf).send({ message: SECRET }),
        action: 'assignment.update',
        record: () => hw.id,
      },
      {
        call: () => me.agent.post(`/api/v1/assignments/${hw.id}/review`).set(csrf).send({ comment: SECRET }),
        action: 'assignment.review',
        record: () => hw.id,
      },
      {
        call: () => me.agent.post(`/api/v1/assignments/${hw.id}/cancel`).set(csrf),
        action: 'assignment.cancel',
        record: () => hw.id,
      },
      { call: () => me.agent.get(`/api/v1/couples/${couple.id}/notes`), action: 'note.list' },
      {
        call: async () => {
          const res = await me.agent
            .post(`/api/v1/couples/${couple.id}/notes`)
            .set(csrf)
            .send({ format: 'free', sessionDate: '2026-11-20', sections: { body: SECRET } });
          noteId = res.body.id;
          return res;
        },
        action: 'note.create',
        record: () => noteId,
      },
      { call: () => me.agent.get(`/api/v1/notes/${noteId}`), action: 'note.view', record: () => noteId },
      {
        call: () =>
          me.agent
            .patch(`/api/v1/notes/${noteId}`)
            .set(csrf)
            .send({ sections: { body: `${SECRET}!` } }),
        action: 'note.update',
        record: () => noteId,
      },
      {
        call: () => me.agent.post(`/api/v1/notes/${noteId}/sign`).set(csrf),
        action: 'note.sign',
        record: () => noteId,
      },
      {
        call: () => me.agent.post(`/api/v1/notes/${noteId}/addenda`).set(csrf).send({ body: SECRET }),
        action: 'note.addendum',
      },
      {
        call: async () => {
          const res = await me.agent
            .post(`/api/v1/couples/${couple.id}/sessions`)
            .set(csrf)
            .send({ startsAt: inDays(5), location: SECRET, frequency: 'weekly', occurrences: 2 });
          sessionId = res.body.data?.[0]?.id;
          return res;
        },
        action: 'session.create',
        record: () => sessionId,
      },
      {
        call: () => me.agent.get(`/api/v1/couples/${couple.id}/sessions`),
        action: 'session.list',
        record: () => couple.id,
      },
      {
        call: () => me.agent.get('/api/v1/sessions').query({ from: inDays(0), to: inDays(14) }),
        action: 'session.list',
      },
      { call: () => me.agent.get(`/api/v1/sessions/${sessionId}`), action: 'session.view', record: () => sessionId },
      {
        call: () =>
          me.agent
            .patch(`/api/v1/sessions/${sessionId}`)
            .set(csrf)
            .send({ startsAt: inDays(6), location: `${SECRET} moved`, scope: 'following' }),
        action: 'session.update',
        record: () => sessionId,
      },
      {
        call: () =>
          me.agent.post(`/api/v1/sessions/${sessionId}/cancel`).set(csrf).send({ reason: SECRET, scope: 'this' }),
        action: 'session.cancel',
        record: () => sessionId,
      },
      {
        call: async () => {
          const res = await me.agent
            .post(`/api/v1/couples/${couple.id}/sessions`)
            .set(csrf)
            .send({ startsAt: new Date(Date.now() - 2 * 3600e3).toISOString() });
          pastSessionId = res.body.data?.[0]?.id;
          return me.agent
            .post(`/api/v1/sessions/${pastSessionId}/outcome`)
            .set(csrf)
            .send({ status: 'held', partner1: 'attended', partner2: 'absent' });
        },
        action: 'session.outcome',
        record: () => pastSessionId,
      },
      { call: () => me.agent.get('/api/v1/home'), action: 'home.view' },
      { call: () => me.agent.get('/api/v1/digests'), action: 'digest.list' },
    ];

    for (const step of steps) {
      const since = new Date();
      await new Promise((r) => setTimeout(r, 5));
      const res = await step.call();
      expect([200, 201, 204]).toContain(res.status);
      const rows = await db
        .getRepository(AuditEvent)
        .findBy({ actorId: t.id, action: step.action, occurredAt: MoreThan(since) });
      const row = rows[0];
      if (!row) throw new Error(`no ${step.action} audit row`);
      expect(row).toMatchObject({ clinicId: clinic.id, actorType: 'staff', outcome: 'success' });
      expect(row.ip).toBeTruthy();
      if (step.record) expect(rows.map((r) => r.recordId)).toContain(step.record());
    }

    // The partner's own side: view, draft, submit are audited against the client link.
    const fresh = await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() + 3 * 864e5) });
    const { token, hash } = mintSecretToken();
    await db.query(
      `UPDATE homework_response SET link_token_hash = $1, link_expires_at = now() + interval '1 day' WHERE assignment_id = $2 AND client_id = $3`,
      [hash, fresh.id, partners[0].id],
    );
    const partner = request.agent(app.getHttpServer());
    await partner.post('/api/v1/homework/session').set('x-homework-csrf', '1').send({ token }).expect(200);
    await partner.get('/api/v1/homework/current').expect(200);
    const textPrompt = fresh.prompts.find((p) => p.kind === 'long_text');
    await partner
      .put('/api/v1/homework/current/draft')
      .set('x-homework-csrf', '1')
      .send({ answers: textPrompt ? { [textPrompt.id]: SECRET } : {} })
      .expect(200);
    const clientRows = await db.getRepository(AuditEvent).findBy({ actorId: partners[0].id });
    expect(clientRows.map((r) => r.action).sort()).toEqual(['homework.draft', 'homework.view']);
    expect(clientRows.every((r) => r.actorType === 'client_link' && r.recordType === 'homework_response')).toBe(true);

    // Ids, never the text.
    const all = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE clinic_id = $1 AND (details::text LIKE $2 OR coalesce(record_id, '') LIKE $2)`,
      [clinic.id, `%${SECRET}%`],
    );
    expect(all[0].n).toBe(0);
  });
});
