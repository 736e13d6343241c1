import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { Exercise, mintSecretToken } from '@trellis/data';
import { createAssignment, createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { isStrictIsoDate } from '../../libs/features/src/http/iso-date';

/**
 * What an attacker sent to get 500s (security issue, item 4): NUL bytes, lone UTF-16 surrogates,
 * date strings the old validator let through but PostgreSQL or `new Date()` read differently (or not
 * at all), and JSON nested 5,000 deep. Each must be a 400 problem+json naming the field, and nothing
 * may be written.
 */
const NUL = 'a\u0000b';
const LONE_SURROGATE = 'x\ud800y';
const ODD_DATES = ['2026-W52-1', '+2026-12-31T10:00:00Z', '20261231', '2026-12-31T10', '2026-365'];

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}
/** Built as text: JSON.stringify of a 5,000-deep value works, but the point is what the server does. */
function nestedJson(depth: number, kind: 'array' | 'object', field: string, rest = ''): string {
  const open = kind === 'array' ? '['.repeat(depth) : '{"a":'.repeat(depth);
  const close = kind === 'array' ? ']'.repeat(depth) : '}'.repeat(depth);
  return `{${rest}"${field}":${open}1${close}}`;
}

describe('hostile input is a 400 naming the field, and writes nothing', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let therapist: Awaited<ReturnType<typeof signIn>>;
  let partnerAgent: ReturnType<typeof request.agent>;
  let ids: { couple: string; assignment: string; note: string; exercise: string; promptId: string };

  const counts = async () =>
    (
      await db.query(
        `SELECT (SELECT count(*) FROM couple) AS couples, (SELECT count(*) FROM client) AS clients,
                (SELECT count(*) FROM assignment) AS assignments, (SELECT count(*) FROM session_note) AS notes,
                (SELECT count(*) FROM exercise) AS exercises, (SELECT count(*) FROM staff_user) AS staff,
                (SELECT count(*) FROM outbox) AS outbox,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM couple t) AS couple_rows,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM assignment t) AS assignment_rows,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM session_note t) AS note_rows,
                (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM homework_response t) AS responses`,
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
    const builtIn = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'empathy' });
    const exercise = await therapist.agent
      .post(`/api/v1/exercises/${builtIn.id}/duplicate`)
      .set('x-csrf-token', therapist.csrfToken)
      .expect(201);

    const { token, hash } = mintSecretToken();
    await db.query(
      `UPDATE homework_response SET link_token_hash = $1, link_expires_at = now() + interval '1 day' WHERE assignment_id = $2 AND client_id = $3`,
      [hash, assignment.id, partners[0].id],
    );
    partnerAgent = request.agent(app.getHttpServer());
    await partnerAgent.post('/api/v1/homework/session').set('x-homework-csrf', '1').send({ token }).expect(200);
    const view = await partnerAgent.get('/api/v1/homework/current').expect(200);
    const longText = view.body.prompts.find((p: { kind: string }) => p.kind === 'long_text') ?? view.body.prompts[0];
    ids = {
      couple: couple.id,
      assignment: assignment.id,
      note: note.body.id,
      exercise: exercise.body.id,
      promptId: longText.id,
    };
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  type Who = 'therapist' | 'admin' | 'partner' | 'anonymous';
  function send(who: Who, method: string, path: string, body?: string) {
    const agent =
      who === 'partner'
        ? partnerAgent
        : who === 'anonymous'
          ? request(app.getHttpServer())
          : (who === 'admin' ? admin : therapist).agent;
    let call = agent[method.toLowerCase() as 'post'](path);
    if (who === 'therapist') call = call.set('x-csrf-token', therapist.csrfToken);
    if (who === 'admin') call = call.set('x-csrf-token', admin.csrfToken);
    if (who === 'partner' || path.includes('/homework/')) call = call.set('x-homework-csrf', '1');
    if (body === undefined) return call;
    return call.set('content-type', 'application/json').send(body);
  }

  async function expectRefused(res: request.Response, field: string | RegExp, label: string) {
    const context = `${label} → ${res.status} ${res.text.slice(0, 300)}`;
    expect({ context, status: res.status }).toEqual({ context, status: 400 });
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields: string[] = (res.body.errors ?? []).map((e: { field: string }) => e.field);
    const named = fields.some((f) => (typeof field === 'string' ? f === field : field.test(f)));
    expect({ context, fields, named }).toEqual({ context, fields, named: true });
    expect(res.text).not.toMatch(/at \S+\.(js|ts):\d+|invalid byte sequence|unsupported Unicode|RangeError/);
  }

  const writes = () => [
    {
      who: 'therapist' as Who,
      route: 'POST /api/v1/couples',
      valid: {
        displayName: 'A & B',
        partners: [
          { name: 'Alex', email: 'alex@example.test', timezone: 'UTC', emailConsent: true },
          { name: 'Sam', email: 'sam@example.test', timezone: 'UTC', emailConsent: true },
        ],
      },
      text: ['displayName'],
      dates: ['nextSessionAt'],
    },
    {
      who: 'therapist' as Who,
      route: `PATCH /api/v1/couples/${ids.couple}`,
      valid: { displayName: 'A & B' },
      text: ['displayName'],
      dates: ['nextSessionAt'],
    },
    {
      who: 'therapist' as Who,
      route: 'POST /api/v1/assignments',
      valid: { exerciseId: ids.exercise, coupleIds: [ids.couple], dueAt: '2030-01-01T10:00:00Z' },
      text: ['message'],
      dates: ['dueAt'],
    },
    {
      who: 'therapist' as Who,
      route: `PATCH /api/v1/assignments/${ids.assignment}`,
      valid: { message: 'hello' },
      text: ['message'],
      dates: ['dueAt'],
    },
    {
      who: 'therapist' as Who,
      route: `POST /api/v1/couples/${ids.couple}/notes`,
      valid: { format: 'soap', sessionDate: '2026-11-20', sections: { plan: 'x' } },
      text: [],
      dates: ['sessionDate'],
    },
    {
      who: 'therapist' as Who,
      route: `PATCH /api/v1/notes/${ids.note}`,
      valid: { sessionDate: '2026-11-21' },
      text: [],
      dates: ['sessionDate'],
    },
    {
      who: 'therapist' as Who,
      route: `POST /api/v1/notes/${ids.note}/addenda`,
      valid: { body: 'later' },
      text: ['body'],
      dates: [],
    },
    {
      who: 'therapist' as Who,
      route: 'POST /api/v1/exercises',
      valid: { title: 'T', strategy: 'empathy', purpose: 'P', instructions: 'I', estimatedMinutes: 5, prompts: [] },
      text: ['title', 'purpose', 'instructions'],
      dates: [],
    },
    {
      who: 'therapist' as Who,
      route: `PATCH /api/v1/exercises/${ids.exercise}`,
      valid: { title: 'T' },
      text: ['title', 'purpose'],
      dates: [],
    },
    {
      who: 'admin' as Who,
      route: 'POST /api/v1/staff/invitations',
      valid: { email: 'new@example.test', name: 'New', role: 'therapist' },
      text: ['name'],
      dates: [],
    },
    { who: 'admin' as Who, route: 'PATCH /api/v1/clinic', valid: { name: 'Clinic' }, text: ['name'], dates: [] },
    {
      who: 'anonymous' as Who,
      route: 'POST /api/v1/auth/login',
      valid: { email: 'x@example.test', password: 'secret' },
      text: ['password'],
      dates: [],
    },
    { who: 'partner' as Who, route: 'PUT /api/v1/homework/current/draft', valid: { answers: {} }, text: [], dates: [] },
  ];

  it('refuses a NUL byte in any text field', async () => {
    const before = await counts();
    for (const { who, route, valid, text } of writes()) {
      const [method, path] = route.split(' ');
      for (const field of text) {
        const res = await send(who, method, path, JSON.stringify({ ...valid, [field]: NUL }));
        await expectRefused(res, field, `${route} ${field}=NUL`);
      }
    }
    const nestedCases: [Who, string, unknown, string][] = [
      [
        'therapist',
        `POST /api/v1/couples/${ids.couple}/notes`,
        { format: 'soap', sessionDate: '2026-11-20', sections: { plan: NUL } },
        'sections.plan',
      ],
      ['therapist', `PATCH /api/v1/notes/${ids.note}`, { sections: { subjective: NUL } }, 'sections.subjective'],
      [
        'therapist',
        `PATCH /api/v1/couples/${ids.couple}`,
        { partners: [{ position: 1, name: NUL }] },
        /^partners\.0\.name$/,
      ],
      [
        'partner',
        'PUT /api/v1/homework/current/draft',
        { answers: { [ids.promptId]: NUL } },
        `answers.${ids.promptId}`,
      ],
      [
        'partner',
        'POST /api/v1/homework/current/submit',
        { answers: { [ids.promptId]: NUL } },
        `answers.${ids.promptId}`,
      ],
      ['anonymous', 'POST /api/v1/homework/fresh-link', { email: `a${NUL}@example.test` }, 'email'],
    ].map(([w, r, b, f]) => [w, r, b, f] as [Who, string, unknown, string]);
    for (const [who, route, body, field] of nestedCases) {
      const [method, path] = route.split(' ');
      await expectRefused(
        await send(who, method, path, JSON.stringify(body)),
        field,
        `${route} ${JSON.stringify(body)}`,
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a NUL byte in the list searches', async () => {
    for (const path of ['/api/v1/couples', '/api/v1/exercises', '/api/v1/staff']) {
      const res = await admin.agent.get(path).query({ q: NUL });
      await expectRefused(res, 'q', `GET ${path}?q=NUL`);
    }
  });

  it('refuses lone UTF-16 surrogates in note sections and homework answers', async () => {
    const before = await counts();
    const cases: [Who, string, unknown, string][] = [
      [
        'therapist',
        `POST /api/v1/couples/${ids.couple}/notes`,
        { format: 'soap', sessionDate: '2026-11-20', sections: { plan: LONE_SURROGATE } },
        'sections.plan',
      ],
      ['therapist', `PATCH /api/v1/notes/${ids.note}`, { sections: { plan: '\udc00' } }, 'sections.plan'],
      [
        'partner',
        'PUT /api/v1/homework/current/draft',
        { answers: { [ids.promptId]: LONE_SURROGATE } },
        `answers.${ids.promptId}`,
      ],
      [
        'partner',
        'POST /api/v1/homework/current/submit',
        { answers: { [ids.promptId]: '\ud800' } },
        `answers.${ids.promptId}`,
      ],
      ['therapist', `PATCH /api/v1/couples/${ids.couple}`, { displayName: LONE_SURROGATE }, 'displayName'],
    ];
    for (const [who, route, body, field] of cases) {
      const [method, path] = route.split(' ');
      // JSON.stringify escapes a lone surrogate as \ud800: exactly what an attacker's client sends.
      await expectRefused(
        await send(who, method, path, JSON.stringify(body)),
        field,
        `${route} ${JSON.stringify(body)}`,
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses date strings that only look ISO 8601', async () => {
    const before = await counts();
    for (const { who, route, valid, dates } of writes()) {
      const [method, path] = route.split(' ');
      for (const field of dates)
        for (const date of ODD_DATES) {
          const res = await send(who, method, path, JSON.stringify({ ...valid, [field]: date }));
          await expectRefused(res, field, `${route} ${field}=${date}`);
        }
    }
    for (const field of ['from', 'to'])
      for (const date of ODD_DATES) {
        await expectRefused(
          await admin.agent.get('/api/v1/audit').query({ [field]: date }),
          field,
          `audit ${field}=${date}`,
        );
        await expectRefused(
          await admin.agent.get('/api/v1/audit/export').query({ [field]: date }),
          field,
          `audit export ${field}=${date}`,
        );
      }
    expect(await counts()).toEqual(before);
  });

  it('still takes the dates the dashboard sends', async () => {
    for (const date of [
      '2026-12-31T10:00:00Z',
      '2026-12-31T10:00:00.000Z',
      '2026-12-31T10:00:00+02:00',
      '2026-12-31T10:00Z',
    ]) {
      await send('therapist', 'PATCH', `/api/v1/couples/${ids.couple}`, JSON.stringify({ nextSessionAt: date })).expect(
        200,
      );
    }
    await send('therapist', 'PATCH', `/api/v1/notes/${ids.note}`, JSON.stringify({ sessionDate: '2026-11-22' })).expect(
      200,
    );
    for (const q of [
      { from: '2026-11-01' },
      { to: '2026-11-30' },
      { from: '2026-11-01T00:00:00Z', to: '2026-11-30T23:59:59.999Z' },
    ])
      await admin.agent.get('/api/v1/audit').query(q).expect(200);
  });

  it('accepts only dates PostgreSQL and new Date() read as the same instant', async () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const candidate = fc
      .record({
        year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1, 1969, 2026, 9999)),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 60 }),
        second: fc.option(fc.integer({ min: 0, max: 61 })),
        fraction: fc.option(fc.stringMatching(/^\d{1,7}$/)),
        offset: fc.oneof(
          fc.constantFrom('Z', '', 'z', '+00', '+0100'),
          fc
            .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 60 }))
            .map(([sign, h, m]) => `${sign}${two(h)}:${two(m)}`),
        ),
        sep: fc.constantFrom('T', 'T', ' ', 't'),
      })
      .map(({ year, month, day, hour, minute, second, fraction, offset, sep }) => {
        const seconds = second === null ? '' : `:${two(second)}${fraction === null ? '' : `.${fraction}`}`;
        return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}${sep}${two(hour)}:${two(minute)}${seconds}${offset}`;
      });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(candidate, fc.constantFrom(...ODD_DATES)), async (text) => {
        if (!isStrictIsoDate(text, 'date-time')) return;
        accepted += 1;
        const [row] = await db.query(`SELECT (extract(epoch FROM $1::timestamptz) * 1000)::float8 AS ms`, [text]);
        expect({ text, ms: Number(row.ms) }).toEqual({ text, ms: new Date(text).getTime() });
      }),
      { numRuns: 300, seed: 20261204 },
    );
    await fc.assert(
      fc.asyncProperty(
        candidate.map((t) => t.slice(0, 10)),
        async (text) => {
          if (!isStrictIsoDate(text, 'date')) return;
          accepted += 1;
          const [row] = await db.query(`SELECT $1::date::text AS day`, [text]);
          expect({ text, day: row.day, js: new Date(text).toISOString().slice(0, 10) }).toEqual({
            text,
            day: text,
            js: text,
          });
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
    expect(accepted).toBeGreaterThan(50); // the property is about accepted dates: make sure there were some
  });

  it('refuses JSON nested 5,000 deep on every write route, before it is walked', async () => {
    const before = await counts();
    for (const { who, route, valid } of writes()) {
      const [method, path] = route.split(' ');
      const rest = JSON.stringify(valid).slice(1, -1);
      for (const kind of ['array', 'object'] as const) {
        const res = await send(who, method, path, nestedJson(5_000, kind, 'deep', rest ? `${rest},` : ''));
        const context = `${route} ${kind} 5000 deep → ${res.status} ${res.text.slice(0, 200)}`;
        expect({ context, status: res.status }).toEqual({ context, status: 400 });
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors?.[0]?.field).toBe(kind === 'array' ? 'deep' : 'deep.a');
      }
    }
    // Deep inside a field the DTO accepts as an object: the path names where it got too deep.
    const res = await send(
      'partner',
      'PUT',
      '/api/v1/homework/current/draft',
      JSON.stringify({ answers: { [ids.promptId]: nested(1_000, 'array') } }),
    );
    await expectRefused(res, new RegExp(`^answers\\.${ids.promptId}`), 'answers 1000 deep');
    expect(await counts()).toEqual(before);
  });
});
