import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { Exercise, Measure, mintSecretToken } from '@trellis/data';
import { PARTNER_ATTENDANCES } from '@trellis/contracts';
import { createAssignment, createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

/**
 * Property-based bad input over every write endpoint: wrong types, missing fields, huge strings,
 * deep JSON, unicode edge cases, SQL and HTML fragments, impossible dates. Every route also gets the
 * classes that once were 500s: text PostgreSQL cannot store (NUL, lone UTF-16 surrogates) in any
 * field or nested string, date strings an ISO 8601 validator accepts but PostgreSQL or `new Date()`
 * cannot read the same way, and JSON nested thousands deep. Every answer must be a
 * 4xx problem+json naming a field (never a 500, never a stack trace), and the clinical tables must
 * hold exactly what they held before.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const nasty = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE couple; --",
    '<script>alert(1)</script>',
    '\u0000',
    '\uD800',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '‮rtl',
    '%s%s%s',
    '../../etc/passwd',
    '{{7*7}}',
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 3 }),
);
const huge = fc.integer({ min: 5_000, max: 60_000 }).map((n) => 'x'.repeat(n));
const badDate = fc.constantFrom(
  'tomorrow',
  '2026-13-45',
  '0000-00-00T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '',
  'NaN',
  '2026-02-30',
);
// The look-alike ISO 8601 forms: week and ordinal dates, expanded years, basic format, hour-only
// times, no offset, a space, 24:00, leap seconds, impossible offsets, year 0, sub-millisecond digits.
const oddDate = fc.oneof(
  fc.constantFrom(
    '2026-W52-1',
    '2026-W52',
    '2026-365',
    '+2026-12-31T10:00:00Z',
    '-002026-12-31T10:00:00Z',
    '+002026-12-31',
    '20261231',
    '20261231T100000Z',
    '2026-12-31T10',
    '2026-12-31T10Z',
    '2026-12-31T10:00:00',
    '2026-12-31 10:00:00Z',
    '2026-12-31T24:00:00Z',
    '2026-12-31T23:59:60Z',
    '2026-12-31T10:00:00+15:00',
    '2026-12-31T10:00:00+0200',
    '2026-12-31T10:00:00.1234567Z',
    '0000-01-01T00:00:00Z',
    '2026-12',
    '2026',
    '2026-02-29',
    '2026-12-31T10:00:00Z ',
    '2026-12-31T10:00:00ZZ',
  ),
  // Valid instants written in the forms above.
  fc
    .date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .chain((d) => {
      const iso = d.toISOString();
      return fc.constantFrom(
        `+00${iso}`,
        iso.slice(0, 13),
        iso.slice(0, 19),
        iso.slice(0, 10).replace(/-/g, ''),
        iso.replace(/[-:]/g, '').replace(/\.\d+/, ''),
        `${iso.slice(0, 19)}.000001Z`,
      );
    }),
);
const anyBadDate = fc.oneof(badDate, oddDate);
// Text with a NUL or an unpaired surrogate somewhere in it (JSON carries both as \u escapes).
const unstorable = fc
  .tuple(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000\u0000', '\uDC00\uD800'),
    fc.string({ maxLength: 10 }),
  )
  .map(([a, bad, b]) => `${a}${bad}${b}`);

/** A valid measure definition: two 0–10 items, one reversed, scored by mean. */
const measureDefinition = {
  instructions: 'Think about this week.',
  items: [
    { id: 'close', label: 'I felt close.', reverse: false },
    { id: 'held-back', label: 'I held back.', reverse: true },
  ],
  scale: { min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' },
  scoring: { method: 'mean', maxMissing: 1 },
  range: { min: 0, max: 10 },
  higherIsBetter: true,
  clinicalCutoff: 5,
  reliableChange: 2,
};

/** A value nested thousands deep: written into the JSON text, since JSON.stringify itself overflows. */
class DeepJson {
  constructor(
    readonly depth: number,
    readonly kind: 'array' | 'object',
  ) {}
  text(): string {
    return this.kind === 'array'
      ? `${'['.repeat(this.depth)}1${']'.repeat(this.depth)}`
      : `${'{"a":'.repeat(this.depth)}1${'}'.repeat(this.depth)}`;
  }
}
const veryDeep = fc
  .tuple(fc.integer({ min: 1_000, max: 6_000 }), fc.constantFrom('array' as const, 'object' as const))
  .map(([depth, kind]) => new DeepJson(depth, kind));
function serialize(payload: unknown): string {
  const deepOnes: DeepJson[] = [];
  const text = JSON.stringify(payload, (_key, value) =>
    value instanceof DeepJson ? `@@deep${deepOnes.push(value) - 1}@@` : value,
  );
  return text.replace(/"@@deep(\d+)@@"/g, (_m, i) => deepOnes[Number(i)].text());
}

/** The paths of every string in a valid body, so hostile text can go anywhere, nested fields included. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, Array.isArray(value) ? Number(k) : k]));
}
function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = setAt(copy[head], rest, leaf);
  return copy;
}

const deep = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { nested: value };
  return value;
});

// Section maps that can never be valid: keys no note format has, or values that are not text.
const notSections = fc.oneof(
  fc.constantFrom('plan; DROP TABLE x', '<b>subjective</b>', 'Subjective', 'body ').map((key) => ({ [key]: 'x' })),
  fc
    .oneof(
      wrongType.filter((v) => v !== null && typeof v !== 'object'),
      fc.integer({ min: 20_001, max: 40_000 }).map((n) => 'x'.repeat(n)),
    )
    .map((value) => ({ plan: value })),
);

/**
 * A valid body with one field replaced by something invalid for it, a required field left out, or
 * an unknown (or tenant) field added.
 */
function mutate(
  valid: Record<string, unknown>,
  invalidFor: Record<string, fc.Arbitrary<unknown>>,
  required: string[] = [],
) {
  const fields = Object.keys(invalidFor);
  const textPaths = stringPaths(valid);
  return fc.oneof(
    // Every route: unstorable text in a valid string (nested ones too) or in place of any field…
    ...(textPaths.length
      ? [fc.tuple(fc.constantFrom(...textPaths), unstorable).map(([path, text]) => setAt(valid, path, text))]
      : []),
    fc.tuple(fc.constantFrom(...fields), unstorable).map(([field, text]) => ({ ...valid, [field]: text })),
    // …and thousands-deep JSON in any field, or under a key of its own.
    fc.tuple(fc.constantFrom(...fields, 'deep'), veryDeep).map(([field, value]) => ({ ...valid, [field]: value })),
    fc
      .tuple(fc.constantFrom(...fields), fc.constant(null))
      .chain(([field]) => invalidFor[field].map((value) => ({ ...valid, [field]: value }))),
    ...(required.length
      ? [
          fc
            .constantFrom(...required)
            .map((field) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== field))),
        ]
      : []),
    fc
      .tuple(
        fc.constantFrom('clinicId', 'therapistId', 'role', 'id', '__proto__', 'constructor'),
        fc.oneof(nasty, wrongType),
      )
      .map(([k, v]) => ({ ...valid, [k]: v })),
  );
}

describe('bad input never becomes a 500 or a half-written record', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let therapist: Awaited<ReturnType<typeof signIn>>;
  let ids: {
    couple: string;
    assignment: string;
    note: string;
    exercise: string;
    staff: string;
    builtIn: string;
    promptId: string;
    measure: string;
    schedule: string;
    checkInToken: string;
    checkInItem: string;
    agreement: string;
    agreementToken: string;
    session: string;
    series: string;
    program: string;
    builtInProgram: string;
    pendingSteps: string[];
  };
  let partnerAgent: ReturnType<typeof request.agent>;

  const snapshot = async () =>
    (
      await db.query(
        `SELECT (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM couple t) AS couples,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM client t) AS clients,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM assignment t) AS assignments,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM homework_response t) AS responses,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM session_note t) AS notes,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM session t) AS sessions,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM exercise t) AS exercises,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM measure t) AS measures,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM measure_version t) AS measure_versions,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM staff_user t) AS staff,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM check_in_schedule t) AS schedules,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM check_in t) AS check_ins,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM measure_response t) AS measure_responses,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM clinic t) AS clinics,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM safety_pause t) AS safety_pauses,
                (SELECT count(*) FROM safety_flag) AS safety_flags,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM api_token t) AS api_tokens,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM assignment_series t) AS series,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM program t) AS programs,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM couple_program t) AS couple_programs,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM couple_program_step t) AS program_steps,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM agreement t) AS agreements,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM agreement_version t) AS agreement_versions,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM agreement_review t) AS agreement_reviews,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM agreement_confirmation t) AS agreement_confirmations,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.couple_id), '')) FROM agreement_rhythm t) AS agreement_rhythms,
                (SELECT count(*) FROM agreement_confirmation_request) AS agreement_confirmation_requests,
                (SELECT count(*) FROM outbox) AS outbox`,
      )
    )[0];

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    const clinic = await createClinic(db);
    const a = await createStaff(db, clinic, { role: 'admin' });
    const t = await createStaff(db, clinic);
    await setPassword(db, a);
    await setPassword(db, t);
    admin = await signIn(app, a.email);
    therapist = await signIn(app, t.email);
    const { couple, partners } = await createCouple(db, clinic, t);
    const assignment = await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() + 3 * 864e5) });
    const note = await therapist.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', therapist.csrfToken)
      .send({ format: 'soap', sessionDate: '2026-11-20', sections: {} })
      .expect(201);
    const session = await therapist.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', therapist.csrfToken)
      .send({ startsAt: new Date(Date.now() + 4 * 864e5).toISOString() })
      .expect(201);
    const builtIn = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'empathy' });
    const series = await therapist.agent
      .post('/api/v1/assignment-series')
      .set('x-csrf-token', therapist.csrfToken)
      .send({
        coupleId: couple.id,
        exerciseId: builtIn.id,
        rhythm: 'weekly',
        dueTime: '18:00',
        startsOn: '2027-03-01',
        count: 3,
      })
      .expect(201);
    const exercise = await therapist.agent
      .post(`/api/v1/exercises/${builtIn.id}/duplicate`)
      .set('x-csrf-token', therapist.csrfToken)
      .expect(201);
    const measure = await therapist.agent
      .post('/api/v1/measures')
      .set('x-csrf-token', therapist.csrfToken)
      .send({ title: 'Closeness', kind: 'outcome', definition: measureDefinition })
      .expect(201);
    // The partner's side: a homework link session on the assignment.
    const { token, hash } = mintSecretToken();
    await db.query(
      `UPDATE homework_response SET link_token_hash = $1, link_expires_at = now() + interval '1 day' WHERE assignment_id = $2 AND client_id = $3`,
      [hash, assignment.id, partners[0].id],
    );
    partnerAgent = request.agent(app.getHttpServer());
    await partnerAgent.post('/api/v1/homework/session').set('x-homework-csrf', '1').send({ token }).expect(200);
    const view = await partnerAgent.get('/api/v1/homework/current').expect(200);
    // A check-in schedule on the built-in check-out, and one partner's open check-in link on it.
    const checkOut = await db.getRepository(Measure).findOneByOrFail({ clinicId: IsNull(), key: 'session-check-out' });
    const schedule = await therapist.agent
      .post(`/api/v1/couples/${couple.id}/check-in-schedules`)
      .set('x-csrf-token', therapist.csrfToken)
      .send({ measureId: checkOut.id, kind: 'after_session', hours: 2 })
      .expect(201);
    const checkInLink = mintSecretToken();
    await db.query(
      `INSERT INTO check_in (clinic_id, couple_id, client_id, schedule_id, measure_version_id, occurrence,
         link_token_hash, link_expires_at)
       SELECT $1, $2, $3, $4, v.id, 'once', $5, now() + interval '1 day'
       FROM measure_version v WHERE v.measure_id = $6 AND v.version = 1`,
      [clinic.id, couple.id, partners[0].id, schedule.body.id, checkInLink.hash, checkOut.id],
    );
    const checkInForm = await request(app.getHttpServer())
      .post('/api/v1/check-ins/link')
      .send({ token: checkInLink.token })
      .expect(200);
    // An agreement, and one partner's open weekly review link.
    const agreement = await therapist.agent
      .post(`/api/v1/couples/${couple.id}/agreements`)
      .set('x-csrf-token', therapist.csrfToken)
      .send({ text: 'We share plans for the evening by 6 pm' })
      .expect(201);
    const reviewLink = mintSecretToken();
    await db.query(
      `INSERT INTO agreement_review_request (clinic_id, couple_id, client_id, week_of, link_token_hash, link_expires_at)
       VALUES ($1, $2, $3, current_date, $4, now() + interval '1 day')`,
      [clinic.id, couple.id, partners[0].id, reviewLink.hash],
    );
    ids = {
      agreement: agreement.body.id,
      agreementToken: reviewLink.token,
      promptId: view.body.prompts[0].id,
      couple: couple.id,
      assignment: assignment.id,
      note: note.body.id,
      exercise: exercise.body.id,
      staff: t.id,
      builtIn: builtIn.id,
      measure: measure.body.id,
      schedule: schedule.body.id,
      checkInToken: checkInLink.token,
      checkInItem: checkInForm.body.items[0].id,
      session: session.body.data[0].id,
      series: series.body.id,
      program: '',
      builtInProgram: (await db.query(`SELECT id FROM program WHERE key = 'trust-repair'`))[0].id,
      pendingSteps: [],
    };
    // The clinic's own program, and the couple on the built-in one (its later steps not yet open).
    const program = await therapist.agent
      .post('/api/v1/programs')
      .set('x-csrf-token', therapist.csrfToken)
      .send({ title: 'Ours', steps: [{ title: 'Talk', kind: 'discuss', opensWhen: 'reviewed' }] })
      .expect(201);
    ids.program = program.body.id;
    const enrolled = await therapist.agent
      .post(`/api/v1/couples/${couple.id}/program`)
      .set('x-csrf-token', therapist.csrfToken)
      .send({ programId: ids.builtInProgram })
      .expect(201);
    ids.pendingSteps = enrolled.body.enrolment.steps
      .filter((step: { status: string }) => step.status === 'pending')
      .map((step: { id: string }) => step.id);
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  const partner = { name: 'Alex', email: 'alex@example.test', timezone: 'UTC', emailConsent: true };
  // A definition with one part replaced by something no part of a definition can be.
  const notAPart = fc.oneof(
    fc.integer(),
    fc.string({ maxLength: 20 }),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  );
  const badDefinition = fc.oneof(
    wrongType,
    deep,
    fc
      .tuple(fc.constantFrom('items', 'scale', 'scoring', 'range', 'higherIsBetter'), notAPart)
      .map(([part, value]) => ({ ...measureDefinition, [part]: value })),
    fc
      .tuple(fc.constantFrom('clinicalCutoff', 'reliableChange'), fc.oneof(fc.constantFrom(-5, 0, 11, 1e9), nasty))
      .map(([part, value]) => ({ ...measureDefinition, [part]: value })),
    fc.constantFrom(-1, 2, 1.5).map((maxMissing) => ({ ...measureDefinition, scoring: { method: 'sum', maxMissing } })),
  );
  const programStep = { title: 'Talk about the week', kind: 'discuss', opensWhen: 'reviewed', dueInDays: 7 };
  const badSteps = fc.oneof(
    wrongType,
    fc.constant([]),
    fc.constant(Array.from({ length: 41 }, () => programStep)),
    fc.constantFrom(
      [{ ...programStep, kind: 'exercise' }],
      [{ ...programStep, kind: 'video' }],
      [{ ...programStep, opensWhen: 'after_sessions' }],
      [{ ...programStep, afterSessions: 2 }],
      [{ ...programStep, exerciseId: '00000000-0000-4000-8000-000000000000' }],
      [{ ...programStep, kind: 'check_in' }],
      [{ ...programStep, kind: 'check_in', measureId: '00000000-0000-4000-8000-000000000000' }],
      [{ ...programStep, measureId: '00000000-0000-4000-8000-000000000001' }],
      [{ ...programStep, dueInDays: 0 }],
      [{ ...programStep, title: '' }],
      [programStep, 'step'],
    ),
  );
  const cases = () => [
    {
      route: 'POST /api/v1/programs',
      as: therapist,
      body: mutate(
        { title: 'Our path', description: 'Slowly.', steps: [programStep] },
        { title: fc.oneof(wrongType, huge, fc.constant('')), description: fc.oneof(wrongType, huge), steps: badSteps },
        ['title', 'steps'],
      ),
    },
    {
      route: `PATCH /api/v1/programs/${ids.program}`,
      as: therapist,
      body: mutate(
        { title: 'Renamed' },
        {
          title: fc.oneof(wrongType, huge, fc.constant('')),
          steps: badSteps,
          archived: fc.oneof(nasty, fc.integer(), fc.constant(null), fc.constant('true')),
        },
      ),
    },
    {
      route: `POST /api/v1/couples/${ids.couple}/program`,
      as: therapist,
      body: mutate(
        { programId: ids.builtInProgram },
        { programId: fc.oneof(nasty, wrongType, fc.constant('00000000-0000-4000-8000-000000000000')) },
        ['programId'],
      ),
    },
    {
      route: `PATCH /api/v1/couples/${ids.couple}/program`,
      as: therapist,
      body: mutate(
        { status: 'paused' },
        { status: fc.oneof(nasty, wrongType, fc.constantFrom('completed', 'pending')) },
        ['status'],
      ),
    },
    {
      route: `POST /api/v1/couples/${ids.couple}/program/steps`,
      as: therapist,
      body: mutate(
        programStep,
        {
          title: fc.oneof(wrongType, huge, fc.constant('')),
          kind: fc.oneof(nasty, wrongType, fc.constant('exercise')),
          exerciseId: fc.oneof(nasty, fc.integer(), fc.constant(ids.builtIn)),
          measureId: fc.oneof(nasty, fc.integer(), fc.constant('00000000-0000-4000-8000-000000000000')),
          opensWhen: fc.oneof(nasty, wrongType),
          afterSessions: fc.oneof(nasty, fc.constantFrom(0, 13, 2.5, '1', 1)),
          dueInDays: fc.oneof(nasty, fc.constantFrom(0, 61, 1.5, '7', null)),
          beforeStepId: fc.oneof(nasty, wrongType, fc.constant('00000000-0000-4000-8000-000000000000')),
        },
        ['title', 'kind', 'opensWhen'],
      ),
    },
    {
      route: `POST /api/v1/couples/${ids.couple}/program/reorder`,
      as: therapist,
      body: mutate(
        { stepIds: ids.pendingSteps },
        {
          stepIds: fc.oneof(
            wrongType,
            fc.constant([]),
            fc.constant(ids.pendingSteps.slice(1)),
            fc.constant([...ids.pendingSteps, ids.pendingSteps[0]]),
            fc.constant(['00000000-0000-4000-8000-000000000000']),
          ),
        },
        ['stepIds'],
      ),
    },
    {
      route: 'POST /api/v1/couples',
      as: therapist,
      body: mutate(
        {
          displayName: 'A & B',
          nextSessionAt: '2026-12-01T10:00:00Z',
          partners: [partner, { ...partner, name: 'Sam' }],
        },
        {
          displayName: fc.oneof(wrongType, huge, fc.constant('')),
          nextSessionAt: fc.oneof(anyBadDate, wrongType),
          partners: fc.oneof(
            wrongType,
            deep,
            fc.array(
              fc.record({ name: fc.oneof(wrongType, huge), email: nasty, timezone: nasty, emailConsent: wrongType }),
              { maxLength: 4 },
            ),
          ),
        },
        ['displayName', 'partners'],
      ),
    },
    {
      route: `PATCH /api/v1/couples/${ids.couple}`,
      as: therapist,
      body: mutate(
        { displayName: 'A & B' },
        {
          displayName: fc.oneof(wrongType, huge, fc.constant('')),
          status: nasty,
          nextSessionAt: anyBadDate,
          phase: fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constantFrom('Rebuilding', 'healed', '')),
          partners: fc.oneof(
            wrongType,
            deep,
            fc
              .tuple(fc.constantFrom(1, 2), fc.oneof(nasty, wrongType, fc.constantFrom('Hurt', 'victim', '')))
              .map(([position, role]) => [{ position, role }]),
          ),
        },
      ),
    },
    {
      route: 'POST /api/v1/assignments',
      as: therapist,
      body: mutate(
        { exerciseId: ids.builtIn, coupleIds: [ids.couple], dueAt: '2030-01-01T10:00:00Z' },
        {
          exerciseId: fc.oneof(nasty, wrongType),
          coupleIds: fc.oneof(wrongType, fc.array(nasty, { minLength: 1, maxLength: 3 })),
          dueAt: fc.oneof(anyBadDate, wrongType),
          // With dueAt also given (the base body), any value is refused: never both.
          dueBeforeSessionHours: fc.oneof(fc.constantFrom(-1, 1.5, 337, 1e9, 24), nasty),
          message: fc.oneof(huge, wrongType),
          shareAnswersAfterBoth: nasty,
        },
        ['exerciseId', 'coupleIds', 'dueAt'],
      ),
    },
    {
      route: `PATCH /api/v1/assignments/${ids.assignment}`,
      as: therapist,
      body: mutate(
        { message: 'hello' },
        { message: fc.oneof(huge, wrongType), dueAt: fc.oneof(anyBadDate, wrongType) },
      ),
    },
    {
      route: `POST /api/v1/couples/${ids.couple}/notes`,
      as: therapist,
      body: mutate(
        { format: 'soap', sessionDate: '2026-11-20', sections: { plan: 'x' } },
        {
          format: nasty,
          sessionDate: fc.oneof(anyBadDate, wrongType),
          sections: fc.oneof(
            wrongType,
            deep,
            veryDeep,
            unstorable.map((text) => ({ plan: text })),
            fc.record({
              plan: fc.oneof(
                huge.map((s) => s.repeat(1)),
                wrongType,
              ),
            }),
            notSections,
          ),
        },
        ['format', 'sessionDate', 'sections'],
      ),
    },
    {
      route: `POST /api/v1/couples/${ids.couple}/sessions`,
      as: therapist,
      body: mutate(
        {
          startsAt: '2027-03-01T10:00:00Z',
          durationMinutes: 50,
          location: 'Room 1',
          frequency: 'weekly',
          occurrences: 3,
        },
        {
          startsAt: fc.oneof(anyBadDate, wrongType),
          durationMinutes: fc.oneof(fc.constantFrom(0, 14, 241, 50.5, -50, 1e9), nasty),
          location: fc.oneof(huge, fc.integer(), fc.boolean()),
          videoUrl: fc.oneof(
            nasty,
            fc.constantFrom('http://meet.example.test/x', 'javascript:alert(1)'),
            wrongType.filter((v) => v !== null),
          ),
          frequency: fc.oneof(nasty, fc.constantFrom('daily', 'monthly'), wrongType),
          occurrences: fc.oneof(fc.constantFrom(0, 1, 53, 2.5, -3), nasty),
        },
        ['startsAt', 'frequency', 'occurrences'],
      ),
    },
    {
      route: 'POST /api/v1/assignment-series',
      as: therapist,
      body: mutate(
        {
          coupleId: ids.couple,
          exerciseId: ids.builtIn,
          rhythm: 'weekdays',
          weekdays: [1, 3],
          dueTime: '18:00',
          startsOn: '2027-03-01',
          count: 6,
          message: 'Ten minutes together',
          shareAnswersAfterBoth: true,
        },
        {
          coupleId: fc.oneof(nasty, wrongType),
          exerciseId: fc.oneof(nasty, wrongType),
          rhythm: fc.oneof(nasty, fc.constantFrom('daily', 'monthly', 'WEEKLY'), wrongType),
          weekdays: fc.oneof(nasty, fc.constantFrom([], [7], [-1], [1, 1], ['mon'], [1.5], [0, 1, 2, 3, 4, 5, 6, 0])),
          dueTime: fc.oneof(nasty, fc.constantFrom('24:00', '7:30', '18:00:00', '6pm', ''), wrongType),
          startsOn: fc.oneof(anyBadDate, wrongType, fc.constant('2020-01-06')),
          count: fc.oneof(fc.constantFrom(0, 105, 2.5, -1, 1e9), nasty),
          endsOn: fc.oneof(anyBadDate, fc.constant('2027-06-01')),
          message: fc.oneof(huge, wrongType),
          shareAnswersAfterBoth: fc.oneof(nasty, fc.integer(), fc.constant(null)),
        },
        ['coupleId', 'exerciseId', 'rhythm', 'weekdays', 'dueTime', 'startsOn', 'count'],
      ),
    },
    {
      route: `PATCH /api/v1/assignment-series/${ids.series}`,
      as: therapist,
      body: mutate(
        { dueTime: '19:30', message: 'Evenings now' },
        {
          rhythm: fc.oneof(nasty, fc.constantFrom('daily', 'weekdays'), wrongType),
          weekdays: fc.oneof(nasty, fc.constantFrom([], [7], [1, 1], ['mon'])),
          dueTime: fc.oneof(nasty, fc.constantFrom('24:00', '7:30'), wrongType),
          startsOn: fc.oneof(anyBadDate, wrongType),
          count: fc.oneof(fc.constantFrom(0, 105, 2.5), nasty),
          endsOn: fc.oneof(anyBadDate, wrongType),
          message: fc.oneof(huge, wrongType),
        },
      ),
    },
    {
      route: `PATCH /api/v1/sessions/${ids.session}`,
      as: therapist,
      body: mutate(
        { startsAt: '2027-03-02T10:00:00Z', scope: 'following' },
        {
          startsAt: fc.oneof(anyBadDate, wrongType),
          durationMinutes: fc.oneof(fc.constantFrom(0, 14, 241, 50.5), nasty),
          location: fc.oneof(huge, fc.integer(), fc.boolean()),
          videoUrl: fc.oneof(nasty, fc.constantFrom('ftp://x.test/'), fc.integer()),
          scope: fc.oneof(nasty, fc.constantFrom('all', 'previous'), wrongType),
        },
      ),
    },
    {
      route: `POST /api/v1/sessions/${ids.session}/cancel`,
      as: therapist,
      body: mutate(
        { reason: 'Partner unwell', scope: 'this' },
        { reason: fc.oneof(huge, wrongType, fc.constant('   ')), scope: fc.oneof(nasty, wrongType) },
        ['reason'],
      ),
    },
    {
      route: `POST /api/v1/sessions/${ids.session}/outcome`,
      as: therapist,
      body: fc.oneof(
        mutate(
          { status: 'held', partner1: 'attended', partner2: 'late' },
          {
            status: fc.oneof(nasty, fc.constantFrom('scheduled', 'cancelled'), wrongType),
            partner1: fc.oneof(nasty, wrongType),
            partner2: fc.oneof(nasty, wrongType),
          },
          ['status', 'partner1', 'partner2'],
        ),
        // Well-formed values that break the attendance rule rather than the DTO: nobody at a held
        // session, or someone at a no-show.
        fc
          .tuple(
            fc.constantFrom('held', 'no_show'),
            fc.constantFrom(...PARTNER_ATTENDANCES, undefined),
            fc.constantFrom(...PARTNER_ATTENDANCES, undefined),
          )
          .filter(([status, p1, p2]) =>
            status === 'held'
              ? p1 === 'absent' && p2 === 'absent'
              : [p1, p2].some((p) => p !== undefined && p !== 'absent'),
          )
          .map(([status, partner1, partner2]) => ({ status, partner1, partner2 })),
      ),
      // Every 400 names a field the request has, never one of the server's own ("attendance").
      fields: ['status', 'partner1', 'partner2'],
    },
    {
      route: `PATCH /api/v1/notes/${ids.note}`,
      as: therapist,
      body: mutate(
        { sessionDate: '2026-11-21' },
        {
          sessionDate: fc.oneof(anyBadDate, wrongType),
          sections: fc.oneof(
            wrongType,
            deep,
            notSections,
            unstorable.map((text) => ({ subjective: text })),
          ),
        },
      ),
    },
    {
      route: 'POST /api/v1/exercises',
      as: therapist,
      body: mutate(
        { title: 'T', strategy: 'empathy', purpose: 'P', instructions: 'I', estimatedMinutes: 5, prompts: [] },
        {
          title: fc.oneof(wrongType, huge),
          strategy: nasty,
          purpose: fc.oneof(wrongType, huge),
          instructions: wrongType,
          estimatedMinutes: fc.oneof(fc.constantFrom(-1, 0, 1e9, 1.5), wrongType),
          prompts: fc.oneof(wrongType, deep, fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 8 })),
          phase: fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constantFrom('crisis', 'Moving on')),
          coercionSensitive: fc.oneof(nasty, fc.integer(), fc.constant(null), fc.constantFrom('true', 'yes')),
        },
        ['title', 'strategy', 'purpose', 'instructions', 'estimatedMinutes', 'prompts'],
      ),
    },
    {
      route: `PATCH /api/v1/exercises/${ids.exercise}`,
      as: therapist,
      body: mutate(
        { title: 'T' },
        {
          title: fc.oneof(wrongType, huge, fc.constant('')),
          prompts: fc.oneof(wrongType, deep, fc.array(fc.anything({ maxDepth: 3 }), { minLength: 1, maxLength: 8 })),
          phase: fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constantFrom('crisis', 'Moving on')),
          coercionSensitive: fc.oneof(nasty, fc.integer(), fc.constant(null), fc.constantFrom('true', 'yes')),
        },
      ),
    },
    {
      route: 'POST /api/v1/measures',
      as: therapist,
      body: mutate(
        { title: 'Closeness', description: 'Weekly.', kind: 'outcome', definition: measureDefinition },
        {
          title: fc.oneof(wrongType, huge, fc.constant('')),
          description: fc.oneof(fc.integer(), fc.boolean(), huge),
          kind: nasty,
          definition: badDefinition,
        },
        ['title', 'kind', 'definition'],
      ),
    },
    {
      route: `POST /api/v1/measures/${ids.measure}/versions`,
      as: therapist,
      body: mutate({ definition: { ...measureDefinition, clinicalCutoff: 6 } }, { definition: badDefinition }, [
        'definition',
      ]),
    },
    {
      route: 'POST /api/v1/measures/preview',
      as: therapist,
      body: mutate(
        { definition: measureDefinition, answers: { close: 3, 'held-back': null } },
        {
          definition: badDefinition,
          answers: fc.oneof(
            wrongType,
            deep,
            fc.record({ close: fc.oneof(fc.constantFrom(-1, 11, 2.5, '3', true), nasty) }),
          ),
        },
        ['definition', 'answers'],
      ),
    },
    {
      route: `POST /api/v1/couples/${ids.couple}/check-in-schedules`,
      as: therapist,
      body: mutate(
        { measureId: ids.measure, kind: 'weekly', weekday: 2, localTime: '09:00', shareWithPartner: false },
        {
          measureId: fc.oneof(nasty, wrongType),
          kind: fc.oneof(nasty, wrongType),
          weekday: fc.oneof(fc.constantFrom(0, 8, 1.5, '2'), nasty, wrongType),
          localTime: fc.oneof(fc.constantFrom('24:00', '9:00', '09:60', '09:00:00'), nasty, wrongType),
          shareWithPartner: fc.oneof(nasty, fc.integer(), fc.constant('true')),
          hours: fc.oneof(fc.constantFrom(0, 2, 337, 1.5), nasty),
          onceAt: fc.oneof(badDate, oddDate, fc.constant('2030-01-01T00:00:00Z')),
        },
        ['measureId', 'kind', 'weekday', 'localTime'],
      ),
    },
    {
      route: `PUT /api/v1/couples/${ids.couple}/check-in-schedules/${ids.schedule}`,
      as: therapist,
      body: mutate(
        { kind: 'before_session', hours: 24 },
        {
          kind: fc.oneof(nasty, wrongType, fc.constant('weekly')),
          hours: fc.oneof(fc.constantFrom(0, -1, 337, 1.5, '24'), nasty),
          weekday: fc.oneof(fc.constantFrom(1, 0, 8), nasty),
          onceAt: fc.oneof(badDate, oddDate),
        },
        ['kind', 'hours'],
      ),
    },
    {
      route: `POST /api/v1/couples/${ids.couple}/agreements`,
      as: therapist,
      body: mutate(
        { text: 'We walk on Sundays' },
        {
          text: fc.oneof(nasty, wrongType, huge, fc.constant('   ')),
          assignmentId: fc.oneof(nasty, wrongType),
          promptId: fc.oneof(wrongType, huge),
          clientId: fc.oneof(nasty, wrongType),
        },
        ['text'],
      ),
    },
    {
      route: `PUT /api/v1/couples/${ids.couple}/agreements/${ids.agreement}`,
      as: therapist,
      body: mutate({ text: 'We walk on Saturdays' }, { text: fc.oneof(nasty, wrongType, huge, fc.constant('')) }, [
        'text',
      ]),
    },
    {
      route: `PUT /api/v1/couples/${ids.couple}/agreement-rhythm`,
      as: therapist,
      body: mutate(
        { weekday: 2, localTime: '18:00' },
        {
          weekday: fc.oneof(fc.constantFrom(0, 8, 1.5, '2'), nasty, wrongType),
          localTime: fc.oneof(fc.constantFrom('24:00', '9:00', '09:60', '09:00:00'), nasty, wrongType),
        },
        ['weekday', 'localTime'],
      ),
    },
    {
      route: 'POST /api/v1/agreement-reviews/submit',
      as: null,
      body: mutate(
        {
          token: ids.agreementToken,
          confirmVersionIds: [],
          reviews: [{ agreementId: ids.agreement, answer: 'kept', note: 'ok' }],
        },
        {
          token: fc.oneof(nasty, wrongType, huge),
          confirmVersionIds: fc.oneof(wrongType, fc.constant(['not-a-uuid']), fc.constant([randomUUID()])),
          reviews: fc.oneof(
            wrongType,
            fc.constantFrom('sometimes', '', 1, null).map((answer) => [{ agreementId: ids.agreement, answer }]),
            fc.constant([{ agreementId: randomUUID(), answer: 'kept' }]),
            fc.constant([
              { agreementId: ids.agreement, answer: 'kept' },
              { agreementId: ids.agreement, answer: 'mostly' },
            ]),
            huge.map((note) => [{ agreementId: ids.agreement, answer: 'kept', note }]),
          ),
        },
        ['token', 'confirmVersionIds', 'reviews'],
      ),
    },
    {
      route: 'POST /api/v1/check-ins/submit',
      as: null,
      body: mutate(
        { token: ids.checkInToken, answers: { [ids.checkInItem]: 7 } },
        {
          token: fc.oneof(nasty, wrongType, huge),
          answers: fc.oneof(
            wrongType,
            deep,
            fc.constantFrom(-1, 11, 2.5, '3', true).map((value) => ({ [ids.checkInItem]: value })),
            unstorable.map((key) => ({ [key]: 3 })),
          ),
        },
        ['token', 'answers'],
      ),
    },
    {
      route: 'POST /api/v1/api-tokens',
      as: admin,
      body: mutate(
        { name: 'Billing export', scope: 'read', expiresAt: new Date(Date.now() + 30 * 864e5).toISOString() },
        {
          name: fc.oneof(wrongType, huge, fc.constant('')),
          scope: fc.oneof(nasty, wrongType, fc.constant('admin')),
          expiresAt: fc.oneof(
            badDate,
            oddDate,
            wrongType,
            fc.constantFrom('2000-01-01T00:00:00Z', '2999-01-01T00:00:00Z'),
          ),
        },
        ['name', 'scope', 'expiresAt'],
      ),
    },
    {
      route: 'POST /api/v1/staff/invitations',
      as: admin,
      body: mutate(
        { email: 'new@example.test', name: 'New', role: 'therapist' },
        { email: fc.oneof(nasty, wrongType, huge), name: fc.oneof(wrongType, huge, fc.constant('')), role: nasty },
        ['email', 'name', 'role'],
      ),
    },
    {
      route: `PATCH /api/v1/staff/${ids.staff}`,
      as: admin,
      body: mutate({ role: 'therapist' }, { role: nasty, status: nasty, reassignCouplesTo: nasty }),
    },
    {
      route: 'PUT /api/v1/digests/preferences',
      as: therapist,
      // Not wrongType: a boolean is the valid value.
      body: mutate(
        { weekly: false },
        { weekly: fc.oneof(nasty, fc.integer(), fc.constant(null), fc.constant('true'), fc.array(fc.boolean())) },
        ['weekly'],
      ),
    },
    {
      route: 'PATCH /api/v1/clinic',
      as: admin,
      body: mutate(
        { name: 'Clinic' },
        {
          name: fc.oneof(wrongType, huge, fc.constant('')),
          timezone: nasty,
          requireTwoFactor: nasty,
          neutralPartnerEmails: fc.oneof(
            nasty,
            fc.integer(),
            fc.constant(null),
            fc.constant('true'),
            fc.array(fc.boolean()),
          ),
          offTrackRecentDrop: fc.oneof(nasty, fc.constantFrom(0, -1, 1001, 1.234, null, '5', Number.MAX_VALUE)),
          offTrackGapWidening: fc.oneof(nasty, fc.constantFrom(0, -0.5, 1e9, null, [6])),
          offTrackLowCheckOut: fc.oneof(nasty, fc.constantFrom(-1001, 1e9, 6.125, null, true)),
          offTrackSessionsWithoutImprovement: fc.oneof(nasty, fc.constantFrom(0, 101, 2.5, null, '6', -3)),
          gentleReminderAfterMisses: fc.oneof(nasty, fc.constantFrom(-1, 21, 1.5, null, '2', [2])),
          engagementTaskAfterMisses: fc.oneof(nasty, fc.constantFrom(-1, 21, 2.5, null, '3', false)),
          // 'clinic' too: this clinic has no screen of its own, so it cannot be chosen.
          safetyCheckInScreen: fc.oneof(nasty, fc.constantFrom(null, 'Clinic', 'clinic', 1, true, ['built_in'])),
        },
      ),
    },
    {
      route: 'PUT /api/v1/clinic/safety-screen',
      as: admin,
      body: mutate(
        {
          title: 'Our check-in',
          instructions: 'Answer alone.',
          questions: [
            {
              label: 'Are you afraid at home?',
              options: [
                { label: 'No', concerning: false },
                { label: 'Yes', concerning: true },
              ],
            },
          ],
          freeTextQuestion: 'Anything else?',
        },
        {
          title: fc.oneof(wrongType, huge, fc.constant(' ')),
          instructions: fc.oneof(wrongType, huge, fc.constant('')),
          questions: fc.oneof(
            wrongType,
            deep,
            fc.constant([]),
            fc.array(fc.anything({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }),
            // Shaped right, but nothing is concerning, or everything is.
            fc.boolean().map((concerning) => [
              {
                label: 'Q',
                options: [
                  { label: 'A', concerning },
                  { label: 'B', concerning },
                ],
              },
            ]),
            // A question made shared, or given an id: every prompt is Trellis's to shape.
            fc.constantFrom('audience', 'id', 'kind', 'required').map((field) => [
              {
                label: 'Q',
                [field]: 'shared',
                options: [
                  { label: 'A', concerning: false },
                  { label: 'B', concerning: true },
                ],
              },
            ]),
          ),
          freeTextQuestion: fc.oneof(
            fc.integer(),
            fc.boolean(),
            fc.array(fc.string(), { maxLength: 3 }),
            huge,
            fc.constant('  '),
          ),
        },
        ['title', 'instructions', 'questions'],
      ),
    },
    ...['PUT /api/v1/homework/current/draft', 'POST /api/v1/homework/current/submit'].map((route) => ({
      route,
      as: 'partner' as const,
      body: mutate(
        { answers: { [ids.promptId]: 'An honest answer.' } },
        {
          answers: fc.oneof(
            wrongType,
            deep,
            unstorable.map((text) => ({ [ids.promptId]: text })),
            unstorable.map((key) => ({ [key]: 'x' })),
            veryDeep.map((value) => ({ [ids.promptId]: value })),
          ),
        },
        ['answers'],
      ),
    })),
    {
      route: `POST /api/v1/couples/${ids.couple}/safety/lift`,
      as: therapist,
      body: mutate(
        { note: 'Spoke with each partner alone.' },
        { note: fc.oneof(wrongType, fc.constant(''), fc.constant('   '), fc.constant('x'.repeat(4001))) },
        ['note'],
      ),
    },
    {
      route: 'POST /api/v1/homework/current/not-safe',
      as: 'partner' as const,
      // No fields: anything sent is unknown (and nothing may be recorded for it).
      body: mutate({}, { reason: fc.oneof(nasty, wrongType) }),
    },
    {
      route: 'POST /api/v1/homework/fresh-link',
      as: null,
      body: mutate({ email: 'someone@example.test' }, { email: fc.oneof(nasty, wrongType, huge) }, ['email']),
    },
    {
      route: 'POST /api/v1/auth/login',
      as: null,
      body: mutate(
        { email: 'x@example.test', password: 'secret' },
        { email: fc.oneof(nasty, wrongType, huge), password: fc.oneof(wrongType, huge) },
        ['email', 'password'],
      ),
    },
  ];

  it('answers every mutated write body with a 4xx problem naming a field, and changes nothing', async () => {
    const before = await snapshot();
    for (const c of cases()) {
      const { route, as, body } = c;
      const fields: readonly string[] | undefined = 'fields' in c ? c.fields : undefined;
      const [method, path] = route.split(' ');
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const agent = as === 'partner' ? partnerAgent : (as?.agent ?? request(app.getHttpServer()));
          let call = agent[method.toLowerCase() as 'post'](path);
          if (
            as === 'partner' ||
            path.includes('/homework/') ||
            path.includes('/check-ins/') ||
            path.includes('/agreement-reviews/')
          )
            call = call.set('x-homework-csrf', '1');
          else if (as) call = call.set('x-csrf-token', as.csrfToken);
          const body = serialize(payload);
          const res = await call.set('content-type', 'application/json').send(body);
          const context = `${route} with ${body.slice(0, 200)} → ${res.status} ${res.text.slice(0, 200)}`;
          if (res.status >= 500 || res.status < 400) throw new Error(context);
          if (!/application\/problem\+json/.test(String(res.headers['content-type'])))
            throw new Error(`not problem+json: ${context}`);
          if (
            res.status === 400 &&
            !(
              res.body.errors?.length > 0 &&
              res.body.errors.every((e: { field: string }) => typeof e.field === 'string')
            )
          ) {
            // 400s that are not about a field are only for unreadable bodies.
            if (!/JSON|body/i.test(res.body.detail ?? '')) throw new Error(`400 without a field: ${context}`);
          }
          // The route's own fields, or a key the request sent (an unknown one is named as sent);
          // a nested problem names its path, so its first segment is the field. (An unreadable body
          // names none, as above.)
          const named = (field: string) => field.split(/[.[]/)[0];
          const known = (field: string) =>
            fields?.includes(named(field)) ||
            (payload !== null && typeof payload === 'object' && Object.hasOwn(payload, named(field)));
          const errors: { field: string }[] = res.body.errors ?? [];
          if (res.status === 400 && fields && !errors.every((e) => known(e.field)))
            throw new Error(`400 naming a field the request does not have: ${context}`);
          if (/at \S+\.(js|ts):\d+/.test(res.text) || /SELECT|INSERT|UPDATE .* SET/i.test(res.text))
            throw new Error(`internals leaked: ${context}`);
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
      );
    }
    expect(await snapshot()).toEqual(before);
  }, 240_000);

  it('refuses bodies over the size limit and malformed JSON early, as problems', async () => {
    const big = await therapist.agent
      .post('/api/v1/couples')
      .set('x-csrf-token', therapist.csrfToken)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ displayName: 'x'.repeat(400_000) }));
    expect(big.status).toBe(413);
    const broken = await therapist.agent
      .post('/api/v1/couples')
      .set('x-csrf-token', therapist.csrfToken)
      .set('content-type', 'application/json')
      .send('{"displayName": "x", ');
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toMatch(/problem\+json/);
  });

  it('keeps hostile but valid text exactly as typed', async () => {
    for (const text of ["'; DROP TABLE couple; --", '<img src=x onerror=alert(1)>', 'Zoë & Ōtautahi 👩‍❤️‍👨', '‮reversed']) {
      const res = await therapist.agent
        .patch(`/api/v1/couples/${ids.couple}`)
        .set('x-csrf-token', therapist.csrfToken)
        .send({ displayName: text })
        .expect(200);
      expect(res.body.displayName).toBe(text.trim());
    }
  });

  it('answers unstorable searches and look-alike date filters with a 400 naming the parameter', async () => {
    // Percent-encodes each UTF-16 unit, a lone surrogate as the three bytes a careless client sends
    // (encodeURIComponent refuses to).
    const encode = (text: string) =>
      [...text]
        .map((ch) => {
          const unit = ch.charCodeAt(0);
          if (ch.length > 1 || unit < 0xd800 || unit > 0xdfff) return encodeURIComponent(ch);
          return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('');
        })
        .join('');
    const lists = [
      '/api/v1/couples',
      '/api/v1/exercises',
      '/api/v1/measures',
      '/api/v1/staff',
      '/api/v1/audit',
      '/api/v1/audit/export',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...lists),
        fc.oneof(
          unstorable.map((q) => ({ q })),
          oddDate.map((from) => ({ from })),
          oddDate.map((to) => ({ to })),
        ),
        async (path, query) => {
          const [[name, value]] = Object.entries(query);
          if (name !== 'q' && !path.startsWith('/api/v1/audit')) return;
          const res = await admin.agent.get(`${path}?${name}=${encode(value)}`);
          const context = `GET ${path}?${name}=${JSON.stringify(value)} → ${res.status} ${res.text.slice(0, 200)}`;
          if (res.status >= 500) throw new Error(context);
          // A NUL or a date always reaches the check; a lone surrogate may already be replaced (U+FFFD)
          // while the query string is decoded, and then it is just text.
          const mustRefuse = name !== 'q' || value.includes('\u0000');
          if (mustRefuse && res.status !== 400) throw new Error(`expected 400: ${context}`);
          if (res.status === 400 && !res.body.errors?.some((e: { field: string }) => e.field === name))
            throw new Error(`400 not naming ${name}: ${context}`);
          if (res.status === 400 && !/application\/problem\+json/.test(String(res.headers['content-type'])))
            throw new Error(`not problem+json: ${context}`);
        },
      ),
      { numRuns: RUNS * 3, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
  });

  it('answers bad list queries with a 400 naming the parameter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            page: fc.oneof(fc.constantFrom('-1', '0', 'abc', '1e9', '9999999'), nasty),
            perPage: fc.constantFrom('0', '101', 'x', '-5'),
            sort: nasty,
            order: nasty,
          },
          { requiredKeys: [] },
        ),
        async (query) => {
          if (Object.keys(query).length === 0) return;
          const res = await therapist.agent.get('/api/v1/couples').query(query);
          if (res.status !== 400)
            throw new Error(`GET /couples?${new URLSearchParams(query as Record<string, string>)} → ${res.status}`);
          if (!res.body.errors?.every((e: { field: string }) => Object.keys(query).includes(e.field)))
            throw new Error(`unexpected fields ${JSON.stringify(res.body.errors)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
