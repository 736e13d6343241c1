import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import {
  Assignment,
  AuditEvent,
  Client,
  Clinic,
  EmailDelivery,
  Exercise,
  SafetyFlag,
  SafetyPause,
} from '@trellis/data';
import { SAFETY_CHECK_IN_EXERCISE, type Prompt } from '@trellis/domain';
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
const ALERT_SUBJECT = /^Something needs your attention$/;
const WORRY = 'He took my phone again last night';

/** A clinic's screen in its own words (HITS-like wording, as a clinic might enter a validated screen). */
const SCREEN = {
  title: 'Relationship check',
  instructions: 'Answer alone. Only your counselor reads this.',
  questions: [
    {
      label: 'How often does your partner physically hurt you?',
      options: [
        { label: 'Never', concerning: false },
        { label: 'Rarely', concerning: true },
        { label: 'Often', concerning: true },
      ],
    },
    {
      label: 'How often does your partner insult or talk down to you?',
      options: [
        { label: 'Never', concerning: false },
        { label: 'Sometimes', concerning: false },
        { label: 'Often', concerning: true },
      ],
    },
  ],
  freeTextQuestion: 'Anything else you want your counselor to know?',
};
const CALM = { q1: 'o1', q2: 'o2' };

/**
 * Issue 18, item 2, last sentence: "A clinic may enter a validated screen of its own instead" of
 * the built-in check-in. The admin writes it, the clinic settings choose it, partners get it, and a
 * concerning answer on it does what one on the built-in does — judged by the version answered.
 */
describe('a clinic’s own safety screen', () => {
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
    const put = (as: typeof asAdmin, body: unknown) =>
      as.agent
        .put('/api/v1/clinic/safety-screen')
        .set('x-csrf-token', as.csrfToken)
        .send(body as object);
    const settings = (body: object) =>
      asAdmin.agent.patch('/api/v1/clinic').set('x-csrf-token', asAdmin.csrfToken).send(body);
    return { clinic, admin, dana, asAdmin, asDana, couple, partners, put, settings };
  }

  const checkInsOf = (coupleId: string) =>
    db.getRepository(Assignment).find({ where: { coupleId, kind: 'safety_check_in' }, order: { createdAt: 'ASC' } });

  async function openCheckIns(p: Awaited<ReturnType<typeof practice>>, nth = 0) {
    const alexMail = await until(async () => harness.mailbox.messagesTo(p.partners[0].email)[nth] ?? null);
    const samMail = await until(async () => harness.mailbox.messagesTo(p.partners[1].email)[nth] ?? null);
    return {
      alex: await openHomeworkAs(app, await homeworkTokenFromEmail(app, alexMail.raw)),
      sam: await openHomeworkAs(app, await homeworkTokenFromEmail(app, samMail.raw)),
    };
  }

  it('is written by an admin, chosen in the clinic settings, sent to each partner, and a concerning answer pauses joint work and alerts once', async () => {
    const p = await practice();

    // Written: every prompt for the counselor only, the concerning options marked for the preview.
    const written = await p.put(p.asAdmin, SCREEN).expect(200);
    expect(written.body).toMatchObject({
      title: SCREEN.title,
      instructions: SCREEN.instructions,
      questions: SCREEN.questions,
      freeTextQuestion: SCREEN.freeTextQuestion,
      version: 1,
      inUse: false,
    });
    const prompts = written.body.prompts as Prompt[];
    expect(prompts.map((prompt) => [prompt.id, prompt.kind, prompt.audience])).toEqual([
      ['q1', 'single_choice', 'counselor_only'],
      ['q2', 'single_choice', 'counselor_only'],
      ['anything_else', 'long_text', 'counselor_only'],
    ]);
    expect((await p.asAdmin.agent.get('/api/v1/clinic/safety-screen').expect(200)).body).toEqual(written.body);
    expect(
      await db.getRepository(AuditEvent).countBy({ action: 'safety_screen.create', recordId: written.body.id }),
    ).toBe(1);
    // Not in the library, not assignable by hand.
    await p.asDana.agent.get(`/api/v1/exercises/${written.body.id}`).expect(404);
    const library = (await p.asDana.agent.get('/api/v1/exercises?perPage=100').expect(200)).body;
    expect(JSON.stringify(library)).not.toContain(written.body.id);

    // Chosen, with check-ins on.
    const chosen = await p.settings({ safetyCheckInScreen: 'clinic', safetyCheckInIntervalDays: 28 }).expect(200);
    expect(chosen.body.safetyCheckInScreen).toBe('clinic');
    expect((await p.asAdmin.agent.get('/api/v1/clinic/safety-screen').expect(200)).body.inUse).toBe(true);

    await sweep.sendDue();
    const [checkIn] = await checkInsOf(p.couple.id);
    expect(checkIn).toMatchObject({
      exerciseId: written.body.id,
      exerciseVersion: 1,
      title: SCREEN.title,
      shareAnswersAfterBoth: false,
    });
    expect(checkIn.prompts).toEqual(prompts);

    const { alex, sam } = await openCheckIns(p);
    const alexView = await alex.get('/api/v1/homework/current').expect(200);
    expect(alexView.body.title).toBe(SCREEN.title);
    expect(alexView.body.instructions).toBe(SCREEN.instructions);
    expect((alexView.body.prompts as Prompt[]).map((prompt) => prompt.label)).toEqual([
      SCREEN.questions[0].label,
      SCREEN.questions[1].label,
      SCREEN.freeTextQuestion,
    ]);
    // Which answers alert the counselor is not the partner's (or anyone reading their phone) to see.
    expect(alexView.text).not.toMatch(/concerning/i);
    const samBefore = (await sam.get('/api/v1/homework/current').expect(200)).body;
    const samInbox = harness.mailbox.messagesTo(p.partners[1].email).length;

    await alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { q1: 'o1', q2: 'o3', anything_else: WORRY } })
      .expect(200);

    // At once: the pause, Alex's one flag from the check-in, and one alert to Dana that says nothing.
    const [pause] = await db.getRepository(SafetyPause).findBy({ coupleId: p.couple.id, liftedAt: IsNull() });
    expect(pause).toBeDefined();
    expect(await db.getRepository(SafetyFlag).findBy({ pauseId: pause.id })).toEqual([
      expect.objectContaining({ clientId: p.partners[0].id, source: 'check_in' }),
    ]);
    const alert = await harness.mailbox.waitForMessageTo(p.dana.email, ALERT_SUBJECT);
    const text = decodedEmailText(alert.raw);
    for (const word of ['Alex', 'Sam', 'insult', 'Relationship', WORRY]) expect(text).not.toContain(word);
    const safety = (await p.asDana.agent.get(`/api/v1/couples/${p.couple.id}/safety`).expect(200)).body;
    expect(safety.openPause.flags).toEqual([
      expect.objectContaining({ partnerName: 'Alex Morgan', source: 'check_in', homeworkTitle: SCREEN.title }),
    ]);
    const couple = (await p.asDana.agent.get(`/api/v1/couples/${p.couple.id}`).expect(200)).body;
    expect(couple.safetyConcern).toBe('pause_open');

    // Joint homework waits for Dana.
    const builtIn = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'openness' });
    await p.asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', p.asDana.csrfToken)
      .send({ exerciseId: builtIn.id, coupleIds: [p.couple.id], dueAt: new Date(Date.now() + 3 * DAY).toISOString() })
      .expect(409);

    // Sam: the page exactly as before, nothing new in the inbox; Sam's own calm answer flags nothing.
    expect((await sam.get('/api/v1/homework/current').expect(200)).body).toEqual(samBefore);
    await sam.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers: CALM }).expect(200);
    const samAfter = await sam.get('/api/v1/homework/current').expect(200);
    expect(samAfter.body.partnerAnswers).toBeNull();
    expect(samAfter.text).not.toContain(WORRY);
    expect(samAfter.text).not.toMatch(/concerning|pause/i);
    expect(harness.mailbox.messagesTo(p.partners[1].email)).toHaveLength(samInbox);

    // Exactly one alert, through the ledger, whatever else happens.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(harness.mailbox.messagesTo(p.dana.email).filter((m) => ALERT_SUBJECT.test(m.subject))).toHaveLength(1);
    expect(await db.getRepository(EmailDelivery).countBy({ template: 'safety-alert', clinicId: p.clinic.id })).toBe(1);
    expect(await db.getRepository(SafetyFlag).countBy({ pauseId: pause.id })).toBe(1);
  });

  it('judges every check-in by the version it was sent with, and sends the new version from then on', async () => {
    const p = await practice();
    const v1 = (await p.put(p.asAdmin, SCREEN).expect(200)).body;
    await p.settings({ safetyCheckInScreen: 'clinic', safetyCheckInIntervalDays: 28 }).expect(200);
    await sweep.sendDue();
    const { alex } = await openCheckIns(p);
    // "Rarely" to the first question is concerning in version 1.
    await alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { q1: 'o2', q2: 'o1' } });
    await p.asDana.agent
      .post(`/api/v1/couples/${p.couple.id}/safety/lift`)
      .set('x-csrf-token', p.asDana.csrfToken)
      .send({ note: 'Spoke with Alex alone.' })
      .expect(200);
    const concern = async () =>
      (await p.asDana.agent.get(`/api/v1/couples/${p.couple.id}`).expect(200)).body.safetyConcern as string | null;
    const caseloadConcern = async () =>
      (await p.asDana.agent.get('/api/v1/couples').expect(200)).body.data.find(
        (row: { id: string }) => row.id === p.couple.id,
      ).safetyConcern as string | null;
    expect(await concern()).toBe('concerning_check_in');

    // The admin changes their mind: "Rarely" is no longer concerning. Alex's answer was given to
    // version 1, and stays judged by it.
    const edited = {
      ...SCREEN,
      questions: [
        {
          ...SCREEN.questions[0],
          options: [
            { label: 'Never', concerning: false },
            { label: 'Rarely', concerning: false },
            { label: 'Often', concerning: true },
          ],
        },
        SCREEN.questions[1],
      ],
    };
    const v2 = (await p.put(p.asAdmin, edited).expect(200)).body;
    expect(v2).toMatchObject({ id: v1.id, version: 2, inUse: true });
    expect(await db.getRepository(AuditEvent).countBy({ action: 'safety_screen.update', recordId: v1.id })).toBe(1);
    expect(await concern()).toBe('concerning_check_in');
    expect(await caseloadConcern()).toBe('concerning_check_in');
    const [first] = await checkInsOf(p.couple.id);
    expect(first.exerciseVersion).toBe(1);
    expect(first.prompts).toEqual(v1.prompts);

    // Saving the same again changes nothing (no new version, no audit row).
    expect((await p.put(p.asAdmin, edited).expect(200)).body.version).toBe(2);
    // A title alone is no new version.
    expect((await p.put(p.asAdmin, { ...edited, title: 'Our check' }).expect(200)).body.version).toBe(2);

    // The next check-in carries version 2: "Rarely" now is calm, and the concern closes.
    await sweep.sendDue(new Date(Date.now() + 28 * DAY + 60_000));
    const checkIns = await checkInsOf(p.couple.id);
    expect(checkIns.map((c) => [c.exerciseVersion, c.title])).toEqual([
      [1, SCREEN.title],
      [2, 'Our check'],
    ]);
    const next = await openCheckIns(p, 1);
    await next.alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { q1: 'o2', q2: 'o1' } })
      .expect(200);
    expect(await concern()).toBeNull();
    expect(await caseloadConcern()).toBeNull();
    expect(await db.getRepository(SafetyPause).countBy({ coupleId: p.couple.id, liftedAt: IsNull() })).toBe(0);

    // Back to the built-in check-in: the next one is Trellis's own.
    await p.settings({ safetyCheckInScreen: 'built_in' }).expect(200);
    await sweep.sendDue(new Date(Date.now() + 57 * DAY));
    const last = (await checkInsOf(p.couple.id))[2];
    expect(last.title).toBe(SAFETY_CHECK_IN_EXERCISE.title);
    expect(last.prompts).toEqual(SAFETY_CHECK_IN_EXERCISE.prompts);
  });

  it('cannot be chosen before it is written', async () => {
    const p = await practice();
    const refused = await p.settings({ safetyCheckInScreen: 'clinic' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'safetyCheckInScreen' })]);
    for (const bad of ['own', null, true, 1]) {
      const res = await p.settings({ safetyCheckInScreen: bad }).expect(400);
      expect(JSON.stringify(res.body)).toContain('safetyCheckInScreen');
    }
    expect((await db.getRepository(Clinic).findOneByOrFail({ id: p.clinic.id })).safetyCheckInScreen).toBe('built_in');
    await p.asAdmin.agent.get('/api/v1/clinic/safety-screen').expect(404);
  });

  it('refuses a screen that is not one, naming the field, and changes nothing', async () => {
    const p = await practice();
    const question = SCREEN.questions[0];
    const cases: [string, unknown][] = [
      ['title', { ...SCREEN, title: '  ' }],
      ['title', { ...SCREEN, title: 'x'.repeat(201) }],
      ['instructions', { ...SCREEN, instructions: 42 }],
      ['questions', { ...SCREEN, questions: 'q' }],
      ['questions', { ...SCREEN, questions: [] }],
      ['questions', { ...SCREEN, questions: Array.from({ length: 11 }, () => question) }],
      [
        'questions',
        {
          ...SCREEN,
          questions: [{ ...question, options: question.options.map((o) => ({ ...o, concerning: false })) }],
        },
      ],
      [
        'questions.0.options',
        { ...SCREEN, questions: [{ ...question, options: question.options.map((o) => ({ ...o, concerning: true })) }] },
      ],
      ['questions.0.options', { ...SCREEN, questions: [{ ...question, options: [question.options[1]] }] }],
      ['questions.0.label', { ...SCREEN, questions: [{ ...question, label: '' }] }],
      [
        'questions.0.options.1.concerning',
        {
          ...SCREEN,
          questions: [{ ...question, options: [question.options[0], { label: 'Yes', concerning: 'yes' }] }],
        },
      ],
      // Every prompt is the counselor's: a question cannot be made shared, or anything else.
      ['questions.0.audience', { ...SCREEN, questions: [{ ...question, audience: 'shared' }] }],
      ['freeTextQuestion', { ...SCREEN, freeTextQuestion: '' }],
      ['freeTextQuestion', { ...SCREEN, freeTextQuestion: ['x'] }],
      ['prompts', { ...SCREEN, prompts: [] }],
    ];
    for (const [field, body] of cases) {
      const res = await p.put(p.asAdmin, body).expect(400);
      expect([field, (res.body.errors as { field: string }[]).map((e) => e.field)]).toEqual([
        field,
        expect.arrayContaining([field]),
      ]);
    }
    await p.asAdmin.agent.get('/api/v1/clinic/safety-screen').expect(404);

    // With a screen written, a bad edit leaves it as it was.
    const saved = (await p.put(p.asAdmin, SCREEN).expect(200)).body;
    for (const [, body] of cases) await p.put(p.asAdmin, body).expect(400);
    expect((await p.asAdmin.agent.get('/api/v1/clinic/safety-screen').expect(200)).body).toEqual(saved);
    expect(await db.getRepository(AuditEvent).countBy({ action: 'safety_screen.update', recordId: saved.id })).toBe(0);

    // A free-text question may be left out.
    const none = await p.put(p.asAdmin, { ...SCREEN, freeTextQuestion: null }).expect(200);
    expect(none.body.freeTextQuestion).toBeNull();
    expect((none.body.prompts as Prompt[]).map((prompt) => prompt.kind)).toEqual(['single_choice', 'single_choice']);
    const { freeTextQuestion: _left, ...without } = SCREEN;
    expect((await p.put(p.asAdmin, without).expect(200)).body.freeTextQuestion).toBeNull();
  });

  it('is the admins’ alone, and each clinic’s own', async () => {
    const p = await practice();
    const other = await practice();
    const saved = (await p.put(p.asAdmin, SCREEN).expect(200)).body;

    // A therapist of the same clinic: refused both ways, nothing changes.
    await p.asDana.agent.get('/api/v1/clinic/safety-screen').expect(403);
    await p.put(p.asDana, { ...SCREEN, title: 'Taken over' }).expect(403);
    await p.asDana.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', p.asDana.csrfToken)
      .send({ safetyCheckInScreen: 'clinic' })
      .expect(403);

    // Another clinic's admin sees no screen (theirs is not written), and writing one makes their own.
    await other.asAdmin.agent.get('/api/v1/clinic/safety-screen').expect(404);
    const theirs = (await other.put(other.asAdmin, { ...SCREEN, title: 'Theirs' }).expect(200)).body;
    expect(theirs.id).not.toBe(saved.id);
    expect((await p.asAdmin.agent.get('/api/v1/clinic/safety-screen').expect(200)).body).toEqual(saved);
    expect(await db.getRepository(Exercise).findOneByOrFail({ id: theirs.id })).toMatchObject({
      clinicId: other.clinic.id,
    });
    // Choosing theirs touches only their clinic.
    await other.settings({ safetyCheckInScreen: 'clinic' }).expect(200);
    expect((await db.getRepository(Clinic).findOneByOrFail({ id: p.clinic.id })).safetyCheckInScreen).toBe('built_in');

    // Signed out: nothing.
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/clinic/safety-screen' });
    expect(anonymous.statusCode).toBe(401);
  });
});
