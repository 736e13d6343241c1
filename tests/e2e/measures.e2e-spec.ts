import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { MeasureDetail, MeasureSummary } from '@trellis/contracts';
import { AuditEvent, Clinic, Measure, MeasureVersion, StaffUser, syncBuiltInMeasures } from '@trellis/data';
import {
  BUILT_IN_MEASURES,
  type BuiltInMeasure,
  SESSION_CHECK_OUT,
  TRUST_AND_CONNECTION_CHECK_IN,
} from '@trellis/domain';
import { countQueries } from '../support/count-queries';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

type Agent = Awaited<ReturnType<typeof signIn>>['agent'];
interface FieldErrorBody {
  errors: { field: string; message: string }[];
}
const fieldsOf = (body: FieldErrorBody) => body.errors.map((e) => e.field).sort();

/** A short licensed-style instrument: four items, one on its own scale, one reversed; sum with a cutoff. */
const definition = (overrides: Record<string, unknown> = {}) => ({
  instructions: 'Think about your relationship over the past month.',
  items: [
    { id: 'happy', label: 'How happy are you, all things considered?', reverse: false, scale: sixPoint },
    { id: 'warm', label: 'We have a warm and comfortable relationship.', reverse: false },
    { id: 'rewarding', label: 'Our relationship is rewarding.', reverse: false },
    { id: 'regret', label: 'I sometimes regret being in this relationship.', reverse: true },
  ],
  scale: { min: 0, max: 5, minLabel: 'Not at all true', maxLabel: 'Completely true' },
  scoring: { method: 'sum', maxMissing: 1 },
  range: { min: 0, max: 21 },
  higherIsBetter: true,
  clinicalCutoff: 13.5,
  reliableChange: 4.5,
  ...overrides,
});
const sixPoint = { min: 0, max: 6, minLabel: 'Extremely unhappy', maxLabel: 'Perfect' };
const input = (overrides: Record<string, unknown> = {}) => ({
  title: 'Relationship satisfaction (4 items)',
  description: 'Entered from the instrument’s published scoring.',
  kind: 'outcome',
  definition: definition(),
  ...overrides,
});

describe('measures /api/v1/measures', () => {
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

  async function clinicWith(role: 'therapist' | 'admin' = 'therapist'): Promise<{
    clinic: Clinic;
    staff: StaffUser;
    agent: Agent;
    csrfToken: string;
  }> {
    const clinic = await createClinic(db);
    const staff = await createStaff(db, clinic, { role });
    await setPassword(db, staff);
    const { agent, csrfToken } = await signIn(app, staff.email);
    return { clinic, staff, agent, csrfToken };
  }

  async function create(agent: Agent, csrfToken: string, overrides: Record<string, unknown> = {}) {
    const res = await agent.post('/api/v1/measures').set('x-csrf-token', csrfToken).send(input(overrides)).expect(201);
    return res.body as MeasureDetail;
  }

  const builtIn = (key: string) => db.getRepository(Measure).findOneByOrFail({ key, clinicId: IsNull() });
  const counts = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM measure)::int AS measures, (SELECT count(*) FROM measure_version)::int AS versions`,
      )
    )[0];

  describe('built-in measures', () => {
    it('are in every library, at their catalog version, in their own words', async () => {
      const { agent } = await clinicWith();
      const res = await agent.get('/api/v1/measures?source=builtin').expect(200);
      expect(res.body.total).toBe(BUILT_IN_MEASURES.length);
      const checkIn = (res.body.data as MeasureSummary[]).find((m) => m.key === TRUST_AND_CONNECTION_CHECK_IN.key);
      expect(checkIn).toEqual({
        id: expect.any(String),
        key: 'trust-and-connection',
        kind: 'outcome',
        title: TRUST_AND_CONNECTION_CHECK_IN.title,
        description: TRUST_AND_CONNECTION_CHECK_IN.description,
        source: 'builtin',
        currentVersion: TRUST_AND_CONNECTION_CHECK_IN.version,
        itemCount: 5,
        range: { min: 0, max: 50 },
        higherIsBetter: true,
        clinicalCutoff: null,
        reliableChange: null,
      });
      const detail = await agent.get(`/api/v1/measures/${checkIn?.id}`).expect(200);
      expect(detail.body.definition).toEqual(TRUST_AND_CONNECTION_CHECK_IN.definition);
      expect(detail.body.versions).toEqual([
        { version: 1, definition: TRUST_AND_CONNECTION_CHECK_IN.definition, createdAt: expect.any(String) },
      ]);
    });

    it('sync idempotently, add a bumped version beside the old one, and refuse a silent change', async () => {
      const before = await counts();
      await syncBuiltInMeasures(db);
      await syncBuiltInMeasures(db);
      expect(await counts()).toEqual(before);

      const checkOut = await builtIn(SESSION_CHECK_OUT.key);
      const reworded: BuiltInMeasure = {
        ...SESSION_CHECK_OUT,
        title: 'Session check-out (revised)',
        definition: {
          ...SESSION_CHECK_OUT.definition,
          items: SESSION_CHECK_OUT.definition.items.map((item) =>
            item.id === 'overall' ? { ...item, label: 'All in all, today was right for me.' } : item,
          ),
        },
      };
      // Same version, different words: past check-outs would no longer match their definition.
      await expect(syncBuiltInMeasures(db, [reworded])).rejects.toThrow(/session-check-out v1.*bump the version/);

      await syncBuiltInMeasures(db, [{ ...reworded, version: 2 }]);
      const versions = await db.getRepository(MeasureVersion).find({
        where: { measureId: checkOut.id },
        order: { version: 'ASC' },
      });
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      expect(versions[0].definition).toEqual(SESSION_CHECK_OUT.definition);
      expect(versions[1].definition).toEqual(reworded.definition);
      expect(await builtIn(SESSION_CHECK_OUT.key)).toMatchObject({
        id: checkOut.id,
        currentVersion: 2,
        title: 'Session check-out (revised)',
      });
      // An older release starting against the newer database never moves the current version back.
      await syncBuiltInMeasures(db, [SESSION_CHECK_OUT]);
      expect((await builtIn(SESSION_CHECK_OUT.key)).currentVersion).toBe(2);
    });

    it('cannot be versioned by a clinic (409), and nothing is written', async () => {
      const { agent, csrfToken } = await clinicWith('admin');
      const id = (await builtIn(TRUST_AND_CONNECTION_CHECK_IN.key)).id;
      const before = await counts();
      const res = await agent
        .post(`/api/v1/measures/${id}/versions`)
        .set('x-csrf-token', csrfToken)
        .send({ definition: definition() })
        .expect(409);
      expect(res.body.detail).toMatch(/Built-in measures cannot be changed/);
      expect(await counts()).toEqual(before);
    });
  });

  describe('a clinic’s own measures', () => {
    it('lets a therapist enter one at version 1, stored in canonical form, with an audit row', async () => {
      const { clinic, staff, agent, csrfToken } = await clinicWith();
      const typed = definition({ range: { max: 21, min: 0 } });
      const res = await agent
        .post('/api/v1/measures')
        .set('x-csrf-token', csrfToken)
        .send(input({ title: '  Satisfaction  ', definition: typed }))
        .expect(201);
      const body: MeasureDetail = res.body;
      expect(body).toMatchObject({
        title: 'Satisfaction',
        kind: 'outcome',
        key: null,
        source: 'clinic',
        currentVersion: 1,
        itemCount: 4,
        range: { min: 0, max: 21 },
        clinicalCutoff: 13.5,
        reliableChange: 4.5,
      });
      expect(body.versions).toHaveLength(1);
      expect(body.definition).toEqual(definition());

      const row = await db.getRepository(Measure).findOneByOrFail({ id: body.id });
      expect(row).toMatchObject({ clinicId: clinic.id, createdBy: staff.id, currentVersion: 1 });
      const audit = await db.getRepository(AuditEvent).findOneByOrFail({ recordId: body.id });
      expect(audit).toMatchObject({
        action: 'measure.create',
        outcome: 'success',
        recordType: 'measure',
        actorId: staff.id,
        clinicId: clinic.id,
        details: { version: 1 },
      });

      const mine = await agent.get('/api/v1/measures?source=clinic').expect(200);
      expect(mine.body).toEqual({ data: [expect.objectContaining({ id: body.id })], total: 1 });
    });

    it('lets an admin enter one too, as an alliance measure', async () => {
      const { agent, csrfToken } = await clinicWith('admin');
      const created = await create(agent, csrfToken, { kind: 'alliance' });
      expect(created.kind).toBe('alliance');
      const alliance = await agent.get('/api/v1/measures?kind=alliance').expect(200);
      expect(alliance.body.data.map((m: MeasureSummary) => m.id).sort()).toEqual(
        [created.id, (await builtIn(SESSION_CHECK_OUT.key)).id].sort(),
      );
    });

    it('refuses an inconsistent rule with a 400 naming the field, and writes nothing', async () => {
      const { agent, csrfToken } = await clinicWith();
      const before = await counts();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ range: { min: 0, max: 20 } }, ['definition.range.max']],
        [{ clinicalCutoff: 30 }, ['definition.clinicalCutoff']],
        [{ reliableChange: 25 }, ['definition.reliableChange']],
        [{ scoring: { method: 'sum', maxMissing: 4 } }, ['definition.scoring.maxMissing']],
        [{ scoring: { method: 'median', maxMissing: 0 } }, ['definition.scoring.method']],
        [
          {
            items: [
              { id: 'same', label: 'A', reverse: false },
              { id: 'same', label: 'B', reverse: 'no' },
            ],
          },
          ['definition.clinicalCutoff', 'definition.items.1.id', 'definition.items.1.reverse', 'definition.range.max'],
        ],
        [{ weights: [1, 2] }, ['definition.weights']],
      ];
      for (const [change, fields] of cases) {
        const res = await agent
          .post('/api/v1/measures')
          .set('x-csrf-token', csrfToken)
          .send(input({ definition: definition(change) }))
          .expect(400);
        expect(fieldsOf(res.body)).toEqual(fields);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
      const range = await agent
        .post('/api/v1/measures')
        .set('x-csrf-token', csrfToken)
        .send(input({ definition: definition({ range: { min: 0, max: 20 } }) }))
        .expect(400);
      expect(range.body.errors[0].message).toBe(
        'A sum of these items on their scales runs from 0 to 21, so the highest score is 21.',
      );
      expect(await counts()).toEqual(before);
    });

    it('refuses bad fields around the definition with a 400 naming each', async () => {
      const { agent, csrfToken } = await clinicWith();
      const before = await counts();
      const res = await agent
        .post('/api/v1/measures')
        .set('x-csrf-token', csrfToken)
        .send({ title: ' ', kind: 'mood', definition: [], clinicId: randomUUID(), description: 'x'.repeat(1001) })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['clinicId', 'definition', 'description', 'kind', 'title']);
      const missing = await agent.post('/api/v1/measures').set('x-csrf-token', csrfToken).send({}).expect(400);
      expect(fieldsOf(missing.body)).toEqual(['definition', 'kind', 'title']);
      expect(await counts()).toEqual(before);
    });

    it('is invisible to another clinic: 404 to read or version, and absent from its list', async () => {
      const a = await clinicWith();
      const b = await clinicWith('admin');
      const own = await create(a.agent, a.csrfToken);
      await b.agent.get(`/api/v1/measures/${own.id}`).expect(404);
      await b.agent
        .post(`/api/v1/measures/${own.id}/versions`)
        .set('x-csrf-token', b.csrfToken)
        .send({ definition: definition({ clinicalCutoff: 12.5 }) })
        .expect(404);
      const list = await b.agent.get('/api/v1/measures?perPage=100').expect(200);
      expect(list.body.data.map((m: MeasureSummary) => m.id)).not.toContain(own.id);
      expect(list.body.total).toBe(BUILT_IN_MEASURES.length);
      await a.agent.get(`/api/v1/measures/${randomUUID()}`).expect(404);
      await a.agent.get('/api/v1/measures/not-a-uuid').expect(404);
      expect((await db.getRepository(MeasureVersion).findBy({ measureId: own.id })).length).toBe(1);
    });

    it('searches, sorts and pages in two statements whatever the page size', async () => {
      const { agent, csrfToken } = await clinicWith();
      const word = `kiwi${randomUUID().slice(0, 6)}`;
      for (const n of [3, 1, 2]) await create(agent, csrfToken, { title: `${word} ${n}` });
      const found = await agent.get(`/api/v1/measures?q=${word.toUpperCase()}&sort=title&order=DESC`).expect(200);
      expect(found.body.data.map((m: MeasureSummary) => m.title)).toEqual([`${word} 3`, `${word} 2`, `${word} 1`]);
      expect(found.body.total).toBe(3);
      const paged = await agent.get(`/api/v1/measures?q=${word}&perPage=2&page=2`).expect(200);
      expect(paged.body).toEqual({ data: [expect.objectContaining({ title: `${word} 3` })], total: 3 });
      const wildcard = await agent.get(`/api/v1/measures?q=${encodeURIComponent('%')}`).expect(200);
      expect(wildcard.body.total).toBe(0);

      const small = await countQueries(() => agent.get('/api/v1/measures?perPage=1').expect(200));
      const large = await countQueries(() => agent.get('/api/v1/measures?perPage=100').expect(200));
      expect(large).toBe(small);
      const bad = await agent.get('/api/v1/measures?sort=items&kind=mood&source=x').expect(400);
      expect(fieldsOf(bad.body)).toEqual(['kind', 'sort', 'source']);
    });
  });

  describe('versions', () => {
    it('adds a version that new scores use, keeping the old one exactly as it was', async () => {
      const { clinic, staff, agent, csrfToken } = await clinicWith();
      const own = await create(agent, csrfToken);
      const v2 = definition({ clinicalCutoff: 12.5, scoring: { method: 'sum', maxMissing: 0 } });
      const res = await agent
        .post(`/api/v1/measures/${own.id}/versions`)
        .set('x-csrf-token', csrfToken)
        .send({ definition: v2 })
        .expect(201);
      const body: MeasureDetail = res.body;
      expect(body.currentVersion).toBe(2);
      expect(body.clinicalCutoff).toBe(12.5);
      expect(body.definition.scoring.maxMissing).toBe(0);
      expect(body.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(body.versions[1].definition).toEqual(own.definition);

      const audit = await db
        .getRepository(AuditEvent)
        .findOneByOrFail({ recordId: own.id, action: 'measure.version_create' });
      expect(audit).toMatchObject({ actorId: staff.id, clinicId: clinic.id, details: { version: 2 } });

      // The same definition again is nothing to version.
      const same = await agent
        .post(`/api/v1/measures/${own.id}/versions`)
        .set('x-csrf-token', csrfToken)
        .send({ definition: v2 })
        .expect(409);
      expect(same.body.detail).toMatch(/version 2 already says exactly this/);

      // An inconsistent one is a 400 naming the field; the current version stays.
      const bad = await agent
        .post(`/api/v1/measures/${own.id}/versions`)
        .set('x-csrf-token', csrfToken)
        .send({ definition: definition({ reliableChange: -1 }) })
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['definition.reliableChange']);
      const after = await agent.get(`/api/v1/measures/${own.id}`).expect(200);
      expect(after.body.currentVersion).toBe(2);
      expect(after.body.versions).toHaveLength(2);
    });

    it('are final in the database too: no update or delete of a stored version', async () => {
      const { agent, csrfToken } = await clinicWith();
      const own = await create(agent, csrfToken);
      await expect(
        db.query(`UPDATE measure_version SET definition = '{}'::jsonb WHERE measure_id = $1`, [own.id]),
      ).rejects.toThrow(/cannot be changed or deleted/);
      await expect(db.query(`DELETE FROM measure_version WHERE measure_id = $1`, [own.id])).rejects.toThrow(
        /cannot be changed or deleted/,
      );
    });

    it('serialize: two versions added at once get 2 and 3, never two 2s', async () => {
      const { agent, csrfToken } = await clinicWith();
      const own = await create(agent, csrfToken);
      const results = await Promise.all(
        [12.5, 11.5].map((cutoff) =>
          agent
            .post(`/api/v1/measures/${own.id}/versions`)
            .set('x-csrf-token', csrfToken)
            .send({ definition: definition({ clinicalCutoff: cutoff }) }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201]);
      const versions = await db.getRepository(MeasureVersion).findBy({ measureId: own.id });
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3]);
    });
  });

  describe('preview', () => {
    it('scores sample answers with reverse items, own scales and prorating, saving nothing', async () => {
      const { agent, csrfToken } = await clinicWith();
      const before = await counts();
      const res = await agent
        .post('/api/v1/measures/preview')
        .set('x-csrf-token', csrfToken)
        .send({ definition: definition(), answers: { happy: 6, warm: 4, regret: 1 } })
        .expect(200);
      // happy 6, warm 4, regret 0 + 5 − 1 = 4; rewarding missing: mean 14/3 × 4 = 18.67.
      expect(res.body).toEqual({
        score: 18.67,
        itemScores: { happy: 6, warm: 4, regret: 4 },
        answeredCount: 3,
        missingItemIds: ['rewarding'],
        prorated: true,
        band: 'non_clinical',
        range: { min: 0, max: 21 },
      });
      const low = await agent
        .post('/api/v1/measures/preview')
        .set('x-csrf-token', csrfToken)
        .send({ definition: definition(), answers: { happy: 2, warm: 2, rewarding: 3, regret: 4 } })
        .expect(200);
      expect(low.body).toMatchObject({ score: 8, band: 'clinical', prorated: false });
      const tooFew = await agent
        .post('/api/v1/measures/preview')
        .set('x-csrf-token', csrfToken)
        .send({ definition: definition(), answers: { happy: 2, regret: null } })
        .expect(200);
      expect(tooFew.body).toMatchObject({ score: null, band: null, missingItemIds: ['warm', 'rewarding', 'regret'] });
      expect(await counts()).toEqual(before);
    });

    it('refuses an inconsistent rule or answers that do not fit, naming the field', async () => {
      const { agent, csrfToken } = await clinicWith();
      const rule = await agent
        .post('/api/v1/measures/preview')
        .set('x-csrf-token', csrfToken)
        .send({ definition: definition({ clinicalCutoff: 0 }), answers: {} })
        .expect(400);
      expect(fieldsOf(rule.body)).toEqual(['definition.clinicalCutoff']);
      const answers = await agent
        .post('/api/v1/measures/preview')
        .set('x-csrf-token', csrfToken)
        .send({ definition: definition(), answers: { happy: 7, warm: 5, nope: 1, regret: 'a lot' } })
        .expect(400);
      expect(answers.body.errors).toEqual([
        { field: 'answers.happy', message: 'Answer with a whole number from 0 to 6, or null to skip the item.' },
        { field: 'answers.nope', message: 'No item of this measure has this id.' },
        { field: 'answers.regret', message: 'Answer with a whole number from 0 to 5, or null to skip the item.' },
      ]);
      const shape = await agent
        .post('/api/v1/measures/preview')
        .set('x-csrf-token', csrfToken)
        .send({ definition: 'x', answers: [1] })
        .expect(400);
      expect(fieldsOf(shape.body)).toEqual(['answers', 'definition']);
    });

    it('needs a signed-in staff member and the CSRF token', async () => {
      const { agent } = await clinicWith();
      await agent.post('/api/v1/measures/preview').send({ definition: definition(), answers: {} }).expect(403);
    });
  });
});
