import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import { Assignment, AuditEvent, Client, Exercise, SafetyPause } from '@trellis/data';
import { SAFETY_CHECK_IN_EXERCISE, SAFETY_CHECK_IN_KEY, type Prompt } from '@trellis/domain';
import { MarkedConcerningCheckInAnswers1795850000000 } from '../../libs/data/src/migrations/1795850000000-MarkedConcerningCheckInAnswers';
import { SafetyCheckInsService } from '../../libs/features/src/safety/safety-check-ins.service';
import { decodedEmailText } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { HOMEWORK_HEADER, homeworkTokenFromEmail, openHomeworkAs } from '../support/homework-flow';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';
import { until } from '../support/eventually';

const DAY = 24 * 3600 * 1000;
const CALM = { safe_at_home: 'yes', afraid_of_partner: 'never', frightened_or_hurt: 'no', joint_exercises_safe: 'yes' };
const WORRY = 'I hide in the bathroom when he gets angry';

/**
 * Issue 18, item 2: the private safety check-in. Each partner gets their own, on the clinic's
 * interval; the answers are the counselor's alone; a concerning answer pauses joint work at once.
 */
describe('the private safety check-in', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let sweep: SafetyCheckInsService;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    sweep = harness.worker.get(SafetyCheckInsService, { strict: false });
  });
  afterAll(async () => {
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function practice() {
    const clinic = await createClinic(db, { name: 'Harbour Counselling' });
    const admin = await createStaff(db, clinic, { role: 'admin' });
    const dana = await createStaff(db, clinic, { name: 'Dana Reyes' });
    await setPassword(db, admin);
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    await db.getRepository(Client).update({ id: partners[0].id }, { name: 'Alex Morgan' });
    await db.getRepository(Client).update({ id: partners[1].id }, { name: 'Sam Taylor' });
    const asAdmin = await signIn(app, admin.email);
    const asDana = await signIn(app, dana.email);
    const setInterval = (value: unknown) =>
      asAdmin.agent
        .patch('/api/v1/clinic')
        .set('x-csrf-token', asAdmin.csrfToken)
        .send({ safetyCheckInIntervalDays: value });
    return { clinic, dana, asDana, couple, partners, setInterval };
  }

  const checkInsOf = (coupleId: string) => db.getRepository(Assignment).findBy({ coupleId, kind: 'safety_check_in' });

  it('sends each partner their own check-in; a concerning answer pauses joint work and the other partner sees nothing', async () => {
    const p = await practice();
    // Off by default: nothing goes out.
    await sweep.sendDue();
    expect(await checkInsOf(p.couple.id)).toHaveLength(0);

    expect((await p.setInterval(28).expect(200)).body.safetyCheckInIntervalDays).toBe(28);
    await sweep.sendDue();
    // A second sweep (or a second worker) sends nothing more until the interval has passed.
    await sweep.sendDue();
    const [checkIn] = await checkInsOf(p.couple.id);
    expect(await checkInsOf(p.couple.id)).toHaveLength(1);
    expect(checkIn.shareAnswersAfterBoth).toBe(false);
    expect(await db.getRepository(AuditEvent).countBy({ action: 'safety.check_in_send', recordId: checkIn.id })).toBe(
      1,
    );

    // Each partner's own email and link; nobody else is on either message.
    const alexMail = await harness.mailbox.waitForMessageTo(p.partners[0].email);
    const samMail = await harness.mailbox.waitForMessageTo(p.partners[1].email);
    expect(alexMail.to).toEqual([p.partners[0].email]);
    expect(samMail.to).toEqual([p.partners[1].email]);
    const alex = await openHomeworkAs(app, await homeworkTokenFromEmail(app, alexMail.raw));
    const sam = await openHomeworkAs(app, await homeworkTokenFromEmail(app, samMail.raw));

    const alexView = (await alex.get('/api/v1/homework/current').expect(200)).body;
    expect((alexView.prompts as Prompt[]).every((prompt) => prompt.audience === 'counselor_only')).toBe(true);
    const samBefore = (await sam.get('/api/v1/homework/current').expect(200)).body;

    await alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { ...CALM, afraid_of_partner: 'often', anything_else: WORRY } })
      .expect(200);

    // At once: the pause, and one alert to Dana that says nothing of it.
    expect(await db.getRepository(SafetyPause).countBy({ coupleId: p.couple.id, liftedAt: IsNull() })).toBe(1);
    const alert = await harness.mailbox.waitForMessageTo(p.dana.email, /^Something needs your attention$/);
    expect(decodedEmailText(alert.raw)).not.toContain('afraid');
    const safety = (await p.asDana.agent.get(`/api/v1/couples/${p.couple.id}/safety`).expect(200)).body;
    expect(safety.openPause.flags).toEqual([
      expect.objectContaining({ partnerName: 'Alex Morgan', source: 'check_in' }),
    ]);

    // Sam's page is exactly as it was; Sam's answers and view never include Alex's.
    expect((await sam.get('/api/v1/homework/current').expect(200)).body).toEqual(samBefore);
    await sam.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers: CALM }).expect(200);
    const samAfter = await sam.get('/api/v1/homework/current').expect(200);
    expect(samAfter.body.partnerAnswers).toBeNull();
    expect(samAfter.text).not.toContain(WORRY);
    expect(harness.mailbox.messagesTo(p.partners[1].email)).toHaveLength(1);

    // Dana reads both answers.
    const detail = (await p.asDana.agent.get(`/api/v1/assignments/${checkIn.id}`).expect(200)).body;
    expect(JSON.stringify(detail)).toContain(WORRY);

    // A calm check-in from Sam alone would not have paused anything: one flag, Alex's.
    expect(safety.openPause.flags).toHaveLength(1);
  });

  it('shows the therapist an open safety concern on the couple and the caseload (for the assign dialog), never a partner', async () => {
    const p = await practice();
    const concernOf = async () => {
      const detail = (await p.asDana.agent.get(`/api/v1/couples/${p.couple.id}`).expect(200)).body;
      const row = (await p.asDana.agent.get('/api/v1/couples').expect(200)).body.data.find(
        (r: { id: string }) => r.id === p.couple.id,
      );
      // The two screens that feed the assign dialog agree.
      expect(row.safetyConcern).toBe(detail.safetyConcern);
      return detail.safetyConcern as string | null;
    };
    expect(await concernOf()).toBeNull();

    await p.setInterval(28).expect(200);
    await sweep.sendDue();
    const alex = await openHomeworkAs(
      app,
      await homeworkTokenFromEmail(app, (await harness.mailbox.waitForMessageTo(p.partners[0].email)).raw),
    );
    const sam = await openHomeworkAs(
      app,
      await homeworkTokenFromEmail(app, (await harness.mailbox.waitForMessageTo(p.partners[1].email)).raw),
    );
    // A calm answer from Sam is no concern.
    await sam.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers: CALM }).expect(200);
    expect(await concernOf()).toBeNull();

    await alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { ...CALM, frightened_or_hurt: 'yes' } })
      .expect(200);
    expect(await concernOf()).toBe('pause_open');

    // Lifting resumes joint work, but Alex's latest check-in still says they were hurt: the caution stays.
    await p.asDana.agent
      .post(`/api/v1/couples/${p.couple.id}/safety/lift`)
      .set('x-csrf-token', p.asDana.csrfToken)
      .send({ note: 'Saw each partner alone; safety plan with Alex.' })
      .expect(200);
    expect(await concernOf()).toBe('concerning_check_in');

    // Sam — possibly the reason — asks for the couple's record with their homework session: no such thing.
    for (const path of [`/api/v1/couples/${p.couple.id}`, '/api/v1/couples', `/api/v1/couples/${p.couple.id}/safety`])
      expect([401, 403, 404]).toContain((await sam.get(path)).status);
    const samPage = await sam.get('/api/v1/homework/current').expect(200);
    expect(samPage.text).not.toMatch(/safetyConcern|concerning|pause/i);

    // Alex's next check-in, calm: the concern closes.
    await sweep.sendDue(new Date(Date.now() + 28 * DAY + 60_000));
    const next = await until(async () => harness.mailbox.messagesTo(p.partners[0].email)[1] ?? null);
    const alexAgain = await openHomeworkAs(app, await homeworkTokenFromEmail(app, next.raw));
    await alexAgain.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers: CALM }).expect(200);
    expect(await concernOf()).toBeNull();
  });

  it('judges a check-in sent before its concerning answers moved into the definition exactly as before', async () => {
    const p = await practice();
    await p.setInterval(28).expect(200);
    await sweep.sendDue();
    const [checkIn] = await checkInsOf(p.couple.id);
    expect(checkIn.prompts).toEqual(SAFETY_CHECK_IN_EXERCISE.prompts);

    // The release before: no marks on the options (the rule was a table in the code).
    const migration = new MarkedConcerningCheckInAnswers1795850000000();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      const before = await db.getRepository(Assignment).findOneByOrFail({ id: checkIn.id });
      expect(JSON.stringify(before.prompts)).not.toContain('concerning');
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    // The migration wrote the built-in's marks into the copy sent: the very definition of today.
    const after = await db.getRepository(Assignment).findOneByOrFail({ id: checkIn.id });
    expect(after.prompts).toEqual(SAFETY_CHECK_IN_EXERCISE.prompts);
    const library = await db.getRepository(Exercise).findOneByOrFail({ key: SAFETY_CHECK_IN_KEY, clinicId: IsNull() });
    expect(library.prompts).toEqual(SAFETY_CHECK_IN_EXERCISE.prompts);

    // So answering it now still pauses joint work for the same answers.
    const alex = await openHomeworkAs(
      app,
      await homeworkTokenFromEmail(app, (await harness.mailbox.waitForMessageTo(p.partners[0].email)).raw),
    );
    await alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { ...CALM, safe_at_home: 'unsure' } })
      .expect(200);
    expect(await db.getRepository(SafetyPause).countBy({ coupleId: p.couple.id, liftedAt: IsNull() })).toBe(1);
  });

  it('sends the next one only once the interval has passed', async () => {
    const p = await practice();
    await p.setInterval(7).expect(200);
    await sweep.sendDue();
    expect(await checkInsOf(p.couple.id)).toHaveLength(1);
    await sweep.sendDue(new Date(Date.now() + 6 * DAY));
    expect(await checkInsOf(p.couple.id)).toHaveLength(1);
    await sweep.sendDue(new Date(Date.now() + 7 * DAY + 60_000));
    expect(await checkInsOf(p.couple.id)).toHaveLength(2);
  });

  it('is never in the library and cannot be assigned by hand', async () => {
    const p = await practice();
    const checkInExercise = await db
      .getRepository(Exercise)
      .findOneByOrFail({ key: SAFETY_CHECK_IN_KEY, clinicId: IsNull() });
    const library = (await p.asDana.agent.get('/api/v1/exercises?perPage=100').expect(200)).body;
    expect(JSON.stringify(library)).not.toContain(SAFETY_CHECK_IN_KEY);
    await p.asDana.agent.get(`/api/v1/exercises/${checkInExercise.id}`).expect(404);
    const refused = await p.asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', p.asDana.csrfToken)
      .send({
        exerciseId: checkInExercise.id,
        coupleIds: [p.couple.id],
        dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
      })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('exerciseId');
  });

  it('takes only a sensible interval, from an admin', async () => {
    const p = await practice();
    for (const bad of [0, 6, 181, 7.5, '28', true]) {
      const res = await p.setInterval(bad).expect(400);
      expect(JSON.stringify(res.body)).toContain('safetyCheckInIntervalDays');
    }
    await p.asDana.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', p.asDana.csrfToken)
      .send({ safetyCheckInIntervalDays: 7 })
      .expect(403);
    expect((await p.setInterval(null).expect(200)).body.safetyCheckInIntervalDays).toBeNull();
  });
});
