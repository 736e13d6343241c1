import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource, IsNull, QueryRunner } from 'typeorm';
import type { ExerciseDetail, ExerciseSummary } from '@trellis/contracts';
import { AuditEvent, Clinic, Exercise, StaffUser } from '@trellis/data';
import { BUILT_IN_EXERCISES, checklist, longText, scale, STRATEGIES, STRATEGY_KEYS } from '@trellis/domain';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

type Agent = Awaited<ReturnType<typeof signIn>>['agent'];
interface FieldErrorBody {
  errors: { field: string; message: string }[];
}

const fieldsOf = (body: FieldErrorBody) => body.errors.map((e) => e.field).sort();

/** Every SQL statement the app's own DataSource runs while recording (the test's connection is separate). */
function recordStatements(dataSource: DataSource) {
  const statements: string[] = [];
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  const spy = jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((mode) => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = ((...args: unknown[]) => {
      statements.push(String(args[0]));
      return query(...args);
    }) as QueryRunner['query'];
    return runner;
  });
  return { statements, stop: () => spy.mockRestore() };
}

describe('exercise library /api/v1/exercises', () => {
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

  /** A clinic with a signed-in therapist (not an admin: the library is for every staff member). */
  async function clinicWithTherapist(): Promise<{
    clinic: Clinic;
    therapist: StaffUser;
    agent: Agent;
    csrfToken: string;
  }> {
    const clinic = await createClinic(db);
    const therapist = await createStaff(db, clinic, { name: 'Blake Therapist' });
    await setPassword(db, therapist);
    const { agent, csrfToken, user } = await signIn(app, therapist.email);
    expect(user.role).toBe('therapist');
    return { clinic, therapist, agent, csrfToken };
  }

  const validPrompts = () => [
    longText('went-well', 'What went well between you today?', { maxLength: 1000 }),
    scale('closeness', 'How close did you feel?', 'Distant', 'Very close'),
    checklist(
      'moments',
      'Which moments helped?',
      [
        ['talk', 'A talk'],
        ['walk', 'A walk'],
        ['meal', 'A meal together'],
      ],
      { required: false },
    ),
  ];

  const input = (overrides: Record<string, unknown> = {}) => ({
    title: 'Evening check-in',
    strategy: 'communication',
    purpose: 'A calm ten minutes to say how the day went.',
    instructions: 'Sit together without phones. Each of you answers on your own, then compare.',
    estimatedMinutes: 15,
    prompts: validPrompts(),
    ...overrides,
  });

  async function create(
    agent: Agent,
    csrfToken: string,
    overrides: Record<string, unknown> = {},
  ): Promise<ExerciseDetail> {
    const res = await agent.post('/api/v1/exercises').set('x-csrf-token', csrfToken).send(input(overrides)).expect(201);
    return res.body;
  }

  async function builtInId(key: string): Promise<string> {
    return (await db.getRepository(Exercise).findOneByOrFail({ key, clinicId: IsNull() })).id;
  }

  describe('reading the library', () => {
    it('lists every built-in, covering all 15 strategies, as summaries', async () => {
      const { agent } = await clinicWithTherapist();
      const res = await agent.get('/api/v1/exercises?perPage=100&source=builtin').expect(200);
      expect(res.body.total).toBe(BUILT_IN_EXERCISES.length);
      expect(res.body.total).toBeGreaterThanOrEqual(15);
      const data: ExerciseSummary[] = res.body.data;
      expect(new Set(data.map((e) => e.strategy))).toEqual(new Set(STRATEGY_KEYS));
      expect(STRATEGY_KEYS).toHaveLength(15);

      const catalogEntry = BUILT_IN_EXERCISES[0];
      const row = data.find((e) => e.key === catalogEntry.key) as ExerciseSummary;
      expect(row).toEqual({
        id: expect.any(String),
        key: catalogEntry.key,
        title: catalogEntry.title,
        strategy: catalogEntry.strategy,
        strategyName: STRATEGIES.find((s) => s.key === catalogEntry.strategy)?.name,
        purpose: catalogEntry.purpose,
        estimatedMinutes: catalogEntry.estimatedMinutes,
        promptCount: catalogEntry.prompts.length,
        promptKinds: [...new Set(catalogEntry.prompts.map((p) => p.kind))],
        source: 'builtin',
        version: catalogEntry.version,
        basedOnId: null,
        basedOnVersion: null,
        newerSourceVersion: null,
        phase: catalogEntry.phase,
        coercionSensitive: catalogEntry.coercionSensitive,
      });
    });

    it('filters by strategy, source and search text (title or purpose)', async () => {
      const { agent, csrfToken } = await clinicWithTherapist();
      const word = `zebra${randomUUID().slice(0, 6)}`;
      const own = await create(agent, csrfToken, { title: `The ${word} walk`, strategy: 'apology' });
      const byPurpose = await create(agent, csrfToken, {
        purpose: `Mentions ${word} only here.`,
        strategy: 'good_times',
      });

      const apology = await agent.get('/api/v1/exercises?strategy=apology&perPage=100').expect(200);
      const apologyBuiltIns = BUILT_IN_EXERCISES.filter((e) => e.strategy === 'apology').length;
      expect(apology.body.total).toBe(apologyBuiltIns + 1);
      expect(apology.body.data.every((e: ExerciseSummary) => e.strategy === 'apology')).toBe(true);

      const search = await agent.get(`/api/v1/exercises?q=${word.toUpperCase()}&sort=title`).expect(200);
      expect(search.body.data.map((e: ExerciseSummary) => e.id).sort()).toEqual([own.id, byPurpose.id].sort());
      expect(search.body.total).toBe(2);

      const clinicOnly = await agent.get('/api/v1/exercises?source=clinic').expect(200);
      expect(clinicOnly.body.total).toBe(2);
      expect(clinicOnly.body.data.every((e: ExerciseSummary) => e.source === 'clinic')).toBe(true);

      const combined = await agent.get('/api/v1/exercises?source=builtin&strategy=apology').expect(200);
      expect(combined.body.total).toBe(apologyBuiltIns);

      const wildcard = await agent.get(`/api/v1/exercises?q=${encodeURIComponent('%')}`).expect(200);
      expect(wildcard.body.total).toBe(0);
    });

    it('sorts and pages on the server', async () => {
      const { agent } = await clinicWithTherapist();
      const all = await agent.get('/api/v1/exercises?perPage=100&sort=title&order=ASC').expect(200);
      // Compared by first letter only: the database's collation decides how spaces and punctuation sort.
      const initials = all.body.data.map((e: ExerciseSummary) => e.title[0].toLowerCase());
      expect(initials).toEqual([...initials].sort());

      const paged: string[] = [];
      for (let page = 1; paged.length < all.body.total; page++) {
        const res = await agent.get(`/api/v1/exercises?perPage=5&page=${page}&sort=title&order=ASC`).expect(200);
        expect(res.body.total).toBe(all.body.total);
        expect(res.body.data.length).toBeLessThanOrEqual(5);
        paged.push(...res.body.data.map((e: ExerciseSummary) => e.id));
      }
      expect(paged).toEqual(all.body.data.map((e: ExerciseSummary) => e.id));

      const minutes = await agent.get('/api/v1/exercises?perPage=100&sort=estimatedMinutes&order=DESC').expect(200);
      const m = minutes.body.data.map((e: ExerciseSummary) => e.estimatedMinutes);
      expect(m).toEqual([...m].sort((a: number, b: number) => b - a));

      // "strategy" follows the seed article's order, as the catalog does.
      const byStrategy = await agent.get('/api/v1/exercises?perPage=100&sort=strategy').expect(200);
      const ranks = byStrategy.body.data.map((e: ExerciseSummary) => STRATEGY_KEYS.indexOf(e.strategy));
      expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
      expect(byStrategy.body.data[0].strategy).toBe(STRATEGY_KEYS[0]);
    });

    it('refuses bad query parameters with a 400 naming each', async () => {
      const { agent } = await clinicWithTherapist();
      const res = await agent
        .get('/api/v1/exercises?perPage=1000&sort=key&strategy=trust_fall&source=other&clinicId=x')
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['clinicId', 'perPage', 'sort', 'source', 'strategy']);
    });

    it('shows a built-in in full, prompts included', async () => {
      const { agent } = await clinicWithTherapist();
      const entry = BUILT_IN_EXERCISES[1];
      const id = await builtInId(entry.key);
      const res = await agent.get(`/api/v1/exercises/${id}`).expect(200);
      expect(res.body).toMatchObject({
        id,
        key: entry.key,
        title: entry.title,
        instructions: entry.instructions,
        source: 'builtin',
        promptCount: entry.prompts.length,
      });
      expect(res.body.prompts).toEqual(entry.prompts);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      const { agent } = await clinicWithTherapist();
      await agent.get(`/api/v1/exercises/${randomUUID()}`).expect(404);
      await agent.get('/api/v1/exercises/not-a-uuid').expect(404);
    });

    it('runs the same two queries for the list whatever the page size', async () => {
      const { agent, csrfToken } = await clinicWithTherapist();
      for (let i = 0; i < 3; i++) await create(agent, csrfToken, { title: `Own exercise ${i}` });
      const appDataSource = app.get<DataSource>(getDataSourceToken());

      const counts: { all: number; exercise: number; rows: number }[] = [];
      for (const perPage of [5, 50]) {
        const recorder = recordStatements(appDataSource);
        try {
          const res = await agent.get(`/api/v1/exercises?perPage=${perPage}&sort=strategy&q=e`).expect(200);
          counts.push({
            all: recorder.statements.length,
            exercise: recorder.statements.filter((sql) => /"exercise"/.test(sql)).length,
            rows: res.body.data.length,
          });
        } finally {
          recorder.stop();
        }
      }
      expect(counts[0].rows).toBe(5);
      expect(counts[1].rows).toBeGreaterThan(5);
      expect(counts[0].exercise).toBe(2);
      expect(counts[1].exercise).toBe(2);
      expect(counts[1].all).toBe(counts[0].all);
    });
  });

  describe('writing exercises', () => {
    it("lets a therapist create an exercise in the clinic's library, with a unique key and an audit row", async () => {
      const { clinic, therapist, agent, csrfToken } = await clinicWithTherapist();
      const res = await agent
        .post('/api/v1/exercises')
        .set('x-csrf-token', csrfToken)
        .send(input({ title: '  My title ' }))
        .expect(201);
      const body: ExerciseDetail = res.body;
      expect(body).toEqual({
        id: expect.any(String),
        key: 'my-title',
        title: 'My title',
        strategy: 'communication',
        strategyName: 'Communication skills',
        purpose: input().purpose,
        instructions: input().instructions,
        estimatedMinutes: 15,
        promptCount: 3,
        promptKinds: ['long_text', 'scale', 'checklist'],
        prompts: validPrompts(),
        source: 'clinic',
        version: 1,
        basedOnId: null,
        basedOnVersion: null,
        newerSourceVersion: null,
        phase: null,
        coercionSensitive: false,
      });
      const row = await db.getRepository(Exercise).findOneByOrFail({ id: body.id });
      expect(row).toMatchObject({ clinicId: clinic.id, createdBy: therapist.id, archivedAt: null });

      expect((await create(agent, csrfToken, { title: 'My Title!' })).key).toBe('my-title-2');
      expect((await create(agent, csrfToken, { title: '10 minutes, together' })).key).toBe(
        'exercise-10-minutes-together',
      );
      // Keys are unique in the library the clinic sees, so a built-in's key is taken too.
      const builtIn = BUILT_IN_EXERCISES[0];
      expect((await create(agent, csrfToken, { title: builtIn.key })).key).toBe(`${builtIn.key}-2`);
      // Another clinic starts its own keys afresh.
      const other = await clinicWithTherapist();
      expect((await create(other.agent, other.csrfToken, { title: 'My title' })).key).toBe('my-title');

      const audit = await db
        .getRepository(AuditEvent)
        .findOneByOrFail({ recordId: body.id, action: 'exercise.create' });
      expect(audit).toMatchObject({
        clinicId: clinic.id,
        actorType: 'staff',
        actorId: therapist.id,
        recordType: 'exercise',
        outcome: 'success',
      });

      const detail = await agent.get(`/api/v1/exercises/${body.id}`).expect(200);
      expect(detail.body).toEqual(body);
    });

    it('refuses bad input with a 400 naming each field, and inserts nothing', async () => {
      const { clinic, therapist, agent, csrfToken } = await clinicWithTherapist();
      const other = await createClinic(db);
      const title = `Refused ${randomUUID()}`;
      const countRows = () =>
        db
          .getRepository(Exercise)
          .count({ where: [{ clinicId: clinic.id }, { clinicId: other.id }, { createdBy: therapist.id }, { title }] });
      const before = await countRows();
      const post = (body: Record<string, unknown>) =>
        agent
          .post('/api/v1/exercises')
          .set('x-csrf-token', csrfToken)
          .send(body)
          .expect(400)
          .expect('content-type', /application\/problem\+json/);

      const strategy = await post(input({ title, strategy: 'trust_fall' }));
      expect(strategy.body.errors).toEqual([
        { field: 'strategy', message: expect.stringContaining('must be one of honest_talk') },
      ]);

      const tooMany = [1, 2, 3, 4, 5, 6, 7].map((n) => longText(`q${n}`, `Question ${n}?`));
      const seven = await post(input({ title, prompts: tooMany }));
      expect(seven.body.errors).toEqual([
        { field: 'prompts', message: 'An exercise needs between 3 and 6 prompts (it has 7).' },
      ]);

      const [first, , third] = validPrompts();
      const badScale = await post(
        input({ title, prompts: [first, scale('mood', 'Mood?', 'Low', 'High', { min: 7, max: 3 }), third] }),
      );
      expect(badScale.body.errors).toEqual([
        { field: 'prompts.1.max', message: 'The top of the scale must be higher than the bottom.' },
      ]);

      const massAssignment = await post({ ...input({ title }), clinicId: other.id });
      expect(massAssignment.body.errors).toEqual([{ field: 'clinicId', message: 'is not an allowed field' }]);

      const scalars = await post({
        title: '   ',
        strategy: 'apology',
        purpose: 'x'.repeat(1001),
        estimatedMinutes: 2.5,
        prompts: 'none',
        version: 9,
      });
      expect(fieldsOf(scalars.body)).toEqual([
        'estimatedMinutes',
        'instructions',
        'prompts',
        'purpose',
        'title',
        'version',
      ]);
      expect(scalars.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'title', message: 'is required' },
          { field: 'purpose', message: 'must be at most 1000 characters' },
          { field: 'estimatedMinutes', message: 'must be a whole number of minutes' },
        ]),
      );
      const minutes = await post(input({ title, estimatedMinutes: 241 }));
      expect(minutes.body.errors).toEqual([{ field: 'estimatedMinutes', message: 'must be at most 240 minutes' }]);

      const nested = await post(
        input({ title, prompts: [{ ...first, id: 'Bad Id', color: 'red' }, validPrompts()[1], third] }),
      );
      expect(fieldsOf(nested.body)).toEqual(['prompts.0.color', 'prompts.0.id']);

      expect(await countRows()).toBe(before);
    });

    it('duplicates a built-in into an editable copy; the version moves only when the prompts change', async () => {
      const { clinic, therapist, agent, csrfToken } = await clinicWithTherapist();
      const entry = BUILT_IN_EXERCISES[2];
      const builtIn = await builtInId(entry.key);

      const dup = await agent.post(`/api/v1/exercises/${builtIn}/duplicate`).set('x-csrf-token', csrfToken).expect(201);
      const copy: ExerciseDetail = dup.body;
      expect(copy).toMatchObject({
        title: `${entry.title} (copy)`,
        strategy: entry.strategy,
        instructions: entry.instructions,
        source: 'clinic',
        version: 1,
        basedOnId: builtIn,
      });
      expect(copy.id).not.toBe(builtIn);
      expect(copy.key).not.toBe(entry.key);
      expect(copy.prompts).toEqual(entry.prompts);
      expect(await db.getRepository(Exercise).findOneByOrFail({ id: copy.id })).toMatchObject({
        clinicId: clinic.id,
        basedOnId: builtIn,
      });

      const patch = (body: Record<string, unknown>, status = 200) =>
        agent.patch(`/api/v1/exercises/${copy.id}`).set('x-csrf-token', csrfToken).send(body).expect(status);

      const renamed = await patch({ title: 'Our own version', estimatedMinutes: 25 });
      expect(renamed.body).toMatchObject({ title: 'Our own version', estimatedMinutes: 25, version: 1, key: copy.key });

      // The same prompts, keys in another order: not a change.
      const reordered = copy.prompts.map((p) => Object.fromEntries(Object.entries(p).reverse()));
      expect((await patch({ prompts: reordered })).body.version).toBe(1);

      const changedPrompts = [{ ...copy.prompts[0], label: 'A question in our own words?' }, ...copy.prompts.slice(1)];
      const reworded = await patch({ prompts: changedPrompts });
      expect(reworded.body).toMatchObject({ version: 2, title: 'Our own version', prompts: changedPrompts });
      expect((await patch({ prompts: changedPrompts })).body.version).toBe(2);

      const invalid = await patch({ prompts: [{ ...changedPrompts[0], label: '' }, ...changedPrompts.slice(1)] }, 400);
      expect(fieldsOf(invalid.body)).toEqual(['prompts.0.label']);
      expect(fieldsOf((await patch({ title: null, key: 'mine', version: 7 }, 400)).body)).toEqual([
        'key',
        'title',
        'version',
      ]);
      expect((await agent.get(`/api/v1/exercises/${copy.id}`).expect(200)).body).toMatchObject({
        version: 2,
        title: 'Our own version',
      });

      // The built-in itself is untouched.
      const original = await agent.get(`/api/v1/exercises/${builtIn}`).expect(200);
      expect(original.body).toMatchObject({ title: entry.title, version: entry.version, prompts: entry.prompts });

      const updates = await db
        .getRepository(AuditEvent)
        .find({ where: { recordId: copy.id, action: 'exercise.update' }, order: { id: 'ASC' } });
      expect(updates.map((u) => u.details)).toEqual([
        { fields: 'title,estimatedMinutes', version: 1 },
        { fields: 'prompts', version: 2 },
      ]);
      expect(updates.every((u) => u.actorId === therapist.id && u.recordType === 'exercise')).toBe(true);
      const created = await db
        .getRepository(AuditEvent)
        .findOneByOrFail({ recordId: copy.id, action: 'exercise.create' });
      expect(created.details).toEqual({ basedOnId: builtIn, basedOnVersion: entry.version });

      // An own exercise can be duplicated too, and the copy does not share its prompts.
      const second = await agent
        .post(`/api/v1/exercises/${copy.id}/duplicate`)
        .set('x-csrf-token', csrfToken)
        .expect(201);
      expect(second.body).toMatchObject({
        title: 'Our own version (copy)',
        basedOnId: copy.id,
        version: 1,
        prompts: changedPrompts,
      });
      await patch({ prompts: copy.prompts });
      // The source moved on (version 3): the second copy is offered it, and keeps its own prompts.
      const offered = (await agent.get(`/api/v1/exercises/${second.body.id}`).expect(200)).body;
      expect(offered).toMatchObject({ basedOnVersion: 2, newerSourceVersion: 3, prompts: changedPrompts });
      const listed = await agent.get('/api/v1/exercises?source=clinic&perPage=100').expect(200);
      expect(listed.body.data.find((e: ExerciseSummary) => e.id === second.body.id).newerSourceVersion).toBe(3);
      expect(listed.body.data.find((e: ExerciseSummary) => e.id === copy.id).newerSourceVersion).toBeNull();
    });

    it('offers a copy made from an older built-in the new version, and never changes the copy', async () => {
      const { agent, csrfToken } = await clinicWithTherapist();
      const entry = BUILT_IN_EXERCISES.filter((e) => e.version > 1)[0];
      const builtIn = await builtInId(entry.key);
      const copy = (
        await agent.post(`/api/v1/exercises/${builtIn}/duplicate`).set('x-csrf-token', csrfToken).expect(201)
      ).body;
      expect(copy).toMatchObject({ basedOnVersion: entry.version, newerSourceVersion: null, phase: entry.phase });
      // As a copy made before this release looks (the migration backfills version 1).
      const oldPrompts = [{ ...copy.prompts[0], label: 'The old wording?' }, ...copy.prompts.slice(1)];
      await db.getRepository(Exercise).update({ id: copy.id }, { basedOnVersion: 1, prompts: oldPrompts });
      const offered = (await agent.get(`/api/v1/exercises/${copy.id}`).expect(200)).body;
      expect(offered).toMatchObject({ basedOnVersion: 1, newerSourceVersion: entry.version, prompts: oldPrompts });
    });

    it('refuses to edit or delete a built-in (409) and leaves it as it was', async () => {
      const { agent, csrfToken } = await clinicWithTherapist();
      const entry = BUILT_IN_EXERCISES[3];
      const id = await builtInId(entry.key);
      const edit = await agent
        .patch(`/api/v1/exercises/${id}`)
        .set('x-csrf-token', csrfToken)
        .send({ title: 'Mine now' })
        .expect(409);
      expect(edit.body.detail).toBe('Built-in exercises cannot be edited: duplicate it first.');
      const del = await agent.delete(`/api/v1/exercises/${id}`).set('x-csrf-token', csrfToken).expect(409);
      expect(del.body.detail).toMatch(/Built-in exercises cannot be deleted/);
      expect(await db.getRepository(Exercise).findOneByOrFail({ id })).toMatchObject({
        title: entry.title,
        archivedAt: null,
      });
    });

    it('archives an own exercise: 204, gone from the library, audited', async () => {
      const { therapist, agent, csrfToken } = await clinicWithTherapist();
      const own = await create(agent, csrfToken);
      await agent.delete(`/api/v1/exercises/${own.id}`).set('x-csrf-token', csrfToken).expect(204);
      expect((await db.getRepository(Exercise).findOneByOrFail({ id: own.id })).archivedAt).toBeInstanceOf(Date);
      await agent.get(`/api/v1/exercises/${own.id}`).expect(404);
      const list = await agent.get('/api/v1/exercises?source=clinic').expect(200);
      expect(list.body.total).toBe(0);
      await agent.delete(`/api/v1/exercises/${own.id}`).set('x-csrf-token', csrfToken).expect(404);
      await agent
        .patch(`/api/v1/exercises/${own.id}`)
        .set('x-csrf-token', csrfToken)
        .send({ title: 'Back?' })
        .expect(404);
      const audit = await db
        .getRepository(AuditEvent)
        .findOneByOrFail({ recordId: own.id, action: 'exercise.archive' });
      expect(audit).toMatchObject({ actorId: therapist.id, recordType: 'exercise' });
      // The key stays taken by the archived row.
      expect((await create(agent, csrfToken)).key).toBe('evening-check-in-2');
    });
  });

  describe('access', () => {
    it("answers 404 for another clinic's exercise on every route, and never lists it", async () => {
      const theirs = await clinicWithTherapist();
      const their = await create(theirs.agent, theirs.csrfToken, { title: 'Their private exercise' });
      const clinic = await createClinic(db);
      const admin = await createStaff(db, clinic, { role: 'admin' });
      await setPassword(db, admin);
      const { agent, csrfToken } = await signIn(app, admin.email);

      await agent.get(`/api/v1/exercises/${their.id}`).expect(404);
      await agent
        .patch(`/api/v1/exercises/${their.id}`)
        .set('x-csrf-token', csrfToken)
        .send({ title: 'Hijacked' })
        .expect(404);
      await agent.delete(`/api/v1/exercises/${their.id}`).set('x-csrf-token', csrfToken).expect(404);
      await agent.post(`/api/v1/exercises/${their.id}/duplicate`).set('x-csrf-token', csrfToken).expect(404);
      const list = await agent.get('/api/v1/exercises?perPage=100').expect(200);
      expect(list.body.data.some((e: ExerciseSummary) => e.id === their.id)).toBe(false);
      expect(list.body.total).toBe(BUILT_IN_EXERCISES.length);

      expect(await db.getRepository(Exercise).findOneByOrFail({ id: their.id })).toMatchObject({
        title: 'Their private exercise',
        archivedAt: null,
      });
      expect(await db.getRepository(Exercise).countBy({ basedOnId: their.id })).toBe(0);
    });

    it('refuses anonymous callers with 401', async () => {
      const anonymous = request(app.getHttpServer());
      await anonymous.get('/api/v1/exercises').expect(401);
      await anonymous.get(`/api/v1/exercises/${randomUUID()}`).expect(401);
      await anonymous.post('/api/v1/exercises').send(input()).expect(401);
    });
  });
});
