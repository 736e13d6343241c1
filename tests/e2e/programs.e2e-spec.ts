import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';
import {
  Assignment,
  AuditEvent,
  Clinic,
  Client,
  CoupleProgram,
  CoupleProgramStep,
  Exercise,
  HomeworkResponse,
  Program,
  hashSecretToken,
} from '@trellis/data';
import { builtInProgramSteps, getBuiltInExercise, phaseRank, TRUST_REPAIR_PROGRAM } from '@trellis/domain';
import { bullConnectionOptions, QueueName } from '@trellis/jobs';
import { ProgramAdvancer } from '../../libs/features/src/programs/program-advancer';
import { SafetyCheckInsService } from '../../libs/features/src/safety/safety-check-ins.service';
import { countQueries } from '../support/count-queries';
import { until } from '../support/eventually';
import { tokenFromEmail } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { completeAnswersFor, HOMEWORK_HEADER, openHomeworkAs } from '../support/homework-flow';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

type Agent = Awaited<ReturnType<typeof signIn>>;
const BUILT_IN_STEPS = builtInProgramSteps(TRUST_REPAIR_PROGRAM);
const DAY = 24 * 3600 * 1000;
const CALM = { safe_at_home: 'yes', afraid_of_partner: 'never', frightened_or_hurt: 'no', joint_exercises_safe: 'yes' };
type StepBody = { title: string; status: string; warnings: { code: string; message: string }[] };
const codesOf = (steps: StepBody[]) => steps.map((s) => s.warnings.map((w) => w.code));

/**
 * Issue 19, items 2 and 5: a couple walks a program step by step; each step opens when the step
 * before is finished as it asks (both partners, a review, sessions), from a job that re-reads
 * everything, so a step opens once however the events race, and never while anything holds the
 * couple (a paused couple or path, an open safety concern).
 */
describe('programs', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let queue: Queue;
  let builtInId: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    queue = new Queue(QueueName.Programs, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
    builtInId = (await db.getRepository(Program).findOneByOrFail({ key: TRUST_REPAIR_PROGRAM.key, clinicId: IsNull() }))
      .id;
  });
  afterAll(async () => {
    await until(async () => {
      const counts = await queue.getJobCounts('waiting', 'active');
      return counts.waiting === 0 && counts.active === 0;
    }).catch(() => undefined);
    await queue.close();
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function practice() {
    const clinic = await createClinic(db);
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const asTherapist = await signIn(app, therapist.email);
    const { couple, partners } = await createCouple(db, clinic, therapist);
    return { clinic, therapist, asTherapist, couple, partners };
  }

  const send = (as: Agent, method: 'post' | 'patch', url: string, body: unknown = {}) =>
    as.agent[method](url)
      .set('x-csrf-token', as.csrfToken)
      .send(body as object);

  const stepsOf = async (coupleId: string) => {
    const enrolment = await db.getRepository(CoupleProgram).findOneByOrFail({ coupleId });
    return db
      .getRepository(CoupleProgramStep)
      .find({ where: { coupleProgramId: enrolment.id }, order: { position: 'ASC' } });
  };

  /**
   * The homework session of a partner's emailed link to the response the query finds (its first
   * column, `link_token_hash`, for the partner's client id as $1 and `more` after it): the emails
   * may arrive in any order, so the link is found by its hash (stored when its email was sent).
   */
  async function linkPage(email: string, sql: string, more: unknown[]) {
    const token = await until(async () => {
      const client = await db.getRepository(Client).findOneByOrFail({ email });
      const [row]: { link_token_hash: string | null }[] = await db.query(sql, [client.id, ...more]);
      if (!row?.link_token_hash) return undefined;
      return harness.mailbox
        .messagesTo(email)
        .map((m) => tokenFromEmail(m.raw, 'homework'))
        .find((t) => hashSecretToken(t) === row.link_token_hash);
    }, 15_000);
    return openHomeworkAs(app, token);
  }

  /** The partner's link to one step's homework. */
  const partnerPage = (email: string, step: number) =>
    linkPage(
      email,
      `SELECT r.link_token_hash FROM homework_response r
       JOIN couple_program_step s ON s.assignment_id = r.assignment_id
       WHERE r.client_id = $1 AND s.position = $2`,
      [step - 1],
    );

  /** The partner's link to their latest private safety check-in. */
  const checkInPage = (email: string) =>
    linkPage(
      email,
      `SELECT r.link_token_hash FROM homework_response r JOIN assignment a ON a.id = r.assignment_id
       WHERE r.client_id = $1 AND a.kind = 'safety_check_in' ORDER BY a.created_at DESC LIMIT 1`,
      [],
    );

  async function submit(agent: Awaited<ReturnType<typeof openHomeworkAs>>) {
    const page = await agent.get('/api/v1/homework/current').expect(200);
    return agent
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: completeAnswersFor(page.body.prompts) });
  }

  /** Waits until the job for this event has run (done or not: a job that opened nothing is done too). */
  const jobRan = (coupleId: string, trigger: string) =>
    until(async () => (await queue.getJob(`advance-program-${coupleId}-${trigger}`))?.finishedOn, 15_000);

  it('lists the built-in trust-repair path and the clinic’s own; a clinic builds its own, never another’s', async () => {
    const p = await practice();
    const other = await practice();
    const honest = await db.getRepository(Exercise).findOneByOrFail({ key: 'honest-check-in', clinicId: IsNull() });
    const openness = await db.getRepository(Exercise).findOneByOrFail({ key: 'everyday-openness', clinicId: IsNull() });

    const created = await send(p.asTherapist, 'post', '/api/v1/programs', {
      title: 'Our first month',
      steps: [
        { title: 'Honest check-in', kind: 'exercise', exerciseId: honest.id, opensWhen: 'both_submitted' },
        { title: 'Talk it through', kind: 'discuss', opensWhen: 'reviewed' },
        { title: 'Openness', kind: 'exercise', exerciseId: openness.id, opensWhen: 'after_sessions', afterSessions: 1 },
      ],
    }).expect(201);
    expect(created.body).toMatchObject({ builtIn: false, title: 'Our first month' });
    expect(created.body.steps[2]).toEqual({
      title: 'Openness',
      kind: 'exercise',
      exerciseId: openness.id,
      measureId: null,
      measureTitle: null,
      opensWhen: 'after_sessions',
      afterSessions: 1,
      dueInDays: 7,
    });

    const list = await p.asTherapist.agent.get('/api/v1/programs').expect(200);
    expect(list.body.data.map((x: { title: string; builtIn: boolean }) => [x.title, x.builtIn])).toEqual([
      [TRUST_REPAIR_PROGRAM.title, true],
      ['Our first month', false],
    ]);
    expect(list.body.data[0].steps).toHaveLength(BUILT_IN_STEPS.length);
    // Another clinic sees only the built-in, and the same 404 as for nothing at all.
    const theirs = await other.asTherapist.agent.get('/api/v1/programs').expect(200);
    expect(theirs.body.data.map((x: { id: string }) => x.id)).toEqual([builtInId]);
    await other.asTherapist.agent.get(`/api/v1/programs/${created.body.id}`).expect(404);
    await send(other.asTherapist, 'patch', `/api/v1/programs/${created.body.id}`, { title: 'Mine' }).expect(404);
    await send(p.asTherapist, 'patch', `/api/v1/programs/${builtInId}`, { title: 'Mine' }).expect(409);

    // An agreement-like exercise never opens on the partners' submissions alone.
    const before = await db.getRepository(Program).countBy({ clinicId: p.clinic.id });
    const risky = await send(p.asTherapist, 'post', '/api/v1/programs', {
      title: 'Too fast',
      steps: [
        { title: 'Honest check-in', kind: 'exercise', exerciseId: honest.id, opensWhen: 'both_submitted' },
        { title: 'Openness', kind: 'exercise', exerciseId: openness.id, opensWhen: 'both_submitted' },
      ],
    }).expect(400);
    expect(JSON.stringify(risky.body)).toContain('steps.1.opensWhen');
    const unknown = await send(p.asTherapist, 'post', '/api/v1/programs', {
      title: 'Unknown',
      steps: [
        { title: 'X', kind: 'exercise', exerciseId: '00000000-0000-4000-8000-000000000000', opensWhen: 'reviewed' },
      ],
    }).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('steps.0.exerciseId');
    expect(await db.getRepository(Program).countBy({ clinicId: p.clinic.id })).toBe(before);

    const renamed = await send(p.asTherapist, 'patch', `/api/v1/programs/${created.body.id}`, {
      title: 'Month one',
    }).expect(200);
    expect(renamed.body.title).toBe('Month one');
  });

  it('opens the first step at once, and the second exactly once when both partners submit at the same moment', async () => {
    const p = await practice();
    const enrolled = await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program`, {
      programId: builtInId,
    }).expect(201);
    expect(enrolled.body.enrolment).toMatchObject({
      title: TRUST_REPAIR_PROGRAM.title,
      status: 'active',
      current: {
        step: 1,
        total: BUILT_IN_STEPS.length,
        title: BUILT_IN_STEPS[0].title,
        nextTitle: BUILT_IN_STEPS[1].title,
      },
    });
    const [first] = enrolled.body.enrolment.steps;
    expect(first).toMatchObject({ status: 'open', assignmentId: expect.any(String) });
    // The step's homework is ordinary homework, issued through the one issuer, pointing back at its step.
    const homework = await db.getRepository(Assignment).findOneByOrFail({ id: first.assignmentId });
    expect(homework).toMatchObject({
      programStepId: first.id,
      assignedBy: p.therapist.id,
      shareAnswersAfterBoth: false,
    });
    // A second program while one is under way is refused.
    await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program`, { programId: builtInId }).expect(409);

    const alex = await partnerPage(p.partners[0].email, 1);
    const sam = await partnerPage(p.partners[1].email, 1);
    // Each partner sees the path: titles only.
    const page = await alex.get('/api/v1/homework/current').expect(200);
    expect(page.body.path).toEqual({ step: 1, total: BUILT_IN_STEPS.length, nextTitle: BUILT_IN_STEPS[1].title });

    const [a, b] = await Promise.all([submit(alex), submit(sam)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const responses = await db.getRepository(HomeworkResponse).findBy({ assignmentId: first.assignmentId });
    await Promise.all(responses.map((r) => jobRan(p.couple.id, `submit-${r.id}`)));

    const steps = await stepsOf(p.couple.id);
    expect(steps.slice(0, 3).map((s) => s.status)).toEqual(['done', 'open', 'pending']);
    expect(await db.getRepository(Assignment).countBy({ coupleId: p.couple.id })).toBe(2);
    expect(await db.getRepository(Assignment).countBy({ programStepId: steps[1].id })).toBe(1);

    // The second step's link reaches each partner; their page says where they are now.
    const alexNext = await partnerPage(p.partners[0].email, 2);
    expect((await alexNext.get('/api/v1/homework/current').expect(200)).body).toMatchObject({
      title: 'An apology that lands',
      path: { step: 2, total: BUILT_IN_STEPS.length, nextTitle: BUILT_IN_STEPS[2].title },
    });
    const opened = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'couple_program.step_open', clinicId: p.clinic.id });
    expect(opened).toHaveLength(2);
  });

  it('advances racing each other open the next step once', async () => {
    const p = await practice();
    await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program`, { programId: builtInId }).expect(201);
    const [first] = await stepsOf(p.couple.id);
    // Both submitted without any job: then five advances at once, as five jobs running together would.
    await db
      .getRepository(HomeworkResponse)
      .update({ assignmentId: first.assignmentId as string }, { submittedAt: new Date() });
    const advancer = harness.worker.get(ProgramAdvancer, { strict: false });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => db.transaction((manager) => advancer.advance(manager, p.clinic.id, p.couple.id))),
    );
    expect(results.filter((r) => r.status === 'fulfilled' && r.value !== null)).toHaveLength(1);
    const steps = await stepsOf(p.couple.id);
    expect(steps.filter((s) => s.status === 'open').map((s) => s.position)).toEqual([1]);
    expect(await db.getRepository(Assignment).countBy({ coupleId: p.couple.id })).toBe(2);
  });

  it('a paused path, a paused couple and an open safety concern get nothing; resuming opens the step due', async () => {
    for (const hold of ['path', 'couple', 'safety'] as const) {
      const p = await practice();
      await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/program`, { programId: builtInId }).expect(201);
      if (hold === 'path')
        await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}/program`, { status: 'paused' }).expect(200);
      if (hold === 'couple')
        await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, { status: 'paused' }).expect(200);
      const alex = await partnerPage(p.partners[0].email, 1);
      const sam = await partnerPage(p.partners[1].email, 1);
      if (hold === 'safety')
        await alex.post('/api/v1/homework/current/not-safe').set(HOMEWORK_HEADER).send({}).expect(200);
      expect((await submit(alex)).status).toBe(200);
      expect((await submit(sam)).status).toBe(200);
      const responses = await db.getRepository(HomeworkResponse).findBy({ clientId: p.partners[1].id });
      await jobRan(p.couple.id, `submit-${responses[0].id}`);
      expect((await stepsOf(p.couple.id)).slice(0, 2).map((s) => s.status)).toEqual(['open', 'pending']);
      expect(await db.getRepository(Assignment).countBy({ coupleId: p.couple.id, programStepId: IsNull() })).toBe(0);
      expect(await db.getRepository(Assignment).countBy({ coupleId: p.couple.id })).toBe(1);

      // Lifting the hold opens the step that came due meanwhile.
      if (hold === 'path')
        await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}/program`, { status: 'active' }).expect(200);
      if (hold === 'couple')
        await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, { status: 'active' }).expect(200);
      if (hold === 'safety')
        await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/safety/lift`, {
          note: 'Saw each partner alone; safe to go on.',
        }).expect(200);
      await until(async () => (await stepsOf(p.couple.id))[1].status === 'open', 15_000);
      expect(await db.getRepository(Assignment).countBy({ coupleId: p.couple.id })).toBe(2);
    }
  });

  it('the therapist skips, adds and reorders steps; a step discussed in session finishes with a held session', async () => {
    const p = await practice();
    const honest = await db.getRepository(Exercise).findOneByOrFail({ key: 'honest-check-in', clinicId: IsNull() });
    const path = `/api/v1/couples/${p.couple.id}/program`;
    await send(p.asTherapist, 'post', path, { programId: builtInId }).expect(201);
    let steps = await stepsOf(p.couple.id);

    // Skipping the open step opens the next now.
    const skipped = await send(p.asTherapist, 'post', `${path}/steps/${steps[0].id}/skip`).expect(200);
    expect(skipped.body.enrolment.steps.slice(0, 2).map((s: { status: string }) => s.status)).toEqual([
      'skipped',
      'open',
    ]);
    expect(skipped.body.enrolment.current).toMatchObject({ step: 1, total: BUILT_IN_STEPS.length - 1 });
    await send(p.asTherapist, 'post', `${path}/steps/${steps[0].id}/skip`).expect(409);
    // Nobody had started it: its homework is withdrawn with it.
    expect(
      (await db.getRepository(Assignment).findOneByOrFail({ id: steps[0].assignmentId as string })).cancelledAt,
    ).toEqual(expect.any(Date));

    // A step added before the third; then the rest reversed.
    steps = await stepsOf(p.couple.id);
    const added = await send(p.asTherapist, 'post', `${path}/steps`, {
      title: 'Talk about the week',
      kind: 'discuss',
      opensWhen: 'both_submitted',
      beforeStepId: steps[2].id,
    }).expect(200);
    expect(added.body.enrolment.steps[2]).toMatchObject({ title: 'Talk about the week', status: 'pending' });
    const pending = added.body.enrolment.steps.filter((s: { status: string }) => s.status === 'pending');
    const reordered = await send(p.asTherapist, 'post', `${path}/reorder`, {
      stepIds: pending.map((s: { id: string }) => s.id).reverse(),
    }).expect(200);
    const after = reordered.body.enrolment.steps;
    expect(after.slice(0, 2).map((s: { status: string }) => s.status)).toEqual(['skipped', 'open']);
    expect(after.slice(2).map((s: { id: string }) => s.id)).toEqual(pending.map((s: { id: string }) => s.id).reverse());

    // Bad input: a clear 400 naming the field, nothing changed.
    const bad = await send(p.asTherapist, 'post', `${path}/reorder`, { stepIds: [pending[0].id] }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('stepIds');
    const badAdd = await send(p.asTherapist, 'post', `${path}/steps`, {
      title: 'X',
      kind: 'exercise',
      exerciseId: honest.id,
      opensWhen: 'after_sessions',
    }).expect(400);
    expect(JSON.stringify(badAdd.body)).toContain('afterSessions');
    expect((await stepsOf(p.couple.id)).map((s) => s.id)).toEqual(after.map((s: { id: string }) => s.id));

    // Skip the open exercise; the "discuss" step opens (no homework) and finishes with a held session.
    const open = after.find((s: { status: string }) => s.status === 'open');
    const moved = await send(p.asTherapist, 'post', `${path}/reorder`, {
      stepIds: [
        added.body.enrolment.steps[2].id,
        ...pending.map((s: { id: string }) => s.id).filter((id: string) => id !== added.body.enrolment.steps[2].id),
      ],
    }).expect(200);
    expect(moved.body.enrolment.steps[2].title).toBe('Talk about the week');
    await send(p.asTherapist, 'post', `${path}/steps/${open.id}/skip`).expect(200);
    steps = await stepsOf(p.couple.id);
    expect(steps[2]).toMatchObject({ title: 'Talk about the week', status: 'open', assignmentId: null });
    const booked = await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/sessions`, {
      startsAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(booked.status).toBe(201);
    const sessionId: string = booked.body.sessions?.[0]?.id ?? booked.body.data?.[0]?.id;
    // Held after the step opened (and before now, so its outcome may be recorded).
    await db.query(`UPDATE session SET starts_at = $2::timestamptz + interval '1 millisecond' WHERE id = $1`, [
      sessionId,
      steps[2].openedAt,
    ]);
    await send(p.asTherapist, 'post', `/api/v1/sessions/${sessionId}/outcome`, {
      status: 'held',
      partner1: 'attended',
      partner2: 'attended',
    }).expect(200);
    await jobRan(p.couple.id, `session-${sessionId}`);
    steps = await stepsOf(p.couple.id);
    expect(steps[2].status).toBe('done');
    expect(steps[3].status).toBe('open');
  });

  it('a step that waits for a review opens when the therapist reviews, not when both partners are done', async () => {
    const p = await practice();
    const path = `/api/v1/couples/${p.couple.id}/program`;
    await send(p.asTherapist, 'post', path, { programId: builtInId }).expect(201);
    let steps = await stepsOf(p.couple.id);
    await send(p.asTherapist, 'post', `${path}/steps/${steps[0].id}/skip`).expect(200);
    steps = await stepsOf(p.couple.id);
    // Step 2 (the apology) is open; step 3 (the support map) waits for the therapist's review of it.
    expect(BUILT_IN_STEPS[2].opensWhen).toBe('reviewed');
    const apology = steps[1].assignmentId as string;
    const responses = await db.getRepository(HomeworkResponse).findBy({ assignmentId: apology });
    const sam = await partnerPage(p.partners[1].email, 2);
    const alex = await partnerPage(p.partners[0].email, 2);
    expect((await submit(alex)).status).toBe(200);
    expect((await submit(sam)).status).toBe(200);
    await Promise.all(responses.map((r) => jobRan(p.couple.id, `submit-${r.id}`)));
    expect((await stepsOf(p.couple.id))[2].status).toBe('pending');

    await send(p.asTherapist, 'post', `/api/v1/assignments/${apology}/review`, { comment: 'Thank you both.' }).expect(
      200,
    );
    const reviewed = await db.getRepository(Assignment).findOneByOrFail({ id: apology });
    await jobRan(p.couple.id, `review-${apology}-${reviewed.reviewedAt?.getTime()}`);
    steps = await stepsOf(p.couple.id);
    expect(steps.slice(1, 4).map((s) => s.status)).toEqual(['done', 'open', 'pending']);
    expect(await db.getRepository(Assignment).countBy({ programStepId: steps[2].id })).toBe(1);
  });

  it('gives each step to come the cautions the assign dialog would give if it opened now; adding a step answers with its own', async () => {
    const p = await practice();
    const path = `/api/v1/couples/${p.couple.id}/program`;
    await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, {
      phase: 'crisis_and_impact',
      partners: [
        { position: 1, role: 'broke_trust' },
        { position: 2, role: 'hurt' },
      ],
    }).expect(200);
    await send(p.asTherapist, 'post', path, { programId: builtInId }).expect(201);
    const phaseOf = (i: number) => {
      const key = BUILT_IN_STEPS[i].exercise;
      return key ? getBuiltInExercise(key)?.phase : undefined;
    };
    const sensitive = (i: number) => {
      const key = BUILT_IN_STEPS[i].exercise;
      return key ? (getBuiltInExercise(key)?.coercionSensitive ?? false) : false;
    };
    const laterPhase = BUILT_IN_STEPS.map((_, i) => {
      const phase = phaseOf(i);
      return i > 0 && phase !== undefined && phaseRank(phase) > phaseRank('crisis_and_impact');
    });

    // A couple in the first phase: every step of a later phase says so; the open step says nothing.
    let seen = (await p.asTherapist.agent.get(path).expect(200)).body.enrolment.steps as StepBody[];
    expect(codesOf(seen)).toEqual(laterPhase.map((later) => (later ? ['later_phase'] : [])));
    expect(laterPhase.filter(Boolean).length).toBeGreaterThan(5);
    const understanding = seen.find((_, i) => phaseOf(i) === 'understanding') as StepBody;
    expect(understanding.warnings[0].message).toMatch(/"Understanding" phase.*"Crisis and impact"/);

    // A partner says they do not feel safe: the coercion-sensitive steps to come say so too.
    const alex = await partnerPage(p.partners[0].email, 1);
    await alex.post('/api/v1/homework/current/not-safe').set(HOMEWORK_HEADER).send({}).expect(200);
    seen = (await p.asTherapist.agent.get(path).expect(200)).body.enrolment.steps as StepBody[];
    expect(codesOf(seen)).toEqual(
      laterPhase.map((later, i) => [
        ...(later ? ['later_phase'] : []),
        ...(i > 0 && sensitive(i) ? ['coercion_sensitive_while_unsafe'] : []),
      ]),
    );
    expect(BUILT_IN_STEPS.filter((_, i) => sensitive(i)).length).toBeGreaterThanOrEqual(3);

    // Adding a step answers with its cautions, as the assign dialog gives them; a conversation has none.
    const forgiveness = await db
      .getRepository(Exercise)
      .findOneByOrFail({ key: 'what-forgiveness-means', clinicId: IsNull() });
    const openness = await db.getRepository(Exercise).findOneByOrFail({ key: 'everyday-openness', clinicId: IsNull() });
    const added = await send(p.asTherapist, 'post', `${path}/steps`, {
      title: 'Forgiveness, again',
      kind: 'exercise',
      exerciseId: forgiveness.id,
      opensWhen: 'reviewed',
    }).expect(200);
    const last = added.body.enrolment.steps.at(-1);
    expect(added.body.added).toEqual({
      stepId: last.id,
      warnings: [{ code: 'later_phase', message: expect.stringContaining('"Moving on" phase') }],
    });
    expect(last.warnings).toEqual(added.body.added.warnings);
    const risky = await send(p.asTherapist, 'post', `${path}/steps`, {
      title: 'Openness, again',
      kind: 'exercise',
      exerciseId: openness.id,
      opensWhen: 'reviewed',
    }).expect(200);
    expect(risky.body.added.warnings.map((w: { code: string }) => w.code)).toEqual([
      'later_phase',
      'coercion_sensitive_while_unsafe',
    ]);
    const talk = await send(p.asTherapist, 'post', `${path}/steps`, {
      title: 'Talk it over',
      kind: 'discuss',
      opensWhen: 'reviewed',
    }).expect(200);
    expect(talk.body.added.warnings).toEqual([]);

    // Another clinic and another therapist still find nothing, warnings or not.
    const other = await practice();
    const colleague = await createStaff(db, p.clinic);
    await setPassword(db, colleague);
    for (const as of [other.asTherapist, await signIn(app, colleague.email)]) {
      await as.agent.get(path).expect(404);
      await send(as, 'post', `${path}/steps`, { title: 'X', kind: 'discuss', opensWhen: 'reviewed' }).expect(404);
    }
    expect(await db.getRepository(CoupleProgramStep).countBy({ title: 'X' })).toBe(0);
  });

  it('holds every step during a safety pause, and a coercion-sensitive one until the concern has closed', async () => {
    const p = await practice();
    const path = `/api/v1/couples/${p.couple.id}/program`;
    const honest = await db.getRepository(Exercise).findOneByOrFail({ key: 'honest-check-in', clinicId: IsNull() });
    const openness = await db.getRepository(Exercise).findOneByOrFail({ key: 'everyday-openness', clinicId: IsNull() });
    const program = await send(p.asTherapist, 'post', '/api/v1/programs', {
      title: 'Check-in, then openness',
      steps: [
        { title: 'Honest check-in', kind: 'exercise', exerciseId: honest.id, opensWhen: 'both_submitted' },
        { title: 'Openness', kind: 'exercise', exerciseId: openness.id, opensWhen: 'reviewed' },
      ],
    }).expect(201);
    await send(p.asTherapist, 'post', path, { programId: program.body.id }).expect(201);

    // Alex's private check-in is concerning: joint work pauses.
    await db.getRepository(Clinic).update({ id: p.clinic.id }, { safetyCheckInIntervalDays: 28 });
    const sweep = harness.worker.get(SafetyCheckInsService, { strict: false });
    await sweep.sendDue();
    const alexCheckIn = await checkInPage(p.partners[0].email);
    await alexCheckIn
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: { ...CALM, frightened_or_hurt: 'yes' } })
      .expect(200);

    // Both finish step 1 and the therapist reviews it: during the pause nothing opens.
    const first = (await stepsOf(p.couple.id))[0].assignmentId as string;
    for (const partner of p.partners) expect((await submit(await partnerPage(partner.email, 1))).status).toBe(200);
    await send(p.asTherapist, 'post', `/api/v1/assignments/${first}/review`, { comment: 'Thank you.' }).expect(200);
    const reviewed = await db.getRepository(Assignment).findOneByOrFail({ id: first });
    await jobRan(p.couple.id, `review-${first}-${reviewed.reviewedAt?.getTime()}`);
    expect((await stepsOf(p.couple.id)).map((s) => s.status)).toEqual(['open', 'pending']);

    // The pause is lifted, but Alex's latest check-in is still concerning: the openness step waits.
    await send(p.asTherapist, 'post', `/api/v1/couples/${p.couple.id}/safety/lift`, {
      note: 'Saw each partner alone; safety plan with Alex.',
    }).expect(200);
    const [pause]: { id: string }[] = await db.query(`SELECT id FROM safety_pause WHERE couple_id = $1`, [p.couple.id]);
    await jobRan(p.couple.id, `lift-${pause.id}`);
    const held = (await p.asTherapist.agent.get(path).expect(200)).body.enrolment;
    expect(held.steps.map((s: StepBody) => s.status)).toEqual(['open', 'pending']);
    expect(codesOf(held.steps)).toEqual([[], ['coercion_sensitive_while_unsafe']]);
    expect(await db.getRepository(Assignment).countBy({ coupleId: p.couple.id, kind: 'homework' })).toBe(1);

    // Alex's next check-in is calm: the concern closes, and the step opens (once).
    await sweep.sendDue(new Date(Date.now() + 28 * DAY + 60_000));
    const calm = await checkInPage(p.partners[0].email);
    await calm.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers: CALM }).expect(200);
    const [latest]: { id: string }[] = await db.query(
      `SELECT r.id FROM homework_response r JOIN assignment a ON a.id = r.assignment_id
       WHERE r.client_id = $1 AND a.kind = 'safety_check_in' AND r.submitted_at IS NOT NULL
       ORDER BY r.submitted_at DESC LIMIT 1`,
      [p.partners[0].id],
    );
    await jobRan(p.couple.id, `check-in-${latest.id}`);
    const steps = await stepsOf(p.couple.id);
    expect(steps.map((s) => s.status)).toEqual(['done', 'open']);
    expect(await db.getRepository(Assignment).countBy({ programStepId: steps[1].id })).toBe(1);
  });

  it('lists programs and shows a couple’s path in the same number of statements however many there are', async () => {
    const p = await practice();
    const path = `/api/v1/couples/${p.couple.id}/program`;
    const step = { title: 'Talk', kind: 'discuss', opensWhen: 'reviewed' };
    await send(p.asTherapist, 'post', '/api/v1/programs', { title: 'Short', steps: [step] }).expect(201);
    await send(p.asTherapist, 'post', path, { programId: builtInId }).expect(201);
    // The worker runs in this process: its jobs' statements are counted too, so each count is the
    // least of three (background work only ever adds).
    const least = async (url: string) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) counts.push(await countQueries(() => p.asTherapist.agent.get(url).expect(200)));
      return Math.min(...counts);
    };
    // Let the enrolment's background work (each partner's link email, their reminder plans) finish first.
    for (const partner of p.partners) await harness.mailbox.waitForMessageTo(partner.email);
    await until(
      async () => (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL`))[0].n === 0,
    );
    const fewPrograms = await least('/api/v1/programs');
    const fewSteps = await least(path);
    for (let i = 0; i < 5; i++)
      await send(p.asTherapist, 'post', '/api/v1/programs', { title: `More ${i}`, steps: [step, step, step] }).expect(
        201,
      );
    // Steps to come each carry their cautions: exercises of a later phase than the couple's, too.
    const forgiveness = await db
      .getRepository(Exercise)
      .findOneByOrFail({ key: 'what-forgiveness-means', clinicId: IsNull() });
    await send(p.asTherapist, 'patch', `/api/v1/couples/${p.couple.id}`, { phase: 'crisis_and_impact' }).expect(200);
    const fewCautions = await least(path);
    for (let i = 0; i < 5; i++) await send(p.asTherapist, 'post', `${path}/steps`, step).expect(200);
    for (let i = 0; i < 5; i++)
      await send(p.asTherapist, 'post', `${path}/steps`, {
        title: `Forgiveness ${i}`,
        kind: 'exercise',
        exerciseId: forgiveness.id,
        opensWhen: 'reviewed',
      }).expect(200);
    const body = (await p.asTherapist.agent.get(path).expect(200)).body;
    expect(body.enrolment.steps.at(-1).warnings.map((w: { code: string }) => w.code)).toContain('later_phase');
    expect(await least('/api/v1/programs')).toBe(fewPrograms);
    expect(fewCautions).toBe(fewSteps);
    expect(await least(path)).toBe(fewSteps);
  });

  it('is the couple’s own: another clinic, another therapist and a partner get 404 or 401, and each denial is recorded', async () => {
    const p = await practice();
    const other = await practice();
    const colleague = await createStaff(db, p.clinic);
    await setPassword(db, colleague);
    const asColleague = await signIn(app, colleague.email);
    const path = `/api/v1/couples/${p.couple.id}/program`;
    await send(p.asTherapist, 'post', path, { programId: builtInId }).expect(201);
    const [step] = await stepsOf(p.couple.id);
    for (const as of [other.asTherapist, asColleague]) {
      await as.agent.get(path).expect(404);
      await send(as, 'post', path, { programId: builtInId }).expect(404);
      await send(as, 'patch', path, { status: 'paused' }).expect(404);
      await send(as, 'post', `${path}/steps/${step.id}/skip`).expect(404);
      await send(as, 'post', `${path}/reorder`, { stepIds: [step.id] }).expect(404);
    }
    // A step of another couple's path is not this couple's.
    await send(other.asTherapist, 'post', `/api/v1/couples/${other.couple.id}/program`, {
      programId: builtInId,
    }).expect(201);
    await send(other.asTherapist, 'post', `/api/v1/couples/${other.couple.id}/program/steps/${step.id}/skip`).expect(
      404,
    );
    // A partner's homework session is not a staff session.
    const alex = await partnerPage(p.partners[0].email, 1);
    await alex.get(path).expect(401);
    expect((await stepsOf(p.couple.id))[0].status).toBe('open');
    const denied = await db.getRepository(AuditEvent).findBy({ outcome: 'denied', recordId: p.couple.id });
    expect(new Set(denied.map((d) => d.action))).toEqual(
      new Set([
        'couple_program.view',
        'couple_program.enrol',
        'couple_program.update',
        'couple_program.step_skip',
        'couple_program.reorder',
      ]),
    );
    const seen = await p.asTherapist.agent.get(path).expect(200);
    expect(seen.body.enrolment.steps.map((s: { status: string }) => s.status)[0]).toBe('open');
    expect(await db.getRepository(Client).countBy({ coupleId: p.couple.id })).toBe(2);
  });
});
