import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, SessionNote } from '@trellis/data';
import { createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

describe('session notes', () => {
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

  async function practice() {
    const practice = await createPractice(app, db);
    const { couple } = await createCouple(db, practice.clinic, practice.dana);
    return { ...practice, couple };
  }

  it('drafts a SOAP note, edits it, signs it; signed notes are final; corrections are addenda', async () => {
    const { couple, dana, asDana } = await practice();
    const draft = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({
        format: 'soap',
        sessionDate: '2026-11-24',
        sections: { subjective: 'Both tired.', plan: 'Check-in exercise.' },
      })
      .expect(201);
    expect(draft.body).toMatchObject({
      format: 'soap',
      signedAt: null,
      authorName: 'Dana Reyes',
      sections: { subjective: 'Both tired.', objective: '', assessment: '', plan: 'Check-in exercise.' },
    });
    const id = draft.body.id;

    await asDana.agent
      .patch(`/api/v1/notes/${id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ sections: { objective: 'Calm.' } })
      .expect(200);
    const signed = await asDana.agent
      .post(`/api/v1/notes/${id}/sign`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(200);
    expect(signed.body.signedAt).toBeTruthy();
    expect(signed.body.sections.objective).toBe('Calm.');

    await asDana.agent
      .patch(`/api/v1/notes/${id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ sections: { plan: 'changed' } })
      .expect(409);
    await asDana.agent.delete(`/api/v1/notes/${id}`).set('x-csrf-token', asDana.csrfToken).expect(409);
    await expect(db.query(`UPDATE session_note SET sections = '{}' WHERE id = $1`, [id])).rejects.toThrow(
      /signed session notes cannot be changed/,
    );

    const corrected = await asDana.agent
      .post(`/api/v1/notes/${id}/addenda`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ body: 'Correction: session was 50 minutes.' })
      .expect(201);
    expect(corrected.body.addenda).toEqual([
      expect.objectContaining({ authorId: dana.id, body: 'Correction: session was 50 minutes.' }),
    ]);
    const list = await asDana.agent.get(`/api/v1/couples/${couple.id}/notes`).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.data[0].addenda).toHaveLength(1);

    // Every read and write is audited, with ids and never the note's text.
    const events = await db.getRepository(AuditEvent).findBy({ actorId: dana.id });
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['note.create', 'note.update', 'note.sign', 'note.addendum', 'note.view', 'note.list']),
    );
    expect(JSON.stringify(events)).not.toMatch(/Both tired|Correction|Calm/);
  });

  it('validates sections per format and refuses unknown fields, writing nothing', async () => {
    const { couple, asDana } = await practice();
    const before = await db.getRepository(SessionNote).count();
    const res = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({
        format: 'dap',
        sessionDate: '2026-11-24',
        sections: { subjective: 'wrong section', data: 'x'.repeat(20001) },
      })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'sections.data',
      'sections.subjective',
    ]);
    const bad = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'essay', sessionDate: 'monday', sections: 'text', signedAt: 'now' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'format',
      'sections',
      'sessionDate',
      'signedAt',
    ]);
    expect(await db.getRepository(SessionNote).count()).toBe(before);
  });

  it("is readable only by the couple's therapist: other therapists, admins and other clinics get 404", async () => {
    const a = await practice();
    const b = await practice();
    const note = await a.asDana.agent
      .post(`/api/v1/couples/${a.couple.id}/notes`)
      .set('x-csrf-token', a.asDana.csrfToken)
      .send({ format: 'free', sessionDate: '2026-11-20', sections: { body: 'private' } })
      .expect(201);
    const others = [await signIn(app, a.sam.email), await signIn(app, a.admin.email), b.asDana];
    for (const other of others) {
      await other.agent.get(`/api/v1/couples/${a.couple.id}/notes`).expect(404);
      await other.agent.get(`/api/v1/notes/${note.body.id}`).expect(404);
      await other.agent
        .patch(`/api/v1/notes/${note.body.id}`)
        .set('x-csrf-token', other.csrfToken)
        .send({ sections: { body: 'x' } })
        .expect(404);
      await other.agent.post(`/api/v1/notes/${note.body.id}/sign`).set('x-csrf-token', other.csrfToken).expect(404);
      await other.agent.delete(`/api/v1/notes/${note.body.id}`).set('x-csrf-token', other.csrfToken).expect(404);
      await other.agent
        .post(`/api/v1/couples/${a.couple.id}/notes`)
        .set('x-csrf-token', other.csrfToken)
        .send({ format: 'free', sessionDate: '2026-11-20', sections: { body: 'x' } })
        .expect(404);
    }
    expect((await db.getRepository(SessionNote).findOneByOrFail({ id: note.body.id })).sections).toEqual({
      body: 'private',
    });
    await request(app.getHttpServer()).get(`/api/v1/notes/${note.body.id}`).expect(401);
  });

  it('deletes drafts', async () => {
    const { couple, asDana } = await practice();
    const note = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'free', sessionDate: '2026-11-20', sections: {} })
      .expect(201);
    await asDana.agent.delete(`/api/v1/notes/${note.body.id}`).set('x-csrf-token', asDana.csrfToken).expect(204);
    await asDana.agent.get(`/api/v1/notes/${note.body.id}`).expect(404);
  });
});
