import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import { AddedAudienceToPrompts1795651818000 } from '../../libs/data/src/migrations/1795651818000-AddedAudienceToPrompts';
import { Assignment, Client, Exercise } from '@trellis/data';
import { longText, scale, type Prompt } from '@trellis/domain';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { forgiveViolations } from '../support/openapi-contract';
import { followEmailedLink } from '../support/email-links';
import { completeAnswersFor, HOMEWORK_HEADER, openHomeworkAs } from '../support/homework-flow';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

const DAY = 24 * 3600 * 1000;
const SECRET = 'I am frightened when Sam drinks';

/**
 * Therapist-only prompts, from the side of the partner who wants to read what the other wrote: a
 * counselor-only answer must never come back to them, whatever the sharing setting says.
 */
describe('therapist-only prompts', () => {
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

  async function couple() {
    const clinic = await createClinic(db, { name: 'Harbour Counselling' });
    const dana = await createStaff(db, clinic, { name: 'Dana Reyes' });
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    await db.getRepository(Client).update({ id: partners[0].id }, { name: 'Alex Morgan', emailConsent: true });
    await db.getRepository(Client).update({ id: partners[1].id }, { name: 'Sam Taylor', emailConsent: true });
    const asDana = await signIn(app, dana.email);
    return { clinic, dana, asDana, couple, partners };
  }

  async function assign(setup: Awaited<ReturnType<typeof couple>>, exerciseId: string, share: boolean) {
    const res = await setup.asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', setup.asDana.csrfToken)
      .send({
        exerciseId,
        coupleIds: [setup.couple.id],
        dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
        shareAnswersAfterBoth: share,
      })
      .expect(201);
    const assignmentId: string = res.body.data[0].id;
    const tokenFor = async (i: 0 | 1) =>
      (
        await followEmailedLink(
          app.getHttpServer(),
          (await harness.mailbox.waitForMessageTo(setup.partners[i].email)).raw,
          'homework',
        )
      ).token;
    const alex = await openHomeworkAs(app, await tokenFor(0));
    const sam = await openHomeworkAs(app, await tokenFor(1));
    return { assignmentId, alex, sam };
  }

  const builtIn = (key: string) => db.getRepository(Exercise).findOneByOrFail({ key, clinicId: IsNull() });

  it('never gives the curious partner a counselor-only answer, even with sharing on and both submitted', async () => {
    const setup = await couple();
    const exercise = await builtIn('everyday-openness');
    const { assignmentId, alex, sam } = await assign(setup, exercise.id, true);

    const view = (await alex.get('/api/v1/homework/current').expect(200)).body;
    expect(view.sharesAnswersAfterBoth).toBe(true);
    const audiences = Object.fromEntries((view.prompts as Prompt[]).map((p) => [p.id, p.audience]));
    expect(audiences).toEqual({
      willing_to_share: 'shared',
      how_sharing_feels: 'counselor_only',
      open_this_week: 'shared',
      hard_to_share: 'counselor_only',
    });

    const alexAnswers: Record<string, unknown> = { ...completeAnswersFor(view.prompts, 'alex'), hard_to_share: SECRET };
    await alex.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers: alexAnswers }).expect(200);
    await sam
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: completeAnswersFor(view.prompts, 'sam') })
      .expect(200);

    // Sam asks for everything the page can give: the shared answers come, the private one does not.
    const samView = await sam.get('/api/v1/homework/current').expect(200);
    expect(samView.body.partnerAnswers).toEqual({
      willing_to_share: alexAnswers.willing_to_share,
      open_this_week: alexAnswers.open_this_week,
    });
    expect(samView.text).not.toContain(SECRET);
    expect(samView.text).not.toContain('frightened');

    // Alex still reads their own answer, and the counselor reads it.
    expect((await alex.get('/api/v1/homework/current').expect(200)).body.answers.hard_to_share).toBe(SECRET);
    const detail = await setup.asDana.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200);
    expect(detail.body.answers['1'].hard_to_share).toBe(SECRET);
  });

  it('fails closed for prompts stored without an audience, and the backfill marks them', async () => {
    const setup = await couple();
    // Its prompt ids are among those the backfill knew (it was written before this version).
    const exercise = await builtIn('support-map');
    const { assignmentId, alex, sam } = await assign(setup, exercise.id, true);
    // As stored before prompts had an audience.
    await db.query(
      `UPDATE assignment SET prompts = (SELECT jsonb_agg(p - 'audience' ORDER BY o) FROM jsonb_array_elements(prompts) WITH ORDINALITY t(p, o)) WHERE id = $1`,
      [assignmentId],
    );
    const prompts: Prompt[] = (await alex.get('/api/v1/homework/current').expect(200)).body.prompts;
    expect(prompts.every((p) => p.audience === undefined)).toBe(true);
    // The document describes prompts as they are now stored (with an audience): these are not.
    expect(
      forgiveViolations((v) => /^GET \/api\/v1\/homework\/current → 200: body\.prompts\.\d+/.test(v)),
    ).toBeGreaterThan(0);
    const answers = { ...completeAnswersFor(prompts, 'alex'), asking_is_hard: SECRET };
    await alex.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers }).expect(200);
    await sam
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: completeAnswersFor(prompts, 'sam') })
      .expect(200);
    const unmarked = await sam.get('/api/v1/homework/current').expect(200);
    forgiveViolations((v) => /^GET \/api\/v1\/homework\/current → 200: body\.prompts\.\d+/.test(v));
    expect(unmarked.body.partnerAnswers).toEqual({});
    expect(unmarked.text).not.toContain(SECRET);

    const runner = db.createQueryRunner();
    try {
      await new AddedAudienceToPrompts1795651818000().up(runner);
    } finally {
      await runner.release();
    }
    const backfilled = await db.getRepository(Assignment).findOneByOrFail({ id: assignmentId });
    expect(Object.fromEntries(backfilled.prompts.map((p) => [p.id, p.audience]))).toEqual({
      current_support: 'shared',
      feeling_supported: 'shared',
      asking_is_hard: 'counselor_only',
      more_support: 'counselor_only',
      session_wish: 'shared',
    });
    const marked = await sam.get('/api/v1/homework/current').expect(200);
    expect(Object.keys(marked.body.partnerAnswers).sort()).toEqual([
      'current_support',
      'feeling_supported',
      'session_wish',
    ]);
    expect(marked.text).not.toContain(SECRET);
  });

  it("lets the clinic's editor keep a prompt for the counselor, and refuses a prompt that does not say", async () => {
    const setup = await couple();
    const { agent, csrfToken } = setup.asDana;
    const body = (prompts: unknown[]) => ({
      title: 'Our own check-in',
      strategy: 'honest_talk',
      purpose: 'A short check-in.',
      instructions: 'Answer on your own.',
      estimatedMinutes: 10,
      prompts,
    });
    const open = longText('went_well', 'What went well this week?');
    const mood = scale('mood', 'How are you?', 'Low', 'High');
    const fear = longText('fear', 'Is anything at home frightening you?', {
      required: false,
      audience: 'counselor_only',
    });
    const count = () => db.getRepository(Exercise).countBy({ clinicId: setup.clinic.id });

    const { audience: _none, ...unsaid } = fear;
    const refused = await agent
      .post('/api/v1/exercises')
      .set('x-csrf-token', csrfToken)
      .send(body([open, mood, unsaid]))
      .expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['prompts.2.audience']);
    await agent
      .post('/api/v1/exercises')
      .set('x-csrf-token', csrfToken)
      .send(body([open, mood, { ...fear, audience: 'partner' }]))
      .expect(400);
    expect(await count()).toBe(0);

    const created = await agent
      .post('/api/v1/exercises')
      .set('x-csrf-token', csrfToken)
      .send(body([open, mood, fear]))
      .expect(201);
    expect(created.body.prompts[2].audience).toBe('counselor_only');

    const { alex, sam } = await assign(setup, created.body.id, true);
    await alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { went_well: 'We walked the dog together', mood: 6, fear: SECRET } })
      .expect(200);
    await sam
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { went_well: 'Dinner out', mood: 7 } })
      .expect(200);
    const samView = await sam.get('/api/v1/homework/current').expect(200);
    expect(samView.body.partnerAnswers).toEqual({ went_well: 'We walked the dog together', mood: 6 });
    expect(samView.text).not.toContain(SECRET);
  });

  it('shares nothing at all when the therapist left sharing off', async () => {
    const setup = await couple();
    const exercise = await builtIn('everyday-openness');
    const { alex, sam } = await assign(setup, exercise.id, false);
    const prompts: Prompt[] = (await alex.get('/api/v1/homework/current').expect(200)).body.prompts;
    const answers = { ...completeAnswersFor(prompts, 'alex'), hard_to_share: SECRET };
    await alex.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers }).expect(200);
    await sam
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: completeAnswersFor(prompts, 'sam') })
      .expect(200);
    const samView = await sam.get('/api/v1/homework/current').expect(200);
    expect(samView.body).toMatchObject({ sharesAnswersAfterBoth: false, partnerAnswers: null, partnerName: null });
    expect(samView.text).not.toContain(SECRET);
  });
});
