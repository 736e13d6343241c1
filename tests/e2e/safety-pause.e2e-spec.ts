import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import { AuditEvent, Client, EmailDelivery, Exercise, SafetyFlag, SafetyPause } from '@trellis/data';
import type { Prompt } from '@trellis/domain';
import { enqueueInTransaction, JobName } from '@trellis/jobs';
import { decodedEmailText } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { completeAnswersFor, HOMEWORK_HEADER, homeworkTokenFromEmail, openHomeworkAs } from '../support/homework-flow';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

const DAY = 24 * 3600 * 1000;
const ALERT_SUBJECT = /^Something needs your attention$/;
const SECRET = 'He shouted and I was scared';

/**
 * Issue 18, item 3: "I don't feel safe doing this exercise". Written from three sides: the partner
 * who says it (the counselor is told at once, once), the other partner — possibly the dangerous
 * one — who must see no difference anywhere, and the therapist, who is alerted, cannot assign
 * joint homework until they have looked, and lifts the pause with a note.
 */
describe('a safety pause', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
  });
  afterAll(async () => {
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  // Honest check-in: one answer the partners share (what_would_help) and private ones for the counselor.
  const exerciseId = async () =>
    (await db.getRepository(Exercise).findOneByOrFail({ key: 'honest-check-in', clinicId: IsNull() })).id;

  async function practice() {
    const clinic = await createClinic(db, { name: 'Harbour Counselling' });
    const dana = await createStaff(db, clinic, { name: 'Dana Reyes' });
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    await db.getRepository(Client).update({ id: partners[0].id }, { name: 'Alex Morgan' });
    await db.getRepository(Client).update({ id: partners[1].id }, { name: 'Sam Taylor' });
    const asDana = await signIn(app, dana.email);
    const assign = (share = true) =>
      asDana.agent
        .post('/api/v1/assignments')
        .set('x-csrf-token', asDana.csrfToken)
        .send({
          exerciseId: EXERCISE_ID,
          coupleIds: [couple.id],
          dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
          shareAnswersAfterBoth: share,
        });
    const EXERCISE_ID = await exerciseId();
    const created = await assign().expect(201);
    const assignmentId: string = created.body.data[0].id;
    const alex = await openHomeworkAs(
      app,
      await homeworkTokenFromEmail(app, (await harness.mailbox.waitForMessageTo(partners[0].email)).raw),
    );
    const sam = await openHomeworkAs(
      app,
      await homeworkTokenFromEmail(app, (await harness.mailbox.waitForMessageTo(partners[1].email)).raw),
    );
    const lift = (note: unknown, as = asDana) =>
      as.agent.post(`/api/v1/couples/${couple.id}/safety/lift`).set('x-csrf-token', as.csrfToken).send({ note });
    return { clinic, dana, asDana, couple, partners, assignmentId, alex, sam, assign, lift };
  }

  const notSafe = (agent: Awaited<ReturnType<typeof practice>>['alex']) =>
    agent.post('/api/v1/homework/current/not-safe').set(HOMEWORK_HEADER).send({});

  it('tells the therapist once, pauses joint homework, and shows the other partner nothing', async () => {
    const p = await practice();
    const inboxBefore = harness.mailbox.messagesTo(p.partners[1].email).length;
    const samBefore = await p.sam.get('/api/v1/homework/current').expect(200);

    // Alex says it, twice (a double tap), and then Sam — who may be the reason — presses it too.
    const first = await notSafe(p.alex).expect(200);
    expect(first.body).toEqual({ reportedAt: expect.any(String) });
    expect((await notSafe(p.alex).expect(200)).body).toEqual(first.body);

    // Sam's page and API answer are exactly what they were.
    const samAfter = await p.sam.get('/api/v1/homework/current').expect(200);
    expect(samAfter.body).toEqual(samBefore.body);
    expect(samAfter.body.notSafeReportedAt).toBeNull();
    // Alex's own page knows Alex said it; nothing else.
    expect((await p.alex.get('/api/v1/homework/current').expect(200)).body.notSafeReportedAt).toBe(
      first.body.reportedAt,
    );

    // One alert, to Dana, that says only that something needs attention.
    const alert = await harness.mailbox.waitForMessageTo(p.dana.email, ALERT_SUBJECT);
    const text = decodedEmailText(alert.raw);
    expect(text).toContain('Something in Trellis needs your attention');
    for (const word of ['Alex', 'Sam', p.couple.displayName, 'safe', 'Honest', 'homework'])
      expect(text).not.toContain(word);

    // The one pause, with Alex's one flag; the ledger has one alert row.
    const pauses = await db.getRepository(SafetyPause).findBy({ coupleId: p.couple.id });
    expect(pauses).toHaveLength(1);
    expect(await db.getRepository(SafetyFlag).countBy({ pauseId: pauses[0].id, clientId: p.partners[0].id })).toBe(1);
    const deliveries = await db
      .getRepository(EmailDelivery)
      .findBy({ template: 'safety-alert', clinicId: p.clinic.id });
    expect(deliveries).toHaveLength(1);

    // The send job running a second time sends nothing more.
    await db.transaction((manager) =>
      enqueueInTransaction(manager, {
        name: JobName.SendEmail,
        data: { deliveryId: deliveries[0].id, clinicId: p.clinic.id },
        jobId: `email-${deliveries[0].id}-again`,
      }),
    );
    await notSafe(p.sam).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(harness.mailbox.messagesTo(p.dana.email).filter((m) => ALERT_SUBJECT.test(m.subject))).toHaveLength(1);
    // Sam's inbox got nothing from any of it.
    expect(harness.mailbox.messagesTo(p.partners[1].email)).toHaveLength(inboxBefore);

    // New joint homework waits for Dana, with the reason; the database is unchanged.
    const countBefore = await db.query(`SELECT count(*)::int AS n FROM assignment WHERE couple_id = $1`, [p.couple.id]);
    const refused = await p.assign().expect(409);
    expect(refused.body.detail).toMatch(/paused: a partner raised a safety concern/);
    expect(await db.query(`SELECT count(*)::int AS n FROM assignment WHERE couple_id = $1`, [p.couple.id])).toEqual(
      countBefore,
    );

    // The audit trail has each flag, attributed to the partner who raised it.
    const flags = await db.getRepository(AuditEvent).findBy({ action: 'safety.flag', recordId: p.couple.id });
    expect(flags.map((f) => [f.actorId, f.details.opened]).sort()).toEqual(
      [
        [p.partners[0].id, true],
        [p.partners[0].id, false],
        [p.partners[1].id, false],
      ].sort(),
    );
  });

  it('shows the therapist the alert on the home screen and the couple page, then lifts it with a note', async () => {
    const p = await practice();
    expect((await p.asDana.agent.get('/api/v1/home').expect(200)).body.safetyAlerts).toEqual([]);
    expect((await p.asDana.agent.get(`/api/v1/couples/${p.couple.id}/safety`).expect(200)).body).toEqual({
      openPause: null,
      lifted: [],
    });
    await notSafe(p.alex).expect(200);

    const home = (await p.asDana.agent.get('/api/v1/home').expect(200)).body;
    expect(home.safetyAlerts).toEqual([
      { coupleId: p.couple.id, coupleName: p.couple.displayName, raisedAt: expect.any(String) },
    ]);
    const safety = (await p.asDana.agent.get(`/api/v1/couples/${p.couple.id}/safety`).expect(200)).body;
    expect(safety.openPause.flags).toEqual([
      {
        id: expect.any(String),
        partnerName: 'Alex Morgan',
        source: 'partner_flag',
        assignmentId: p.assignmentId,
        homeworkTitle: expect.any(String),
        at: expect.any(String),
      },
    ]);

    const lifted = (await p.lift('Spoke with each partner alone; safety plan agreed with Alex.').expect(200)).body;
    expect(lifted.openPause).toBeNull();
    expect(lifted.lifted).toEqual([
      expect.objectContaining({
        liftedByName: 'Dana Reyes',
        note: 'Spoke with each partner alone; safety plan agreed with Alex.',
      }),
    ]);
    expect((await p.asDana.agent.get('/api/v1/home').expect(200)).body.safetyAlerts).toEqual([]);
    const audit = await db.getRepository(AuditEvent).findBy({ action: 'safety.lift', recordId: p.couple.id });
    expect(audit).toEqual([expect.objectContaining({ actorId: p.dana.id, outcome: 'success' })]);
    expect(JSON.stringify(audit[0].details)).not.toContain('safety plan');

    // Joint homework can be assigned again; lifting twice is a clear 409.
    await p.assign().expect(201);
    await p.lift('again').expect(409);
  });

  it('opens no sharing while paused, keeps what was already shared, and resumes once lifted', async () => {
    const p = await practice();
    const prompts: Prompt[] = (await p.alex.get('/api/v1/homework/current').expect(200)).body.prompts;
    await notSafe(p.alex).expect(200);
    const alexAnswers: Record<string, unknown> = { ...completeAnswersFor(prompts, 'alex'), unsaid_thing: SECRET };
    await p.alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: alexAnswers })
      .expect(200);
    await p.sam
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: completeAnswersFor(prompts, 'sam') })
      .expect(200);
    // Sam (the curious partner) asks: nothing of Alex's, not even the shared answers.
    const samView = await p.sam.get('/api/v1/homework/current').expect(200);
    expect(samView.body.partnerAnswers).toBeNull();
    expect(samView.body.partnerName).toBeNull();
    expect(samView.text).not.toContain('alex what_would_help');
    expect((await p.alex.get('/api/v1/homework/current').expect(200)).body.partnerAnswers).toBeNull();

    await p.lift('Talked it through with both, separately.').expect(200);
    const resumed = (await p.sam.get('/api/v1/homework/current').expect(200)).body;
    expect(resumed.partnerAnswers).toEqual(expect.objectContaining({ what_would_help: alexAnswers.what_would_help }));
    expect(JSON.stringify(resumed)).not.toContain(SECRET);
  });

  it('leaves answers already shared before the pause exactly as they were', async () => {
    const p = await practice();
    const prompts: Prompt[] = (await p.alex.get('/api/v1/homework/current').expect(200)).body.prompts;
    for (const [agent, who] of [
      [p.alex, 'alex'],
      [p.sam, 'sam'],
    ] as const)
      await agent
        .post('/api/v1/homework/current/submit')
        .set(HOMEWORK_HEADER)
        .send({ answers: completeAnswersFor(prompts, who) })
        .expect(200);
    const before = (await p.sam.get('/api/v1/homework/current').expect(200)).body;
    expect(before.partnerAnswers).toEqual(expect.objectContaining({ what_would_help: expect.any(String) }));
    await notSafe(p.alex).expect(200);
    expect((await p.sam.get('/api/v1/homework/current').expect(200)).body).toEqual(before);
  });

  it('is 404 for another clinic and another therapist, and staff-only', async () => {
    const p = await practice();
    await notSafe(p.alex).expect(200);
    const elsewhere = await createClinic(db);
    const outsider = await createStaff(db, elsewhere);
    await setPassword(db, outsider);
    const colleague = await createStaff(db, p.clinic);
    await setPassword(db, colleague);
    for (const [staffId, who] of [
      [outsider.id, await signIn(app, outsider.email)],
      [colleague.id, await signIn(app, colleague.email)],
    ] as const) {
      await who.agent.get(`/api/v1/couples/${p.couple.id}/safety`).expect(404);
      await p.lift('Not mine to lift', who).expect(404);
      const denied = await db.getRepository(AuditEvent).findBy({ action: 'safety.view', actorId: staffId });
      expect(denied).toEqual([expect.objectContaining({ outcome: 'denied', recordId: p.couple.id })]);
    }
    // A partner's homework session is not a staff session.
    await p.sam.get(`/api/v1/couples/${p.couple.id}/safety`).expect(401);
    // Still open: nobody but Dana lifted it.
    expect(await db.getRepository(SafetyPause).countBy({ coupleId: p.couple.id, liftedAt: IsNull() })).toBe(1);
  });

  it('refuses a bad note with a 400 naming the field, and changes nothing', async () => {
    const p = await practice();
    await notSafe(p.alex).expect(200);
    for (const body of [{}, { note: '' }, { note: '   ' }, { note: 42 }, { note: 'x'.repeat(4001) }]) {
      const res = await p.asDana.agent
        .post(`/api/v1/couples/${p.couple.id}/safety/lift`)
        .set('x-csrf-token', p.asDana.csrfToken)
        .send(body)
        .expect(400);
      expect(JSON.stringify(res.body)).toContain('note');
    }
    const extra = await p.asDana.agent
      .post(`/api/v1/couples/${p.couple.id}/safety/lift`)
      .set('x-csrf-token', p.asDana.csrfToken)
      .send({ note: 'fine', liftedBy: 'someone' })
      .expect(400);
    expect(JSON.stringify(extra.body)).toContain('liftedBy');
    await p.asDana.agent.get(`/api/v1/couples/not-a-uuid/safety`).expect(404);
    expect(await db.getRepository(SafetyPause).countBy({ coupleId: p.couple.id, liftedAt: IsNull() })).toBe(1);
    // Without the homework header, a partner's not-safe is refused and nothing is recorded.
    await p.sam.post('/api/v1/homework/current/not-safe').send({}).expect(403);
    expect(await db.getRepository(SafetyFlag).countBy({ clientId: p.partners[1].id })).toBe(0);
  });

  it('needs a live homework session to say it', async () => {
    const p = await practice();
    const stranger = (await import('supertest')).default.agent(app.getHttpServer());
    await stranger.post('/api/v1/homework/current/not-safe').set(HOMEWORK_HEADER).send({}).expect(401);
    expect(await db.getRepository(SafetyPause).countBy({ coupleId: p.couple.id })).toBe(0);
  });
});
