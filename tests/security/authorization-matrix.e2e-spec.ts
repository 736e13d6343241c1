import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { Exercise, Measure, StaffUser } from '@trellis/data';
import { registeredRoutes } from '../../apps/api/src/create-api-app';
import { createAssignment, createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

/**
 * Every registered route × every outsider. The route list comes from the running app, so a new
 * route without an entry here fails the suite until someone decides who may call it.
 *
 * kinds:  record     — acts on one of clinic A's records named in the path: outsiders get 404
 *                      (a same-clinic therapist gets 403 on admin-only routes)
 *         collection — acts within the caller's own scope: allowed, but must never show A's records
 *         public     — no staff session needed (sign-in, links, health)
 *         homework   — needs a client-link session
 * sessionOnly — a signed-in person only: an API token gets 403 (token management, the session, 2FA)
 */
type Kind = 'record' | 'collection' | 'public' | 'homework';
interface RouteRule {
  kind: Kind;
  adminOnly?: boolean;
  sessionOnly?: boolean;
  body?: (ids: Ids) => object;
}
interface Ids {
  couple: string;
  assignment: string;
  note: string;
  invitee: string;
  exercise: string;
  partner: string;
  builtIn: string;
  digest: string;
  measure: string;
  builtInMeasure: string;
  schedule: string;
  session: string;
  apiToken: string;
  series: string;
  program: string;
  builtInProgram: string;
  programStep: string;
  agreement: string;
}

const FUTURE = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString();

/** A valid measure definition; `cutoff` varies it so each new version differs from the last. */
const measureDefinition = (cutoff = 5) => ({
  instructions: '',
  items: [
    { id: 'close', label: 'I felt close.', reverse: false },
    { id: 'held-back', label: 'I held back.', reverse: true },
  ],
  scale: { min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' },
  scoring: { method: 'mean', maxMissing: 0 },
  range: { min: 0, max: 10 },
  higherIsBetter: true,
  clinicalCutoff: cutoff,
  reliableChange: null,
});
let measureCutoff = 5;

/** A valid clinic safety screen (PUT /clinic/safety-screen). */
const SAFETY_SCREEN = {
  title: 'Clinic A screen',
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
  freeTextQuestion: null,
};

const RULES: Record<string, RouteRule> = {
  'GET /api/v1/api-tokens': { kind: 'collection', adminOnly: true, sessionOnly: true },
  'POST /api/v1/api-tokens': {
    kind: 'collection',
    adminOnly: true,
    sessionOnly: true,
    body: () => ({ name: 'Outsiders’ token', scope: 'read_write', expiresAt: FUTURE }),
  },
  'POST /api/v1/api-tokens/:id/revoke': { kind: 'record', adminOnly: true, sessionOnly: true },
  'POST /api/v1/assignments': {
    kind: 'record',
    body: (i) => ({ exerciseId: i.builtIn, coupleIds: [i.couple], dueAt: FUTURE }),
  },
  'GET /api/v1/couples/:id/assignments': { kind: 'record' },
  'POST /api/v1/assignment-series': {
    kind: 'record',
    body: (i) => ({
      coupleId: i.couple,
      exerciseId: i.builtIn,
      rhythm: 'weekly',
      dueTime: '18:00',
      startsOn: FUTURE.slice(0, 10),
      count: 3,
    }),
  },
  'GET /api/v1/couples/:id/assignment-series': { kind: 'record' },
  'PATCH /api/v1/assignment-series/:id': { kind: 'record', body: () => ({ message: 'taken over' }) },
  'POST /api/v1/assignment-series/:id/stop': { kind: 'record' },
  'GET /api/v1/assignments/:id': { kind: 'record' },
  'PATCH /api/v1/assignments/:id': { kind: 'record', body: () => ({ message: 'changed' }) },
  'POST /api/v1/assignments/:id/cancel': { kind: 'record' },
  'POST /api/v1/assignments/:id/partners/:clientId/link/resend': { kind: 'record' },
  'POST /api/v1/assignments/:id/partners/:clientId/link/revoke': { kind: 'record' },
  'POST /api/v1/assignments/:id/review': { kind: 'record', body: () => ({ comment: 'x' }) },
  'GET /api/v1/audit': { kind: 'collection', adminOnly: true },
  'GET /api/v1/audit/export': { kind: 'collection', adminOnly: true },
  'POST /api/v1/auth/login': {
    kind: 'public',
    body: () => ({ email: 'nobody@example.test', password: 'wrong password here' }),
  },
  'GET /api/v1/auth/session': { kind: 'collection', sessionOnly: true },
  'POST /api/v1/auth/logout': { kind: 'collection', sessionOnly: true },
  'POST /api/v1/auth/invitations/lookup': { kind: 'public', body: () => ({ token: 'A'.repeat(43) }) },
  'POST /api/v1/auth/invitations/accept': {
    kind: 'public',
    body: () => ({ token: 'A'.repeat(43), password: 'lantern harbour violet orbit' }),
  },
  'POST /api/v1/auth/password-reset': { kind: 'public', body: () => ({ email: 'nobody@example.test' }) },
  'POST /api/v1/auth/password-reset/lookup': { kind: 'public', body: () => ({ token: 'A'.repeat(43) }) },
  'POST /api/v1/auth/password-reset/confirm': {
    kind: 'public',
    body: () => ({ token: 'A'.repeat(43), password: 'lantern harbour violet orbit' }),
  },
  'POST /api/v1/auth/2fa/verify': { kind: 'public', body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/2fa/setup': { kind: 'collection', sessionOnly: true },
  'POST /api/v1/auth/2fa/enable': { kind: 'collection', sessionOnly: true, body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/2fa/disable': { kind: 'collection', sessionOnly: true, body: () => ({ code: '123456' }) },
  'GET /api/v1/clinic': { kind: 'collection' },
  'PATCH /api/v1/clinic': { kind: 'collection', adminOnly: true, body: () => ({ timezone: 'Europe/Paris' }) },
  // The caller's own clinic's screen: another clinic's admin gets theirs (or a 404), never A's.
  'GET /api/v1/clinic/safety-screen': { kind: 'collection', adminOnly: true },
  'PUT /api/v1/clinic/safety-screen': { kind: 'collection', adminOnly: true, body: () => SAFETY_SCREEN },
  'GET /api/v1/couples': { kind: 'collection' },
  'POST /api/v1/couples': {
    kind: 'collection',
    body: () => ({
      displayName: 'Outsiders',
      partners: [1, 2].map((n) => ({
        name: `P${n}`,
        email: `p${n}@example.test`,
        timezone: 'UTC',
        emailConsent: true,
      })),
    }),
  },
  'GET /api/v1/couples/:id': { kind: 'record' },
  'GET /api/v1/programs': { kind: 'collection' },
  'POST /api/v1/programs': {
    kind: 'collection',
    body: (i) => ({
      title: 'Outsiders’ program',
      steps: [{ title: 'One', kind: 'exercise', exerciseId: i.builtIn, opensWhen: 'reviewed' }],
    }),
  },
  'GET /api/v1/programs/:id': { kind: 'record' },
  'PATCH /api/v1/programs/:id': { kind: 'record', body: () => ({ title: 'taken over' }) },
  'GET /api/v1/couples/:id/program': { kind: 'record' },
  'POST /api/v1/couples/:id/program': { kind: 'record', body: (i) => ({ programId: i.builtInProgram }) },
  'PATCH /api/v1/couples/:id/program': { kind: 'record', body: () => ({ status: 'paused' }) },
  'POST /api/v1/couples/:id/program/steps': {
    kind: 'record',
    body: () => ({ title: 'Taken over', kind: 'discuss', opensWhen: 'reviewed' }),
  },
  'POST /api/v1/couples/:id/program/steps/:stepId/skip': { kind: 'record' },
  'POST /api/v1/couples/:id/program/reorder': { kind: 'record', body: (i) => ({ stepIds: [i.programStep] }) },
  'GET /api/v1/couples/:id/timeline': { kind: 'record' },
  'GET /api/v1/couples/:id/export': { kind: 'record' },
  'GET /api/v1/couples/:id/export/print': { kind: 'record' },
  'PATCH /api/v1/couples/:id': { kind: 'record', body: () => ({ displayName: 'taken over' }) },
  'GET /api/v1/exercises': { kind: 'collection' },
  'POST /api/v1/exercises': {
    kind: 'collection',
    body: () => ({
      title: 'x',
      strategy: 'empathy',
      purpose: 'x',
      instructions: 'x',
      estimatedMinutes: 5,
      prompts: [],
    }),
  },
  'GET /api/v1/exercises/:id': { kind: 'record' },
  'POST /api/v1/exercises/:id/duplicate': { kind: 'record' },
  'PATCH /api/v1/exercises/:id': { kind: 'record', body: () => ({ title: 'taken over' }) },
  'DELETE /api/v1/exercises/:id': { kind: 'record' },
  'GET /api/v1/measures': { kind: 'collection' },
  'POST /api/v1/measures': {
    kind: 'collection',
    body: () => ({ title: 'Outsiders’ measure', kind: 'outcome', definition: measureDefinition() }),
  },
  'POST /api/v1/measures/preview': {
    kind: 'collection',
    body: () => ({ definition: measureDefinition(), answers: { close: 3 } }),
  },
  'GET /api/v1/measures/summary': { kind: 'collection', adminOnly: true },
  'GET /api/v1/measures/:id': { kind: 'record' },
  'GET /api/v1/couples/:id/measures/:measureId/responses': { kind: 'record' },
  'GET /api/v1/couples/:id/measures/:measureId/responses/export': { kind: 'record' },
  'POST /api/v1/measures/:id/versions': {
    kind: 'record',
    body: () => ({ definition: measureDefinition((measureCutoff = (measureCutoff % 9) + 1)) }),
  },
  'GET /api/v1/couples/:id/check-in-schedules': { kind: 'record' },
  'POST /api/v1/couples/:id/check-in-schedules': {
    kind: 'record',
    body: (i) => ({ measureId: i.measure, kind: 'weekly', weekday: 1, localTime: '09:00' }),
  },
  'PUT /api/v1/couples/:id/check-in-schedules/:scheduleId': {
    kind: 'record',
    body: () => ({ kind: 'weekly', weekday: 2, localTime: '10:00' }),
  },
  'DELETE /api/v1/couples/:id/check-in-schedules/:scheduleId': { kind: 'record' },
  'POST /api/v1/check-ins/link': { kind: 'public', body: () => ({ token: 'A'.repeat(43) }) },
  'POST /api/v1/check-ins/submit': { kind: 'public', body: () => ({ token: 'A'.repeat(43), answers: {} }) },
  'GET /api/v1/couples/:id/agreements': { kind: 'record' },
  'GET /api/v1/couples/:id/agreement-candidates': { kind: 'record' },
  'POST /api/v1/couples/:id/agreements': { kind: 'record', body: () => ({ text: 'taken over' }) },
  'PUT /api/v1/couples/:id/agreements/:agreementId': { kind: 'record', body: () => ({ text: 'taken over' }) },
  'POST /api/v1/couples/:id/agreements/:agreementId/retire': { kind: 'record' },
  'GET /api/v1/couples/:id/agreement-rhythm': { kind: 'record' },
  'PUT /api/v1/couples/:id/agreement-rhythm': { kind: 'record', body: () => ({ weekday: 1, localTime: '09:00' }) },
  'DELETE /api/v1/couples/:id/agreement-rhythm': { kind: 'record' },
  'POST /api/v1/agreement-reviews/link': { kind: 'public', body: () => ({ token: 'A'.repeat(43) }) },
  'POST /api/v1/agreement-reviews/submit': {
    kind: 'public',
    body: () => ({ token: 'A'.repeat(43), confirmVersionIds: [], reviews: [] }),
  },
  'GET /api/v1/health': { kind: 'public' },
  'GET /api/v1/health/live': { kind: 'public' },
  'GET /api/v1/home': { kind: 'collection' },
  'GET /api/v1/digests': { kind: 'collection' },
  'GET /api/v1/digests/:id': { kind: 'record' },
  // The signed-in person's own choices: there is no one else's to reach.
  'GET /api/v1/digests/preferences': { kind: 'collection' },
  'PUT /api/v1/digests/preferences': { kind: 'collection', body: () => ({ weekly: true }) },
  'POST /api/v1/homework/link': { kind: 'public', body: () => ({ token: 'A'.repeat(43) }) },
  'POST /api/v1/homework/session': { kind: 'public', body: () => ({ token: 'A'.repeat(43) }) },
  'GET /api/v1/homework/current': { kind: 'homework' },
  'PUT /api/v1/homework/current/draft': { kind: 'homework', body: () => ({ answers: {} }) },
  'POST /api/v1/homework/current/submit': { kind: 'homework', body: () => ({ answers: {} }) },
  'POST /api/v1/homework/current/not-safe': { kind: 'homework', body: () => ({}) },
  'GET /api/v1/couples/:id/safety': { kind: 'record' },
  'GET /api/v1/couples/:id/engagement': { kind: 'record' },
  'POST /api/v1/couples/:id/safety/lift': { kind: 'record', body: () => ({ note: 'taken over' }) },
  'POST /api/v1/homework/fresh-link': { kind: 'public', body: () => ({ email: 'nobody@example.test' }) },
  'GET /api/v1/couples/:id/notes': { kind: 'record' },
  'POST /api/v1/couples/:id/notes': {
    kind: 'record',
    body: () => ({ format: 'free', sessionDate: '2026-11-20', sections: { body: 'x' } }),
  },
  'GET /api/v1/notes/:id': { kind: 'record' },
  'PATCH /api/v1/notes/:id': { kind: 'record', body: () => ({ sections: { body: 'taken over' } }) },
  'POST /api/v1/notes/:id/sign': { kind: 'record' },
  'POST /api/v1/notes/:id/addenda': { kind: 'record', body: () => ({ body: 'x' }) },
  'DELETE /api/v1/notes/:id': { kind: 'record' },
  'GET /api/v1/sessions': { kind: 'collection' },
  'GET /api/v1/calendar-feed': { kind: 'collection' },
  'POST /api/v1/calendar-feed': { kind: 'collection' },
  'DELETE /api/v1/calendar-feed': { kind: 'collection' },
  'GET /api/v1/calendar-feeds/:token': { kind: 'public' },
  'GET /api/v1/couples/:id/sessions': { kind: 'record' },
  'POST /api/v1/couples/:id/sessions': { kind: 'record', body: () => ({ startsAt: FUTURE, durationMinutes: 50 }) },
  'GET /api/v1/sessions/:id': { kind: 'record' },
  'PATCH /api/v1/sessions/:id': { kind: 'record', body: () => ({ startsAt: FUTURE }) },
  'POST /api/v1/sessions/:id/cancel': { kind: 'record', body: () => ({ reason: 'taken over' }) },
  'POST /api/v1/sessions/:id/outcome': { kind: 'record', body: () => ({ status: 'no_show' }) },
  'GET /api/v1/admin/queues': { kind: 'collection', adminOnly: true },
  'GET /api/v1/admin/queues/:name/jobs': { kind: 'collection', adminOnly: true },
  'POST /api/v1/admin/queues/:name/jobs/:id/retry': { kind: 'record', adminOnly: true },
  'DELETE /api/v1/admin/queues/:name/jobs/:id': { kind: 'record', adminOnly: true },
  'GET /api/v1/staff': { kind: 'collection', adminOnly: true },
  'POST /api/v1/staff/invitations': {
    kind: 'collection',
    adminOnly: true,
    body: () => ({ email: `x-${randomUUID().slice(0, 6)}@example.test`, name: 'X', role: 'therapist' }),
  },
  'GET /api/v1/staff/:id': { kind: 'record', adminOnly: true },
  'PATCH /api/v1/staff/:id': { kind: 'record', adminOnly: true, body: () => ({ role: 'admin' }) },
  'POST /api/v1/staff/:id/invitation/resend': { kind: 'record', adminOnly: true },
  'DELETE /api/v1/staff/:id/invitation': { kind: 'record', adminOnly: true },
};

function fillPath(url: string, ids: Ids): string {
  // The calendar needs its range; the one around the session booked below.
  if (url === '/api/v1/sessions')
    return `${url}?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 30 * 86_400_000).toISOString()}`;
  const noun = url.split('/')[3];
  const byNoun: Record<string, string> = {
    assignments: ids.assignment,
    couples: ids.couple,
    notes: ids.note,
    staff: ids.invitee,
    exercises: ids.exercise,
    digests: ids.digest,
    measures: ids.measure,
    sessions: ids.session,
    'api-tokens': ids.apiToken,
    'assignment-series': ids.series,
    programs: ids.program,
  };
  return url
    .replace(':clientId', ids.partner)
    .replace(':scheduleId', ids.schedule)
    .replace(':stepId', ids.programStep)
    .replace(':agreementId', ids.agreement)
    .replace(':measureId', ids.builtInMeasure)
    .replace(':name', 'email')
    .replace('/jobs/:id', `/jobs/email-${ids.assignment}`)
    .replace(':id', byNoun[noun] ?? randomUUID());
}

type Agent = ReturnType<typeof request.agent>;
interface Actor {
  name: string;
  agent: Agent;
  csrf?: string;
  /** Staff actors see clinic-shared records (exercises, staff) of their own clinic. */
  sameClinic: boolean;
  staff: boolean;
  admin: boolean;
  /** Calls with an API token (its scope) instead of a session. */
  token?: 'read' | 'read_write';
}

describe('authorization matrix over every route', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let ids: Ids;
  let actors: Actor[];
  let privateIds: string[];
  let clinicIds: string[];
  let adminBId: string;
  let clinicAId: string;
  let t2Id: string;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    const a = await createClinic(db);
    const b = await createClinic(db);
    const adminA = await createStaff(db, a, { role: 'admin' });
    const t1 = await createStaff(db, a);
    const t2 = await createStaff(db, a);
    const adminB = await createStaff(db, b, { role: 'admin' });
    const leaver = await createStaff(db, a, { role: 'admin' });
    const invitee = await createStaff(db, a, { status: 'invited' });
    for (const s of [adminA, t1, t2, adminB, leaver]) await setPassword(db, s);

    const { couple, partners } = await createCouple(db, a, t1);
    const assignment = await createAssignment(db, couple, partners, {
      dueAt: new Date(Date.now() + 3 * 24 * 3600 * 1000),
      submitted: [true, false],
    });
    const asT1 = await signIn(app, t1.email);
    const note = await asT1.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asT1.csrfToken)
      .send({ format: 'free', sessionDate: '2026-11-20', sections: { body: 'private' } })
      .expect(201);
    const session = await asT1.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asT1.csrfToken)
      .send({ startsAt: new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString() })
      .expect(201);
    const builtIn = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'openness' });
    const own = await asT1.agent
      .post(`/api/v1/exercises/${builtIn.id}/duplicate`)
      .set('x-csrf-token', asT1.csrfToken)
      .expect(201);
    const measure = await asT1.agent
      .post('/api/v1/measures')
      .set('x-csrf-token', asT1.csrfToken)
      .send({ title: 'Clinic A measure', kind: 'outcome', definition: measureDefinition(4) })
      .expect(201);
    const schedule = await asT1.agent
      .post(`/api/v1/couples/${couple.id}/check-in-schedules`)
      .set('x-csrf-token', asT1.csrfToken)
      .send({ measureId: measure.body.id, kind: 'weekly', weekday: 1, localTime: '09:00' })
      .expect(201);
    const series = await asT1.agent
      .post('/api/v1/assignment-series')
      .set('x-csrf-token', asT1.csrfToken)
      .send({
        coupleId: couple.id,
        exerciseId: builtIn.id,
        rhythm: 'weekly',
        dueTime: '18:00',
        startsOn: FUTURE.slice(0, 10),
        count: 3,
      })
      .expect(201);
    const agreement = await asT1.agent
      .post(`/api/v1/couples/${couple.id}/agreements`)
      .set('x-csrf-token', asT1.csrfToken)
      .send({ text: 'We share plans for the evening by 6 pm' })
      .expect(201);
    const [digest] = await db.query(
      `INSERT INTO digest (clinic_id, therapist_id, kind, period_start, period_end, content) VALUES ($1, $2, 'weekly', now() - interval '7 days', now(), '{"couples":[]}') RETURNING id`,
      [a.id, t1.id],
    );
    ids = {
      couple: couple.id,
      assignment: assignment.id,
      note: note.body.id,
      invitee: invitee.id,
      exercise: own.body.id,
      partner: partners[0].id,
      builtIn: builtIn.id,
      digest: digest.id,
      measure: measure.body.id,
      builtInMeasure: (await db.getRepository(Measure).findOneByOrFail({ clinicId: IsNull(), kind: 'outcome' })).id,
      schedule: schedule.body.id,
      session: session.body.data[0].id,
      agreement: agreement.body.id,
      apiToken: '', // minted below, once clinic A's admin is signed in
      series: series.body.id,
      program: '',
      builtInProgram: '',
      programStep: '',
    };
    // Clinic A's own program, and the couple on it (its steps are the couple's private records).
    const program = await asT1.agent
      .post('/api/v1/programs')
      .set('x-csrf-token', asT1.csrfToken)
      .send({
        title: 'Clinic A program',
        steps: [
          { title: 'One', kind: 'exercise', exerciseId: builtIn.id, opensWhen: 'reviewed' },
          { title: 'Two', kind: 'discuss', opensWhen: 'reviewed' },
        ],
      })
      .expect(201);
    const enrolled = await asT1.agent
      .post(`/api/v1/couples/${couple.id}/program`)
      .set('x-csrf-token', asT1.csrfToken)
      .send({ programId: program.body.id })
      .expect(201);
    ids.program = program.body.id;
    ids.builtInProgram = (await db.query(`SELECT id FROM program WHERE key = 'trust-repair'`))[0].id;
    ids.programStep = enrolled.body.enrolment.steps[1].id;
    privateIds = [
      couple.id,
      assignment.id,
      note.body.id,
      partners[0].id,
      partners[1].id,
      digest.id,
      schedule.body.id,
      agreement.body.id,
      session.body.data[0].id,
      series.body.id,
      ids.programStep,
      enrolled.body.enrolment.id,
    ];
    clinicIds = [...privateIds, own.body.id, measure.body.id, invitee.id, t1.id, adminA.id, ids.program];

    // A client link session of another clinic's assignment.
    const otherCouple = await createCouple(db, b, adminB);
    const otherAssignment = await createAssignment(db, otherCouple.couple, otherCouple.partners, {
      dueAt: new Date(Date.now() + 3 * 24 * 3600 * 1000),
    });
    const { mintSecretToken } = await import('@trellis/data');
    const { token, hash } = mintSecretToken();
    await db.query(
      `UPDATE homework_response SET link_token_hash = $1, link_expires_at = now() + interval '1 day' WHERE assignment_id = $2 AND client_id = $3`,
      [hash, otherAssignment.id, otherCouple.partners[0].id],
    );
    const client = request.agent(app.getHttpServer());
    await client.post('/api/v1/homework/session').set('x-homework-csrf', '1').send({ token }).expect(200);

    adminBId = adminB.id;
    clinicAId = a.id;
    t2Id = t2.id;
    const asAdminB = await signIn(app, adminB.email);
    const asAdminA = await signIn(app, adminA.email);
    // API tokens: clinic B's admin's, in both scopes; clinic A's admin's, revoked and expired.
    const mintToken = async (as: typeof asAdminB, scope: 'read' | 'read_write') => {
      const res = await as.agent
        .post('/api/v1/api-tokens')
        .set('x-csrf-token', as.csrfToken)
        .send({ name: `Matrix ${scope}`, scope, expiresAt: FUTURE })
        .expect(201);
      return res.body as { id: string; token: string };
    };
    const tokenBWrite = await mintToken(asAdminB, 'read_write');
    const tokenBRead = await mintToken(asAdminB, 'read');
    const tokenARevoked = await mintToken(asAdminA, 'read_write');
    await asAdminA.agent
      .post(`/api/v1/api-tokens/${tokenARevoked.id}/revoke`)
      .set('x-csrf-token', asAdminA.csrfToken)
      .expect(200);
    const tokenAExpired = await mintToken(asAdminA, 'read_write');
    await db.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [tokenAExpired.id]);
    const withToken = (token: string) =>
      request.agent(app.getHttpServer()).set('authorization', `Bearer ${token}`) as unknown as Agent;
    ids.apiToken = tokenAExpired.id;
    clinicIds.push(tokenARevoked.id, tokenAExpired.id);
    // Clinic A's own safety screen, chosen: clinic B's admin must never see it (or change it).
    const screenA = await asAdminA.agent
      .put('/api/v1/clinic/safety-screen')
      .set('x-csrf-token', asAdminA.csrfToken)
      .send(SAFETY_SCREEN)
      .expect(200);
    clinicIds.push(screenA.body.id);
    const asT2 = await signIn(app, t2.email);
    const asLeaver = await signIn(app, leaver.email);
    await db.getRepository(StaffUser).update({ id: leaver.id }, { status: 'deactivated' });

    actors = [
      { name: 'anonymous', agent: request.agent(app.getHttpServer()), sameClinic: false, staff: false, admin: false },
      { name: 'client link of another assignment', agent: client, sameClinic: false, staff: false, admin: false },
      {
        name: 'admin of another clinic',
        agent: asAdminB.agent,
        csrf: asAdminB.csrfToken,
        sameClinic: false,
        staff: true,
        admin: true,
      },
      {
        name: 'therapist of another couple',
        agent: asT2.agent,
        csrf: asT2.csrfToken,
        sameClinic: true,
        staff: true,
        admin: false,
      },
      {
        name: 'deactivated user',
        agent: asLeaver.agent,
        csrf: asLeaver.csrfToken,
        sameClinic: true,
        staff: false,
        admin: false,
      },
      {
        name: 'read-write API token of another clinic',
        agent: withToken(tokenBWrite.token),
        sameClinic: false,
        staff: true,
        admin: true,
        token: 'read_write',
      },
      {
        name: 'read-only API token of another clinic',
        agent: withToken(tokenBRead.token),
        sameClinic: false,
        staff: true,
        admin: true,
        token: 'read',
      },
      {
        name: 'revoked API token',
        agent: withToken(tokenARevoked.token),
        sameClinic: true,
        staff: false,
        admin: false,
      },
      {
        name: 'expired API token',
        agent: withToken(tokenAExpired.token),
        sameClinic: true,
        staff: false,
        admin: false,
      },
    ];
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  it('has a rule for every registered API route (and no stale rules)', () => {
    const routes = (registeredRoutes.get(app) ?? [])
      .filter((r) => r.url.startsWith('/api/v1') && !['HEAD', 'OPTIONS'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !RULES[r])).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('answers every outsider as documented: 401, 403 or 404 — never 200 on a record, never 500, never a leak', async () => {
    const failures: string[] = [];
    // Logging out ends the actor's session, so it goes last.
    const entries = Object.entries(RULES).sort(
      ([a], [b]) => Number(a.endsWith('/logout')) - Number(b.endsWith('/logout')),
    );
    // Ids each actor has itself asked for. Its denied reads are audited with the id it asked for, so
    // its own clinic's audit trail echoes those ids back: that tells it nothing it did not send.
    const askedBy = new Map<Actor, Set<string>>(actors.map((a) => [a, new Set<string>()]));
    for (const [key, rule] of entries) {
      const [method, url] = key.split(' ');
      const path = fillPath(url, ids);
      for (const actor of actors) {
        const asked = askedBy.get(actor) ?? new Set<string>();
        let call = actor.agent[method.toLowerCase() as 'get'](path).set('x-homework-csrf', '1');
        if (actor.csrf) call = call.set('x-csrf-token', actor.csrf);
        const res = await (rule.body ? call.send(rule.body(ids)) : call);
        const text = res.text ?? '';
        const leaked = (actor.sameClinic ? privateIds : clinicIds).filter(
          (id) => text.includes(id) && !path.includes(id) && !asked.has(id),
        );
        for (const id of [...privateIds, ...clinicIds]) if (path.includes(id)) asked.add(id);
        const where = `${actor.name} → ${key} answered ${res.status}`;
        if (res.status >= 500) failures.push(`${where} (server error)`);
        if (leaked.length) failures.push(`${where} and leaked ${leaked.join(', ')}`);

        if (rule.kind === 'public') continue;
        if (rule.kind === 'homework') {
          if (actor.name !== 'client link of another assignment' && res.status !== 401)
            failures.push(`${where}, expected 401`);
          continue;
        }
        if (!actor.staff) {
          if (res.status !== 401) failures.push(`${where}, expected 401`);
          continue;
        }
        if (actor.token && rule.sessionOnly) {
          if (res.status !== 403) failures.push(`${where}, expected 403 (session only)`);
          continue;
        }
        if (actor.token === 'read' && method !== 'GET') {
          if (res.status !== 403) failures.push(`${where}, expected 403 (read-only token)`);
          continue;
        }
        if (rule.adminOnly && !actor.admin) {
          if (res.status !== 403) failures.push(`${where}, expected 403`);
          continue;
        }
        if (rule.kind === 'record') {
          const sharedInClinic =
            actor.sameClinic &&
            (path.includes(ids.exercise) ||
              path.includes(ids.invitee) ||
              path.includes(ids.measure) ||
              path.includes(ids.program));
          if (!sharedInClinic && res.status !== 404) failures.push(`${where}, expected 404`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('never trusts a tenant or role field sent by the client', async () => {
    const adminBAgain = await signIn(app, (await db.getRepository(StaffUser).findOneByOrFail({ id: adminBId })).email);
    actors[2] = { ...actors[2], agent: adminBAgain.agent, csrf: adminBAgain.csrfToken };
    const t2Again = await signIn(app, (await db.getRepository(StaffUser).findOneByOrFail({ id: t2Id })).email);
    actors[3] = { ...actors[3], agent: t2Again.agent, csrf: t2Again.csrfToken };
    const adminB = actors[2];
    const sneaky = await adminB.agent
      .post('/api/v1/couples')
      .set('x-csrf-token', adminB.csrf as string)
      .send({
        displayName: 'x',
        clinicId: clinicAId,
        partners: [1, 2].map((n) => ({
          name: `P${n}`,
          email: `p${n}@example.test`,
          timezone: 'UTC',
          emailConsent: true,
        })),
      })
      .expect(400);
    expect(sneaky.body.errors).toEqual([{ field: 'clinicId', message: 'is not an allowed field' }]);
    const role = await actors[3].agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', actors[3].csrf as string)
      .send({ role: 'admin' });
    expect([400, 403]).toContain(role.status);
  });
});
