import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { AuditEvent, Client, Exercise, HomeworkResponse } from '@trellis/data';
import type { Prompt } from '@trellis/domain';
import { followEmailedLink } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { eventually } from '../support/eventually';
import { startWorkerWithMailbox } from '../support/worker-harness';

const DAY = 24 * 3600 * 1000;
const HEADER = { 'x-homework-csrf': '1' };

/** A complete, valid answer for each prompt kind. */
function completeAnswers(prompts: Prompt[]): Record<string, unknown> {
  return Object.fromEntries(
    prompts.map((p) => {
      switch (p.kind) {
        case 'long_text':
          return [p.id, 'x'.repeat(Math.max(p.minLength ?? 1, 20))];
        case 'scale':
          return [p.id, p.min + 1];
        case 'single_choice':
          return [p.id, p.options[0].id];
        case 'checklist':
          return [p.id, p.options.slice(0, Math.max(p.minSelected ?? 1, 1)).map((o) => o.id)];
      }
    }),
  );
}

describe('client homework by emailed link', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let exercise: Exercise;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'honest_talk' });
  });
  afterAll(async () => {
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function assigned(options: { share?: boolean; consent?: [boolean, boolean] } = {}) {
    const clinic = await createClinic(db, { name: 'Harbour Counselling' });
    const dana = await createStaff(db, clinic, { name: 'Dana Reyes' });
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    const consent = options.consent ?? [true, true];
    await db
      .getRepository(Client)
      .update({ id: partners[0].id }, { name: 'Alex Morgan', timezone: 'America/New_York', emailConsent: consent[0] });
    await db.getRepository(Client).update({ id: partners[1].id }, { name: 'Sam Taylor', emailConsent: consent[1] });
    const asDana = await signIn(app, dana.email);
    const res = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({
        exerciseId: exercise.id,
        coupleIds: [couple.id],
        dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
        message: 'Be gentle with yourselves.',
        shareAnswersAfterBoth: options.share ?? false,
      })
      .expect(201);
    return { clinic, dana, asDana, couple, partners, assignmentId: res.body.data[0].id as string };
  }

  /** The homework link in an email, once it works (tests/support/email-links.ts says why it waits). */
  async function homeworkToken(raw: string): Promise<string> {
    return (await followEmailedLink(app.getHttpServer(), raw, 'homework')).token;
  }

  async function openAs(token: string) {
    const agent = request.agent(app.getHttpServer());
    await agent.post('/api/v1/homework/session').set(HEADER).send({ token }).expect(200);
    return agent;
  }

  it('emails each partner a personal link; the link greets, starts a session, autosaves, submits once', async () => {
    const { partners, asDana, assignmentId } = await assigned();
    const email = await harness.mailbox.waitForMessageTo(partners[0].email, /Homework from Harbour Counselling/);
    expect(email.raw).toContain('Be gentle with yourselves.');
    expect(email.raw).toMatch(/Content-Type: text\/plain/i);
    expect(email.raw).toContain('Dana Reyes');
    // Opening the link (as an email scanner would) changes nothing.
    const { token, answer: greeting } = await followEmailedLink(app.getHttpServer(), email.raw, 'homework');
    expect(greeting.body).toEqual({ partnerFirstName: 'Alex', clinicName: 'Harbour Counselling' });
    expect(greeting.headers['cache-control']).toBe('no-store');
    expect(
      (await db.getRepository(HomeworkResponse).findOneByOrFail({ clientId: partners[0].id })).linkOpenedAt,
    ).toBeNull();

    await request(app.getHttpServer()).post('/api/v1/homework/session').send({ token }).expect(403); // no custom header
    const alex = await openAs(token);
    const view = await alex.get('/api/v1/homework/current').expect(200);
    expect(view.body).toMatchObject({
      partnerFirstName: 'Alex',
      title: exercise.title,
      status: 'not_started',
      message: 'Be gentle with yourselves.',
      partnerAnswers: null,
    });
    expect(view.body.dueLabel).toMatch(/^\w+day \d+ \w+, \d\d:\d\d New York time$/);
    const prompts: Prompt[] = view.body.prompts;
    const full = completeAnswers(prompts);

    const firstId = prompts[0].id;
    await alex
      .put('/api/v1/homework/current/draft')
      .set(HEADER)
      .send({ answers: { [firstId]: full[firstId] } })
      .expect(200);
    const reloaded = await alex.get('/api/v1/homework/current').expect(200);
    expect(reloaded.body).toMatchObject({ status: 'draft', answers: { [firstId]: full[firstId] } });

    const scale = prompts.find((p) => p.kind === 'scale');
    if (scale) {
      const bad = await alex
        .put('/api/v1/homework/current/draft')
        .set(HEADER)
        .send({ answers: { [scale.id]: 99 } })
        .expect(400);
      expect(bad.body.errors[0].field).toBe(`answers.${scale.id}`);
    }
    const incomplete = await alex
      .post('/api/v1/homework/current/submit')
      .set(HEADER)
      .send({ answers: { [firstId]: full[firstId] } })
      .expect(400);
    expect(incomplete.body.errors.length).toBeGreaterThan(0);
    await alex.post('/api/v1/homework/current/submit').set(HEADER).send({ answers: full }).expect(200);
    await alex
      .post('/api/v1/homework/current/submit')
      .set(HEADER)
      .send({ answers: { ...full, [firstId]: 'changed later' } })
      .expect(409);
    await alex.put('/api/v1/homework/current/draft').set(HEADER).send({ answers: {} }).expect(409);
    const stored = await db.getRepository(HomeworkResponse).findOneByOrFail({ clientId: partners[0].id });
    expect(stored.answers[firstId]).toBe(full[firstId]);
    expect(stored.linkOpenedAt).toBeInstanceOf(Date);

    // The therapist sees the email went out, the link was opened, and the submission.
    const detail = await asDana.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200);
    expect(detail.body.partners[0]).toMatchObject({ status: 'submitted' });
    expect(detail.body.partners[0].emailSentAt).toBeTruthy();
    expect(detail.body.partners[0].linkOpenedAt).toBeTruthy();
    expect(detail.body.status).toBe('partly_submitted');
    const actions = (await db.getRepository(AuditEvent).findBy({ recordId: stored.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['homework.view', 'homework.draft', 'homework.submit']));
    expect(JSON.stringify(await db.getRepository(AuditEvent).findBy({ recordId: stored.id }))).not.toContain(
      'xxxxxxxx',
    );
  });

  it('keeps answers sealed until both submit, then shares them only when the therapist allowed it', async () => {
    const { partners } = await assigned({ share: true });
    const tokenA = await homeworkToken((await harness.mailbox.waitForMessageTo(partners[0].email)).raw);
    const tokenB = await homeworkToken((await harness.mailbox.waitForMessageTo(partners[1].email)).raw);
    expect(tokenA).not.toBe(tokenB);
    const alex = await openAs(tokenA);
    const sam = await openAs(tokenB);
    const prompts: Prompt[] = (await alex.get('/api/v1/homework/current').expect(200)).body.prompts;
    await alex
      .post('/api/v1/homework/current/submit')
      .set(HEADER)
      .send({ answers: completeAnswers(prompts) })
      .expect(200);
    expect((await sam.get('/api/v1/homework/current').expect(200)).body.partnerAnswers).toBeNull();
    expect((await alex.get('/api/v1/homework/current').expect(200)).body.partnerAnswers).toBeNull();
    await sam
      .post('/api/v1/homework/current/submit')
      .set(HEADER)
      .send({ answers: completeAnswers(prompts) })
      .expect(200);
    const shared = await alex.get('/api/v1/homework/current').expect(200);
    expect(shared.body.partnerName).toBe('Sam');
    // Only the answers to prompts shared with the partner; counselor-only ones stay with the counselor.
    const sharedIds = prompts.filter((p) => p.audience === 'shared').map((p) => p.id);
    expect(prompts.length).toBeGreaterThan(sharedIds.length);
    expect(shared.body.partnerAnswers).toEqual(
      Object.fromEntries(Object.entries(completeAnswers(prompts)).filter(([id]) => sharedIds.includes(id))),
    );
  });

  it('treats forged, revoked, expired and cancelled links identically, and fresh links replace old ones', async () => {
    const { partners, asDana, assignmentId } = await assigned();
    const token = await homeworkToken((await harness.mailbox.waitForMessageTo(partners[0].email)).raw);
    const forged = await request(app.getHttpServer())
      .post('/api/v1/homework/link')
      .send({ token: 'A'.repeat(43) })
      .expect(404);

    // A fresh link asked for by the partner: same answer for unknown addresses; old link dies.
    const unknown = await request(app.getHttpServer())
      .post('/api/v1/homework/fresh-link')
      .set(HEADER)
      .send({ email: 'nobody@example.test' })
      .expect(202);
    const known = await request(app.getHttpServer())
      .post('/api/v1/homework/fresh-link')
      .set(HEADER)
      .send({ email: partners[0].email.toUpperCase() })
      .expect(202);
    expect(known.body).toEqual(unknown.body);
    const deadline = Date.now() + 10_000;
    while (harness.mailbox.messagesTo(partners[0].email).length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const fresh = await homeworkToken(harness.mailbox.messagesTo(partners[0].email)[1].raw);
    expect(harness.mailbox.messagesTo(partners[0].email)[1].subject).toMatch(/Your new link/);
    const old = await request(app.getHttpServer()).post('/api/v1/homework/link').send({ token }).expect(404);
    expect(old.body).toEqual(forged.body);

    // Revoked by the therapist.
    await asDana.agent
      .post(`/api/v1/assignments/${assignmentId}/partners/${partners[0].id}/link/revoke`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(200);
    const revoked = await request(app.getHttpServer()).post('/api/v1/homework/link').send({ token: fresh }).expect(404);
    expect(revoked.body).toEqual(forged.body);

    // Expired.
    const tokenB = await homeworkToken((await harness.mailbox.waitForMessageTo(partners[1].email)).raw);
    await db
      .getRepository(HomeworkResponse)
      .update({ clientId: partners[1].id }, { linkExpiresAt: new Date(Date.now() - 1000) });
    const expired = await request(app.getHttpServer())
      .post('/api/v1/homework/session')
      .set(HEADER)
      .send({ token: tokenB })
      .expect(404);
    expect(expired.body).toEqual(forged.body);
    expect(forged.body.detail).toBe('This link is no longer active — ask your therapist for a new one.');
  });

  it('ends a phone that is already in when the therapist revokes or resends, and a partner cannot undo a revocation', async () => {
    const { partners, asDana, assignmentId } = await assigned();
    const alex = await openAs(await homeworkToken((await harness.mailbox.waitForMessageTo(partners[0].email)).raw));
    const sam = await openAs(await homeworkToken((await harness.mailbox.waitForMessageTo(partners[1].email)).raw));
    const view = await alex.get('/api/v1/homework/current').expect(200);
    const textPrompt = (view.body.prompts as Prompt[]).find((p) => p.kind === 'long_text') as Prompt;
    await sam.get('/api/v1/homework/current').expect(200);
    const draft = (agent: typeof alex, text: string) =>
      agent
        .put('/api/v1/homework/current/draft')
        .set(HEADER)
        .send({ answers: { [textPrompt.id]: text } });
    await draft(alex, 'before the revocation').expect(200);

    await asDana.agent
      .post(`/api/v1/assignments/${assignmentId}/partners/${partners[0].id}/link/revoke`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(200);
    // The phone that was already in: nothing more to read or write.
    await alex.get('/api/v1/homework/current').expect(401);
    await draft(alex, 'after the revocation').expect(401);
    await alex
      .post('/api/v1/homework/current/submit')
      .set(HEADER)
      .send({ answers: completeAnswers(view.body.prompts) })
      .expect(401);
    const kept = await db.getRepository(HomeworkResponse).findOneByOrFail({ clientId: partners[0].id });
    expect(Object.values(kept.answers)).toEqual(['before the revocation']);
    expect(kept.submittedAt).toBeNull();

    // Whoever knows the address asks for a fresh link: the answer is the one for an unknown address,
    // no link goes out, and the revocation stands.
    const sentBefore = harness.mailbox.messagesTo(partners[0].email).length;
    const unknown = await request(app.getHttpServer())
      .post('/api/v1/homework/fresh-link')
      .set(HEADER)
      .send({ email: 'nobody@example.test' })
      .expect(202);
    const attacker = await request(app.getHttpServer())
      .post('/api/v1/homework/fresh-link')
      .set(HEADER)
      .send({ email: partners[0].email })
      .expect(202);
    expect(attacker.body).toEqual(unknown.body);
    await new Promise((r) => setTimeout(r, 800));
    expect(harness.mailbox.messagesTo(partners[0].email)).toHaveLength(sentBefore);
    const stillRevoked = await db.getRepository(HomeworkResponse).findOneByOrFail({ clientId: partners[0].id });
    expect(stillRevoked.linkRevokedAt).not.toBeNull();

    // A resend ends the other partner's open session too; the new link opens a new one.
    await asDana.agent
      .post(`/api/v1/assignments/${assignmentId}/partners/${partners[1].id}/link/resend`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(202);
    await sam.get('/api/v1/homework/current').expect(401);
    const resent = await harness.mailbox.waitForMessageTo(partners[1].email, /new link/i);
    const samAgain = await openAs(await homeworkToken(resent.raw));
    await samAgain.get('/api/v1/homework/current').expect(200);
  });

  it('scopes a session to one partner: a link never reaches the other partner’s answers or another assignment', async () => {
    const first = await assigned();
    const other = await assigned();
    const tokenA = await homeworkToken((await harness.mailbox.waitForMessageTo(first.partners[0].email)).raw);
    const alex = await openAs(tokenA);
    const view = await alex.get('/api/v1/homework/current').expect(200);
    expect(view.body.partnerFirstName).toBe('Alex');
    // Shared phone: a page still editing another response is refused, not written through.
    await alex
      .put('/api/v1/homework/current/draft')
      .set(HEADER)
      .set('x-homework-response', view.body.responseId)
      .send({ answers: {} })
      .expect(200);
    await alex
      .put('/api/v1/homework/current/draft')
      .set(HEADER)
      .set('x-homework-response', '00000000-0000-4000-8000-000000000000')
      .send({ answers: {} })
      .expect(409);
    // Staff routes refuse a homework session.
    await alex.get(`/api/v1/assignments/${other.assignmentId}`).expect(401);
    await alex.get('/api/v1/couples').expect(401);
    await request(app.getHttpServer()).get('/api/v1/homework/current').expect(401);
  });

  it('sends nothing to a partner without email consent; the therapist cannot resend to them', async () => {
    const { partners, asDana, assignmentId } = await assigned({ consent: [false, true] });
    await harness.mailbox.waitForMessageTo(partners[1].email);
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.mailbox.messagesTo(partners[0].email)).toHaveLength(0);
    await asDana.agent
      .post(`/api/v1/assignments/${assignmentId}/partners/${partners[0].id}/link/resend`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(409);
    await asDana.agent
      .post(`/api/v1/assignments/${assignmentId}/partners/${partners[1].id}/link/resend`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(202);
  });

  it('says per partner what was emailed, and sends the waiting homework once consent is given', async () => {
    const { couple, partners, asDana, assignmentId } = await assigned({ consent: [true, false] });
    const created = await asDana.agent.get(`/api/v1/couples/${couple.id}/assignments`).expect(200);
    const listed = created.body.data.find((a: { id: string }) => a.id === assignmentId);
    // Alex's email is queued or already out; Sam's is held, and says why.
    expect(['sending', 'sent']).toContain(listed.partners[0].email);
    expect(listed.partners[1]).toMatchObject({ email: 'no_consent', emailSentAt: null });
    await harness.mailbox.waitForMessageTo(partners[0].email);

    // Another edit that does not give consent sends nothing.
    await asDana.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ partners: [{ position: 2, name: 'Sam T.' }] })
      .expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.mailbox.messagesTo(partners[1].email)).toHaveLength(0);

    await asDana.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ partners: [{ position: 2, emailConsent: true }] })
      .expect(200);
    const email = await harness.mailbox.waitForMessageTo(partners[1].email, /Homework from Harbour Counselling/);
    expect(await homeworkToken(email.raw)).toHaveLength(43);
    await eventually(async () => {
      const now = await asDana.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200);
      expect(now.body.partners[1].email).toBe('sent');
    });
    const updates = await db.getRepository(AuditEvent).findBy({ action: 'couple.update', recordId: couple.id });
    expect(updates.map((u) => u.details.waitingHomeworkEmailed ?? null)).toEqual(expect.arrayContaining([null, 1]));

    // Consent withdrawn and given again: the link already went out, so nothing more is sent.
    for (const emailConsent of [false, true])
      await asDana.agent
        .patch(`/api/v1/couples/${couple.id}`)
        .set('x-csrf-token', asDana.csrfToken)
        .send({ partners: [{ position: 2, emailConsent }] })
        .expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.mailbox.messagesTo(partners[1].email)).toHaveLength(1);
  });

  it('sends only the waiting homework still open: not cancelled, nor revoked by the therapist', async () => {
    const { couple, partners, asDana, assignmentId: cancelled } = await assigned({ consent: [true, false] });
    const assign = async () => {
      const res = await asDana.agent
        .post('/api/v1/assignments')
        .set('x-csrf-token', asDana.csrfToken)
        .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: new Date(Date.now() + 2 * DAY).toISOString() })
        .expect(201);
      return res.body.data[0].id as string;
    };
    const revoked = await assign();
    const open = await assign();
    await asDana.agent
      .post(`/api/v1/assignments/${cancelled}/cancel`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(200);
    await asDana.agent
      .post(`/api/v1/assignments/${revoked}/partners/${partners[1].id}/link/revoke`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(200);
    await asDana.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ partners: [{ position: 2, emailConsent: true }] })
      .expect(200);
    await harness.mailbox.waitForMessageTo(partners[1].email);
    await new Promise((r) => setTimeout(r, 300));
    expect(harness.mailbox.messagesTo(partners[1].email)).toHaveLength(1);
    const samResponse = await db
      .getRepository(HomeworkResponse)
      .findOneByOrFail({ assignmentId: open, clientId: partners[1].id });
    const queued: { response_id: string }[] = await db.query(
      `SELECT subject_ids->>'responseId' AS response_id FROM email_delivery
       WHERE template = 'homework-assigned' AND idempotency_key LIKE '%-on-consent-%'
         AND subject_ids->>'responseId' IN (SELECT r.id::text FROM homework_response r WHERE r.client_id = $1)`,
      [partners[1].id],
    );
    expect(queued).toEqual([{ response_id: samResponse.id }]);
  });

  it('checks a save in order: the custom header (403), then the session (401), neither cached', async () => {
    const noHeader = await request(app.getHttpServer())
      .put('/api/v1/homework/current/draft')
      .send({ answers: {} })
      .expect(403);
    expect(noHeader.body.detail).toBe('Reload the page and try again.');
    expect(noHeader.headers['cache-control']).toBe('no-store');
    const noSession = await request(app.getHttpServer())
      .post('/api/v1/homework/current/submit')
      .set(HEADER)
      .send({ answers: {} })
      .expect(401);
    expect(noSession.body.detail).toBe('Open the link from your email again to continue.');
    expect(noSession.headers['cache-control']).toBe('no-store');
  });

  it('refuses bad bodies with a 400 naming the field', async () => {
    const bad = await request(app.getHttpServer())
      .post('/api/v1/homework/link')
      .send({ token: "'; DROP TABLE client; --" })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('token');
    const fresh = await request(app.getHttpServer())
      .post('/api/v1/homework/fresh-link')
      .set(HEADER)
      .send({ email: 'not an email', extra: 1 })
      .expect(400);
    expect(fresh.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'extra']);
  });
});
