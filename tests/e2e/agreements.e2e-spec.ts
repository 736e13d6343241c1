import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource, IsNull } from 'typeorm';
import { AuditEvent, Client, Clinic, Couple, EmailDelivery, Exercise, StaffUser } from '@trellis/data';
import { AGREEMENT_EXERCISE_KEY } from '@trellis/domain';
import { bullConnectionOptions, JobName, QUEUE_JOB_OPTIONS, QueueName, queueEmailInTransaction } from '@trellis/jobs';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createTestApp } from '../support/create-test-app';
import { decodedEmailText, followEmailedLink } from '../support/email-links';
import { until } from '../support/eventually';
import {
  createAssignment,
  createClinic,
  createCouple,
  createStaff,
  openSafetyPauseRaisedBy,
  removeSafetyPauses,
} from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

type Agent = Awaited<ReturnType<typeof signIn>>;

/** A fixed-offset zone where it is around midday now: a review due now is out of quiet hours. */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The weekday and HH:MM a minute ago in `zone`: a rhythm that is due right now. */
function dueNow(zone: string): { weekday: number; localTime: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() - 60_000))
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { weekday, localTime: `${parts.hour}:${parts.minute}` };
}

/**
 * Statements about agreements sent while `work` runs: where an N+1 would show. Counting every
 * statement is flaky here, as the worker shares this process and its outbox relay's transaction
 * (every 50 ms) lands inside requests on a busy machine.
 */
async function countAgreementQueries(work: () => Promise<unknown>): Promise<number> {
  const original = PostgresQueryRunner.prototype.query;
  let count = 0;
  PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
    if (/\bagreement/.test(String(args[0]))) count += 1;
    return original.apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    PostgresQueryRunner.prototype.query = original;
  }
  return count;
}

describe('agreements: kept by the couple, reviewed privately each week, seen by the therapist', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let queue: Queue;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    queue = new Queue(QueueName.Agreements, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
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

  async function practice(): Promise<{
    clinic: Clinic;
    therapist: StaffUser;
    asTherapist: Agent;
    couple: Couple;
    partners: [Client, Client];
  }> {
    const clinic = await createClinic(db, { timezone: middayZone() });
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const asTherapist = await signIn(app, therapist.email);
    const { couple, partners } = await createCouple(db, clinic, therapist);
    return { clinic, therapist, asTherapist, couple, partners };
  }

  const base = (coupleId: string) => `/api/v1/couples/${coupleId}`;
  const send = (as: Agent, method: 'post' | 'put' | 'delete', path: string, body?: object) =>
    as.agent[method](path).set('x-csrf-token', as.csrfToken).send(body);
  const submit = (body: object) =>
    request(app.getHttpServer()).post('/api/v1/agreement-reviews/submit').set('x-homework-csrf', '1').send(body);
  const requestRows = (coupleId: string): Promise<{ client_id: string; week_of: string }[]> =>
    db.query(`SELECT client_id, week_of::text FROM agreement_review_request WHERE couple_id = $1`, [coupleId]);

  /** Partner 1's submitted answer to the agreements exercise. */
  async function exerciseAnswer(couple: Couple, partners: [Client, Client], text: string) {
    const assignment = await createAssignment(db, couple, partners, { dueAt: new Date(), submitted: [true, false] });
    const exercise = await db
      .getRepository(Exercise)
      .findOneByOrFail({ key: AGREEMENT_EXERCISE_KEY, clinicId: IsNull() });
    await db.query(`UPDATE assignment SET exercise_id = $2, prompts = $3 WHERE id = $1`, [
      assignment.id,
      exercise.id,
      JSON.stringify(exercise.prompts),
    ]);
    await db.query(`UPDATE homework_response SET answers = $3 WHERE assignment_id = $1 AND client_id = $2`, [
      assignment.id,
      partners[0].id,
      JSON.stringify({ proposed_agreement: text }),
    ]);
    return assignment.id;
  }

  /** Sets the rhythm to "now" and returns each partner's emailed review token, partner 1 first. */
  async function reviewsGoOut(as: Agent, clinic: Clinic, couple: Couple, partners: [Client, Client]) {
    await send(as, 'put', `${base(couple.id)}/agreement-rhythm`, dueNow(clinic.timezone)).expect(200);
    const tokens: string[] = [];
    for (const partner of partners) {
      const email = await harness.mailbox.waitForMessageTo(partner.email, /weekly check-in/i, 15_000);
      tokens.push((await followEmailedLink(app.getHttpServer(), email.raw, 'agreement-review')).token);
    }
    return tokens as [string, string];
  }

  it('from session text and from an exercise answer → weekly review → confirmations, grid, shared streak', async () => {
    const { clinic, asTherapist, couple, partners } = await practice();
    const assignmentId = await exerciseAnswer(couple, partners, 'If either of us is an hour late, we send a message.');
    const candidates = await asTherapist.agent.get(`${base(couple.id)}/agreement-candidates`).expect(200);
    expect(candidates.body.data).toEqual([
      expect.objectContaining({ assignmentId, promptId: 'proposed_agreement', clientId: partners[0].id }),
    ]);
    const plans = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, {
      text: 'We share plans for the evening by 6 pm',
    }).expect(201);
    const late = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, {
      assignmentId,
      promptId: 'proposed_agreement',
      clientId: partners[0].id,
    }).expect(201);
    expect(plans.body).toMatchObject({ source: 'session', version: 1, status: 'active' });
    expect(late.body).toMatchObject({
      source: 'exercise_answer',
      text: 'If either of us is an hour late, we send a message.',
      sourceAssignmentId: assignmentId,
    });

    const [token1, token2] = await reviewsGoOut(asTherapist, clinic, couple, partners);
    // The email never carries an agreement's words.
    for (const partner of partners) {
      const text = decodedEmailText((await harness.mailbox.waitForMessageTo(partner.email, /weekly/i)).raw);
      expect(text).not.toContain('6 pm');
      expect(text).not.toContain('hour late');
    }

    const form = await request(app.getHttpServer())
      .post('/api/v1/agreement-reviews/link')
      .send({ token: token1 })
      .expect(200);
    expect(form.body.agreements.map((a: { text: string; confirmed: boolean }) => [a.text, a.confirmed])).toEqual([
      ['We share plans for the evening by 6 pm', false],
      ['If either of us is an hour late, we send a message.', false],
    ]);
    const versionIds = form.body.agreements.map((a: { versionId: string }) => a.versionId);

    const first = await submit({
      token: token1,
      confirmVersionIds: versionIds,
      reviews: [
        { agreementId: plans.body.id, answer: 'kept', note: 'PRIVATE-NOTE-ONE' },
        { agreementId: late.body.id, answer: 'kept' },
      ],
    }).expect(200);
    // Partner 2 has not answered: no week counts yet, and nothing says why.
    expect(first.body.streaks.map((s: { keptWeeksInARow: number }) => s.keptWeeksInARow)).toEqual([0, 0]);

    const second = await submit({
      token: token2,
      confirmVersionIds: [versionIds[0]],
      reviews: [
        { agreementId: plans.body.id, answer: 'kept' },
        { agreementId: late.body.id, answer: 'not_kept', note: 'PRIVATE-NOTE-TWO' },
      ],
    }).expect(200);
    expect(second.body.streaks).toEqual([
      { agreementId: plans.body.id, text: 'We share plans for the evening by 6 pm', keptWeeksInARow: 1 },
      { agreementId: late.body.id, text: 'If either of us is an hour late, we send a message.', keptWeeksInARow: 0 },
    ]);
    // Each partner is a separate person: the other's note and answer never come back.
    expect(JSON.stringify(second.body)).not.toMatch(/PRIVATE-NOTE-ONE|kept"|not_kept/);

    // A double submit is refused and adds nothing.
    await submit({
      token: token2,
      confirmVersionIds: [],
      reviews: [{ agreementId: plans.body.id, answer: 'mostly' }],
    }).expect(404);
    expect(await db.query(`SELECT count(*)::int AS n FROM agreement_review WHERE couple_id = $1`, [couple.id])).toEqual(
      [{ n: 4 }],
    );

    const list = await asTherapist.agent.get(`${base(couple.id)}/agreements`).expect(200);
    const [planRow, lateRow] = list.body.data;
    expect(planRow.confirmations.every((c: { confirmedAt: string | null }) => c.confirmedAt !== null)).toBe(true);
    expect(lateRow.confirmations.map((c: { confirmedAt: string | null }) => c.confirmedAt !== null)).toEqual([
      true,
      false,
    ]);
    expect(planRow.weeks).toHaveLength(1);
    expect(planRow.weeks[0]).toMatchObject({
      accountsDiffer: false,
      partners: [
        { clientId: partners[0].id, answer: 'kept', note: 'PRIVATE-NOTE-ONE' },
        { clientId: partners[1].id, answer: 'kept', note: null },
      ],
    });
    expect(lateRow.weeks[0].accountsDiffer).toBe(true);
    expect(lateRow.weeks[0].partners[1].note).toBe('PRIVATE-NOTE-TWO');

    // Reworded: a new version, which nobody has confirmed yet; the history stays.
    const edited = await send(asTherapist, 'put', `${base(couple.id)}/agreements/${plans.body.id}`, {
      text: 'We share plans for the evening by 7 pm',
    }).expect(200);
    expect(edited.body.version).toBe(2);
    expect(edited.body.versions.map((v: { text: string }) => v.text)).toEqual([
      'We share plans for the evening by 7 pm',
      'We share plans for the evening by 6 pm',
    ]);
    expect(edited.body.confirmations.map((c: { confirmedAt: string | null }) => c.confirmedAt)).toEqual([null, null]);
    const retired = await send(asTherapist, 'post', `${base(couple.id)}/agreements/${late.body.id}/retire`).expect(201);
    expect(retired.body).toMatchObject({ status: 'retired' });
    await send(asTherapist, 'put', `${base(couple.id)}/agreements/${late.body.id}`, { text: 'x' }).expect(409);

    const actions = (await db.getRepository(AuditEvent).findBy({ clinicId: clinic.id })).map((e) => e.action);
    for (const action of [
      'agreement.create',
      'agreement.list',
      'agreement.update',
      'agreement.retire',
      'agreement.candidates',
      'agreement_rhythm.update',
      'agreement_review.view',
      'agreement_review.submit',
    ])
      expect(actions).toContain(action);
  }, 60_000);

  it("refuses the attacker: another clinic, another therapist, a partner's link aimed at other records", async () => {
    const { clinic, asTherapist, couple, partners } = await practice();
    const plans = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, {
      text: 'We cook on Sundays',
    }).expect(201);
    const other = await practice();
    const theirs = await send(other.asTherapist, 'post', `${base(other.couple.id)}/agreements`, {
      text: 'Their agreement',
    }).expect(201);
    const colleague = await createStaff(db, clinic);
    await setPassword(db, colleague);
    const asColleague = await signIn(app, colleague.email);

    for (const as of [other.asTherapist, asColleague]) {
      await as.agent.get(`${base(couple.id)}/agreements`).expect(404);
      await as.agent.get(`${base(couple.id)}/agreement-candidates`).expect(404);
      await as.agent.get(`${base(couple.id)}/agreement-rhythm`).expect(404);
      await send(as, 'post', `${base(couple.id)}/agreements`, { text: 'Planted' }).expect(404);
      await send(as, 'put', `${base(couple.id)}/agreements/${plans.body.id}`, { text: 'Changed' }).expect(404);
      await send(as, 'post', `${base(couple.id)}/agreements/${plans.body.id}/retire`).expect(404);
      await send(as, 'put', `${base(couple.id)}/agreement-rhythm`, { weekday: 1, localTime: '09:00' }).expect(404);
    }
    // Another couple's agreement under this couple's path: 404 alike.
    await send(asTherapist, 'put', `${base(couple.id)}/agreements/${theirs.body.id}`, { text: 'Changed' }).expect(404);
    const denied = await db.getRepository(AuditEvent).countBy({ outcome: 'denied', recordId: couple.id });
    expect(denied).toBeGreaterThanOrEqual(10);
    expect(
      await db.query(
        `SELECT text FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id WHERE a.couple_id = $1`,
        [couple.id],
      ),
    ).toEqual([{ text: 'We cook on Sundays' }]);

    // The partner side: partner 1 writes a private note; partner 2, with their own link, tries to
    // read it and to write into another couple's agreement.
    const [token1, token2] = await reviewsGoOut(asTherapist, clinic, couple, partners);
    await submit({
      token: token1,
      confirmVersionIds: [],
      reviews: [{ agreementId: plans.body.id, answer: 'mostly', note: 'ONLY-FOR-THE-COUNSELOR' }],
    }).expect(200);
    const look = await request(app.getHttpServer())
      .post('/api/v1/agreement-reviews/link')
      .send({ token: token2 })
      .expect(200);
    expect(JSON.stringify(look.body)).not.toMatch(/ONLY-FOR-THE-COUNSELOR|mostly/);
    const planted = await submit({
      token: token2,
      confirmVersionIds: [],
      reviews: [{ agreementId: theirs.body.id, answer: 'kept', note: 'planted' }],
    }).expect(400);
    expect(planted.body.errors).toEqual([
      { field: 'reviews.0.agreementId', message: 'must be one of your agreements' },
    ]);
    // Partner 1's link is spent: using it again reads nothing.
    await request(app.getHttpServer()).post('/api/v1/agreement-reviews/link').send({ token: token1 }).expect(404);
    const after = await submit({ token: token2, confirmVersionIds: [], reviews: [] }).expect(200);
    expect(JSON.stringify(after.body)).not.toMatch(/ONLY-FOR-THE-COUNSELOR|mostly/);
    expect(
      await db.query(`SELECT count(*)::int AS n FROM agreement_review WHERE agreement_id = $1`, [theirs.body.id]),
    ).toEqual([{ n: 0 }]);
  }, 60_000);

  it('lists agreements with their grid in the same number of statements however many agreements and weeks', async () => {
    const { asTherapist, couple } = await practice();
    const statements = async () => {
      // Adding or rewording asks the partners to confirm: let the worker compose those emails
      // (statements about agreements) before counting.
      await until(async () => {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM email_delivery WHERE template = 'agreement-confirmation' AND status = 'pending'`,
        );
        return n === 0;
      }, 15_000);
      const counts: number[] = [];
      for (let i = 0; i < 2; i++)
        counts.push(
          await countAgreementQueries(() => asTherapist.agent.get(`${base(couple.id)}/agreements`).expect(200)),
        );
      return Math.min(...counts);
    };
    await send(asTherapist, 'post', `${base(couple.id)}/agreements`, { text: 'One' }).expect(201);
    const one = await statements();
    for (const text of ['Two', 'Three', 'Four'])
      await send(asTherapist, 'post', `${base(couple.id)}/agreements`, { text }).expect(201);
    const [first] = (await asTherapist.agent.get(`${base(couple.id)}/agreements`).expect(200)).body.data;
    await send(asTherapist, 'put', `${base(couple.id)}/agreements/${first.id}`, { text: 'One, reworded' }).expect(200);
    // Weeks of answers from both partners on every agreement.
    await db.query(
      `INSERT INTO agreement_review (clinic_id, couple_id, agreement_id, agreement_version_id, client_id, week_of, answer, note)
       SELECT a.clinic_id, a.couple_id, a.id, v.id, p.id, current_date - 7 * w, 'kept', 'n'
       FROM agreement a JOIN agreement_version v ON v.agreement_id = a.id AND v.version = a.current_version
       CROSS JOIN client p CROSS JOIN generate_series(0, 5) w
       WHERE a.couple_id = $1 AND p.couple_id = $1`,
      [couple.id],
    );
    const many = await statements();
    expect(one).toBe(3);
    expect(many).toBe(one);
    const list = await asTherapist.agent.get(`${base(couple.id)}/agreements`).expect(200);
    expect(list.body.data).toHaveLength(4);
    expect(list.body.data[0].weeks).toHaveLength(6);
  });

  it('bad input: a clear 400 naming the field, nothing saved', async () => {
    const { asTherapist, couple } = await practice();
    const cases: [object, string][] = [
      [{}, 'text'],
      [{ text: '' }, 'text'],
      [{ text: 'x'.repeat(501) }, 'text'],
      [{ assignmentId: '00000000-0000-4000-8000-000000000000' }, 'promptId'],
      [{ assignmentId: 'nope', promptId: 'p', clientId: '00000000-0000-4000-8000-000000000000' }, 'assignmentId'],
      [
        {
          assignmentId: '00000000-0000-4000-8000-000000000000',
          promptId: 'proposed_agreement',
          clientId: '00000000-0000-4000-8000-000000000000',
        },
        'assignmentId',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    for (const [body, field] of [
      [{ weekday: 8, localTime: '09:00' }, 'weekday'],
      [{ weekday: 1, localTime: '9am' }, 'localTime'],
    ] as const) {
      const res = await send(asTherapist, 'put', `${base(couple.id)}/agreement-rhythm`, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await db.query(`SELECT count(*)::int AS n FROM agreement WHERE couple_id = $1`, [couple.id])).toEqual([
      { n: 0 },
    ]);
    expect(await db.query(`SELECT count(*)::int AS n FROM agreement_rhythm WHERE couple_id = $1`, [couple.id])).toEqual(
      [{ n: 0 }],
    );
  });

  it('jobs: a job run twice sends once; a paused couple, or a partner under their own safety flag, gets nothing', async () => {
    const { clinic, asTherapist, couple, partners } = await practice();
    await send(asTherapist, 'post', `${base(couple.id)}/agreements`, { text: 'We walk together' }).expect(201);
    await reviewsGoOut(asTherapist, clinic, couple, partners);
    const [sent] = await requestRows(couple.id);
    const occurrence = `week-${sent.week_of}`;
    const fire = async (clientId: string, occ = occurrence) => {
      const job = await queue.add(
        JobName.SendAgreementReview,
        { coupleId: couple.id, clientId, clinicId: clinic.id, occurrence: occ },
        { ...QUEUE_JOB_OPTIONS[QueueName.Agreements], jobId: `again-${clientId}-${Date.now()}` },
      );
      await until(async () => (await job.getState()) === 'completed');
    };
    // The same week again: no second request, no second email.
    await fire(partners[0].id);
    expect(await requestRows(couple.id)).toHaveLength(2);
    expect(harness.mailbox.messagesTo(partners[0].email).filter((m) => /weekly/i.test(m.subject ?? ''))).toHaveLength(
      1,
    );

    // Paused, or the partner said they feel unsafe (a pause still open): the week due is skipped for them.
    await db.query(`DELETE FROM agreement_review_request WHERE couple_id = $1`, [couple.id]);
    await db.query(`UPDATE couple SET status = 'paused' WHERE id = $1`, [couple.id]);
    await fire(partners[0].id);
    expect(await requestRows(couple.id)).toEqual([]);
    await db.query(`UPDATE couple SET status = 'active' WHERE id = $1`, [couple.id]);
    await openSafetyPauseRaisedBy(db, couple, partners, 0);
    await fire(partners[0].id);
    expect(await requestRows(couple.id)).toEqual([]);
    // A stale week (the rhythm moved on) does nothing either, even once the pause is lifted.
    await removeSafetyPauses(db, couple.id);
    await fire(partners[0].id, 'week-2020-01-06');
    expect(await requestRows(couple.id)).toEqual([]);
    // The control: the same week, the couple active, does go out — also while the other partner's
    // own "I don't feel safe" holds joint work (nothing this partner receives may change).
    await openSafetyPauseRaisedBy(db, couple, partners, 1);
    await fire(partners[0].id);
    expect(await requestRows(couple.id)).toHaveLength(1);
    await removeSafetyPauses(db, couple.id);
    await db.query(`DELETE FROM agreement_review_request WHERE couple_id = $1`, [couple.id]);
    // An email already queued re-checks when it is composed: a pause opened meanwhile stops it.
    const [queued] = await db.query(
      `INSERT INTO agreement_review_request (clinic_id, couple_id, client_id, week_of) VALUES ($1, $2, $3, '2026-01-05')
       RETURNING id`,
      [clinic.id, couple.id, partners[1].id],
    );
    await openSafetyPauseRaisedBy(db, couple, partners, 1);
    const deliveryId = await db.transaction((m) =>
      queueEmailInTransaction(m, {
        clinicId: clinic.id,
        template: 'agreement-review',
        subjectIds: { agreementReviewId: queued.id },
        idempotencyKey: `agreement-review-${queued.id}`,
      }),
    );
    await until(
      async () => (await db.getRepository(EmailDelivery).findOneByOrFail({ id: deliveryId })).status === 'skipped',
    );
    expect(await db.query(`SELECT link_token_hash FROM agreement_review_request WHERE id = $1`, [queued.id])).toEqual([
      { link_token_hash: null },
    ]);
    await removeSafetyPauses(db, couple.id);
    await db.query(`DELETE FROM agreement_review_request WHERE couple_id = $1`, [couple.id]);
    // Rhythm off: nothing.
    await send(asTherapist, 'delete', `${base(couple.id)}/agreement-rhythm`).expect(200);
    await fire(partners[0].id);
    expect(await requestRows(couple.id)).toEqual([]);
  }, 60_000);
});
