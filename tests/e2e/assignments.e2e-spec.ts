import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { Assignment, AuditEvent, Exercise, HomeworkResponse } from '@trellis/data';
import { longText, MAX_PROMPTS_PER_EXERCISE, MIN_PROMPTS_PER_EXERCISE } from '@trellis/domain';
import { countQueries } from '../support/count-queries';
import { createAssignment, createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

const DAY = 24 * 3600 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

describe('assignments: assign, reschedule, cancel, review', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let builtIn: Exercise;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    builtIn = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'empathy' });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  const practice = () => createPractice(app, db);

  it('assigns one exercise to several couples at once, freezing its prompts, one response per partner', async () => {
    const { clinic, dana, asDana } = await practice();
    const a = await createCouple(db, clinic, dana);
    const b = await createCouple(db, clinic, dana);
    const res = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({
        exerciseId: builtIn.id,
        coupleIds: [a.couple.id, b.couple.id],
        dueAt: inDays(5),
        message: 'Take your time.',
        shareAnswersAfterBoth: true,
      })
      .expect(201);
    expect(res.body.total).toBe(2);
    expect(res.body.data[0]).toMatchObject({
      title: builtIn.title,
      status: 'assigned',
      overdue: false,
      shareAnswersAfterBoth: true,
    });
    expect(res.body.data[0].partners.map((p: { position: number; status: string }) => [p.position, p.status])).toEqual([
      [1, 'not_started'],
      [2, 'not_started'],
    ]);
    const ids = res.body.data.map((x: { id: string }) => x.id);
    expect(
      await db.getRepository(HomeworkResponse).countBy(ids.map((assignmentId: string) => ({ assignmentId }))),
    ).toBe(4);

    // Editing the library later never changes what was assigned.
    const stored = await db.getRepository(Assignment).findOneByOrFail({ id: ids[0] });
    expect(stored.prompts).toEqual(builtIn.prompts);
    expect(stored.exerciseVersion).toBe(builtIn.version);
    expect(await db.getRepository(AuditEvent).countBy({ action: 'assignment.create', actorId: dana.id })).toBe(2);
  });

  it('is all or nothing: one invisible couple fails the whole request with 404 and writes nothing', async () => {
    const { clinic, dana, sam, asDana } = await practice();
    const mine = await createCouple(db, clinic, dana);
    const theirs = await createCouple(db, clinic, sam);
    const before = await db.getRepository(Assignment).count();
    await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: builtIn.id, coupleIds: [mine.couple.id, theirs.couple.id], dueAt: inDays(3) })
      .expect(404);
    expect(await db.getRepository(Assignment).count()).toBe(before);
  });

  it('refuses bad input naming each field', async () => {
    const { clinic, dana, asDana } = await practice();
    const { couple } = await createCouple(db, clinic, dana);
    const res = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: 'nope', coupleIds: [], dueAt: 'tomorrow', message: 'x'.repeat(2001), status: 'reviewed' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'coupleIds',
      'dueAt',
      'exerciseId',
      'message',
      'status',
    ]);
    const past = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: builtIn.id, coupleIds: [couple.id], dueAt: inDays(-1) })
      .expect(400);
    expect(past.body.errors).toEqual([{ field: 'dueAt', message: 'must be in the future' }]);
    const unknownExercise = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: '00000000-0000-4000-8000-000000000009', coupleIds: [couple.id], dueAt: inDays(2) })
      .expect(400);
    expect(unknownExercise.body.errors[0].field).toBe('exerciseId');
  });

  it('shows both partners’ submitted answers side by side (drafts stay private), then marks reviewed', async () => {
    const { clinic, dana, asDana } = await practice();
    const { couple, partners } = await createCouple(db, clinic, dana);
    const assignment = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() + DAY),
      submitted: [true, false],
    });
    const promptId = assignment.prompts[0].id;
    await db
      .getRepository(HomeworkResponse)
      .update({ assignmentId: assignment.id, clientId: partners[0].id }, { answers: { [promptId]: 'partner one' } });
    await db
      .getRepository(HomeworkResponse)
      .update(
        { assignmentId: assignment.id, clientId: partners[1].id },
        { answers: { [promptId]: 'draft in progress' }, startedAt: new Date() },
      );

    const partly = await asDana.agent.get(`/api/v1/assignments/${assignment.id}`).expect(200);
    expect(partly.body.status).toBe('partly_submitted');
    expect(partly.body.answers).toEqual({ 1: { [promptId]: 'partner one' }, 2: null });
    expect(partly.body.prompts).toHaveLength(assignment.prompts.length);

    const reviewed = await asDana.agent
      .post(`/api/v1/assignments/${assignment.id}/review`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ comment: 'Thank you both.' })
      .expect(200);
    expect(reviewed.body).toMatchObject({
      status: 'reviewed',
      reviewComments: [expect.objectContaining({ body: 'Thank you both.', authorName: dana.name })],
    });
    const untouched = await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() + DAY) });
    await asDana.agent
      .post(`/api/v1/assignments/${untouched.id}/review`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({})
      .expect(409);
  });

  it('moves the due date, cancels (once), and derives overdue', async () => {
    const { clinic, dana, asDana } = await practice();
    const { couple, partners } = await createCouple(db, clinic, dana);
    const late = await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() - DAY) });
    const list = await asDana.agent.get(`/api/v1/couples/${couple.id}/assignments`).expect(200);
    expect(list.body.data[0]).toMatchObject({ id: late.id, overdue: true, status: 'assigned' });

    const moved = await asDana.agent
      .patch(`/api/v1/assignments/${late.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ dueAt: inDays(4) })
      .expect(200);
    expect(moved.body.overdue).toBe(false);
    const cancelled = await asDana.agent
      .post(`/api/v1/assignments/${late.id}/cancel`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await asDana.agent.post(`/api/v1/assignments/${late.id}/cancel`).set('x-csrf-token', asDana.csrfToken).expect(409);
    await asDana.agent
      .patch(`/api/v1/assignments/${late.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ dueAt: inDays(5) })
      .expect(409);
  });

  it("hides other therapists' and other clinics' homework (404) on every route", async () => {
    const a = await practice();
    const b = await practice();
    const { couple, partners } = await createCouple(db, a.clinic, a.dana);
    const hw = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() + DAY),
      submitted: [true, true],
    });
    for (const other of [await signIn(app, a.sam.email), b.asDana]) {
      await other.agent.get(`/api/v1/assignments/${hw.id}`).expect(404);
      await other.agent.get(`/api/v1/couples/${couple.id}/assignments`).expect(404);
      await other.agent
        .patch(`/api/v1/assignments/${hw.id}`)
        .set('x-csrf-token', other.csrfToken)
        .send({ message: 'x' })
        .expect(404);
      await other.agent.post(`/api/v1/assignments/${hw.id}/cancel`).set('x-csrf-token', other.csrfToken).expect(404);
      await other.agent
        .post(`/api/v1/assignments/${hw.id}/review`)
        .set('x-csrf-token', other.csrfToken)
        .send({})
        .expect(404);
    }
    expect((await db.getRepository(Assignment).findOneByOrFail({ id: hw.id })).reviewedAt).toBeNull();
    await request(app.getHttpServer()).get(`/api/v1/assignments/${hw.id}`).expect(401);
  });

  /** `count` assignments for the couple, both partners submitted: one from the factory, the rest copies of it in two statements. */
  async function manyAssignments(
    { couple, partners }: Awaited<ReturnType<typeof createCouple>>,
    count: number,
  ): Promise<void> {
    const first = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() + DAY),
      submitted: [true, true],
    });
    const copy = { ...first, id: undefined, createdAt: undefined, updatedAt: undefined };
    const { identifiers } = await db
      .getRepository(Assignment)
      .insert(Array.from({ length: count - 1 }, () => ({ ...copy })));
    await db.getRepository(HomeworkResponse).insert(
      identifiers.flatMap(({ id }) =>
        partners.map((p) => ({
          clinicId: couple.clinicId,
          assignmentId: id as string,
          clientId: p.id,
          answers: {},
          submittedAt: new Date(),
        })),
      ),
    );
  }

  // The list is not paged (the dashboard asks for it whole): the statement count must not grow with its length.
  it("lists a couple's homework with the same number of queries for 10 and 100 assignments", async () => {
    const { clinic, dana, asDana } = await practice();
    const small = await createCouple(db, clinic, dana);
    const big = await createCouple(db, clinic, dana);
    await manyAssignments(small, 10);
    await manyAssignments(big, 100);
    const lengths: number[] = [];
    const ten = await countQueries(async () =>
      lengths.push(
        (await asDana.agent.get(`/api/v1/couples/${small.couple.id}/assignments`).expect(200)).body.data.length,
      ),
    );
    const hundred = await countQueries(async () =>
      lengths.push(
        (await asDana.agent.get(`/api/v1/couples/${big.couple.id}/assignments`).expect(200)).body.data.length,
      ),
    );
    expect(lengths).toEqual([10, 100]);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
  });

  it('reviews one homework with the same number of queries for the fewest and the most prompts', async () => {
    const { clinic, dana, asDana } = await practice();
    const { couple } = await createCouple(db, clinic, dana);
    const statements: number[] = [];
    for (const count of [MIN_PROMPTS_PER_EXERCISE, MAX_PROMPTS_PER_EXERCISE]) {
      const prompts = Array.from({ length: count }, (_, i) =>
        longText(`q${i}`, `Question ${i + 1}`, { maxLength: 1000 }),
      );
      const exercise = await asDana.agent
        .post('/api/v1/exercises')
        .set('x-csrf-token', asDana.csrfToken)
        .send({
          title: `${count} questions`,
          strategy: 'communication',
          purpose: 'Practice.',
          instructions: 'Answer on your own.',
          estimatedMinutes: 5,
          prompts,
        })
        .expect(201);
      const assigned = await asDana.agent
        .post('/api/v1/assignments')
        .set('x-csrf-token', asDana.csrfToken)
        .send({ exerciseId: exercise.body.id, coupleIds: [couple.id], dueAt: inDays(3) })
        .expect(201);
      const id = assigned.body.data[0].id as string;
      const answers = Object.fromEntries(prompts.map((p) => [p.id, `Answer to ${p.label}`]));
      await db.getRepository(HomeworkResponse).update({ assignmentId: id }, { answers, submittedAt: new Date() });
      statements.push(
        await countQueries(async () => {
          const res = await asDana.agent.get(`/api/v1/assignments/${id}`).expect(200);
          expect(res.body.answers).toEqual({ 1: answers, 2: answers });
        }),
      );
    }
    expect(statements[0]).toBeGreaterThan(0);
    expect(statements[1]).toBe(statements[0]);
  });
});
