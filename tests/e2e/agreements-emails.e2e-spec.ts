import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Job, Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, Client, Clinic, Couple, EmailDelivery } from '@trellis/data';
import { bullConnectionOptions, JobName, QUEUE_JOB_OPTIONS, QueueName } from '@trellis/jobs';
import { createTestApp } from '../support/create-test-app';
import { decodedEmailText, followEmailedLink } from '../support/email-links';
import { until } from '../support/eventually';
import {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HOUR = 3600_000;

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
 * The emails agreements send besides the weekly review itself: "please confirm" when one is added
 * or reworded (rhythm or none), and one reminder of an unanswered weekly review. Both through the
 * real worker and the ledger; neither carries an agreement's words; job payloads carry ids only.
 */
describe('agreements: "please confirm" and the weekly review reminder', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;
  let agreementsQueue: Queue;
  let emailQueue: Queue;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
    const connection = bullConnectionOptions(process.env.REDIS_URL as string);
    agreementsQueue = new Queue(QueueName.Agreements, { connection, prefix: process.env.QUEUE_PREFIX });
    emailQueue = new Queue(QueueName.Email, { connection, prefix: process.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await until(async () => {
      const counts = await agreementsQueue.getJobCounts('waiting', 'active');
      return counts.waiting === 0 && counts.active === 0;
    }).catch(() => undefined);
    await agreementsQueue.close();
    await emailQueue.close();
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function practice(): Promise<{
    clinic: Clinic;
    asTherapist: Agent;
    couple: Couple;
    partners: [Client, Client];
  }> {
    const clinic = await createClinic(db, { timezone: middayZone() });
    const therapist = await createStaff(db, clinic);
    await setPassword(db, therapist);
    const asTherapist = await signIn(app, therapist.email);
    const { couple, partners } = await createCouple(db, clinic, therapist);
    return { clinic, asTherapist, couple, partners };
  }

  const base = (coupleId: string) => `/api/v1/couples/${coupleId}`;
  const send = (as: Agent, method: 'post' | 'put', path: string, body?: object) =>
    as.agent[method](path).set('x-csrf-token', as.csrfToken).send(body);
  const submit = (body: object) =>
    request(app.getHttpServer()).post('/api/v1/agreement-reviews/submit').set('x-homework-csrf', '1').send(body);
  const lookUp = (token: string) => request(app.getHttpServer()).post('/api/v1/agreement-reviews/link').send({ token });
  const deliveries = (template: string, idempotencyPrefix: string) =>
    db
      .getRepository(EmailDelivery)
      .createQueryBuilder('d')
      .where('d.template = :template AND d.idempotencyKey LIKE :key', { template, key: `${idempotencyPrefix}%` })
      .getMany();
  const settled = async (rows: () => Promise<EmailDelivery[]>, count: number) =>
    until(async () => {
      const found = await rows();
      return found.length === count && found.every((d) => d.status !== 'pending') && found;
    }, 15_000);
  /** The email job of a delivery, as Redis holds it: only ids. */
  const expectIdsOnly = (data: Record<string, unknown>) => {
    for (const value of Object.values(data)) if (value !== null) expect(String(value)).toMatch(UUID);
  };

  it('added or reworded, with no weekly rhythm: each partner is asked to confirm, by a link, in an email without the words', async () => {
    const { clinic, asTherapist, couple, partners } = await practice();
    const created = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, {
      text: 'SECRET-WORDING: we share plans by 6 pm',
    }).expect(201);
    const v1 = (await db.query(`SELECT id FROM agreement_version WHERE agreement_id = $1`, [created.body.id]))[0].id;

    const tokens: string[] = [];
    for (const partner of partners) {
      const email = await harness.mailbox.waitForMessageTo(partner.email, /something to confirm/i, 15_000);
      const text = decodedEmailText(email.raw);
      expect(text).not.toContain('SECRET-WORDING');
      expect(text).not.toContain('6 pm');
      expect(email.subject).not.toContain('SECRET');
      tokens.push((await followEmailedLink(app.getHttpServer(), email.raw, 'agreement-review')).token);
    }
    // One ledger row per partner for this wording, keyed by version and partner; its job holds ids only.
    const sent = await deliveries('agreement-confirmation', `agreement-confirmation-${v1}-`);
    expect(sent.map((d) => d.idempotencyKey).sort()).toEqual(
      partners.map((p) => `agreement-confirmation-${v1}-${p.id}`).sort(),
    );
    for (const delivery of sent) {
      expect(Object.keys(delivery.subjectIds)).toEqual(['agreementConfirmationId']);
      expectIdsOnly(delivery.subjectIds);
      const job = await Job.fromId(emailQueue, `email-${delivery.id}`);
      if (job) expectIdsOnly(job.data);
    }
    // No weekly review went out: the couple has no rhythm.
    expect(await db.query(`SELECT id FROM agreement_review_request WHERE couple_id = $1`, [couple.id])).toEqual([]);

    // The link shows the wording, asks nothing about a week, and refuses weekly answers.
    const form = await lookUp(tokens[0]).expect(200);
    expect(form.body).toMatchObject({
      weekOf: null,
      agreements: [{ agreementId: created.body.id, versionId: v1, confirmed: false }],
    });
    expect(form.body.agreements[0].text).toContain('SECRET-WORDING');
    const refused = await submit({
      token: tokens[0],
      confirmVersionIds: [v1],
      reviews: [{ agreementId: created.body.id, answer: 'kept' }],
    }).expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'reviews', message: 'must be empty: this link is only for confirming agreements' },
    ]);
    expect(await db.query(`SELECT id FROM agreement_confirmation WHERE agreement_version_id = $1`, [v1])).toEqual([]);

    // The attacker: this partner's link aimed at another couple's agreement is refused, changing nothing.
    const other = await practice();
    const theirs = await send(other.asTherapist, 'post', `${base(other.couple.id)}/agreements`, {
      text: 'THEIR-WORDING',
    }).expect(201);
    const [{ id: theirVersion }] = await db.query(`SELECT id FROM agreement_version WHERE agreement_id = $1`, [
      theirs.body.id,
    ]);
    const planted = await submit({ token: tokens[0], confirmVersionIds: [theirVersion], reviews: [] }).expect(400);
    expect(planted.body.errors).toEqual([
      { field: 'confirmVersionIds.0', message: 'must be the current wording of an agreement' },
    ]);
    expect(JSON.stringify(form.body)).not.toContain('THEIR-WORDING');
    expect(
      await db.query(`SELECT id FROM agreement_confirmation WHERE agreement_version_id = ANY($1::uuid[])`, [
        [v1, theirVersion],
      ]),
    ).toEqual([]);

    const confirmed = await submit({ token: tokens[0], confirmVersionIds: [v1], reviews: [] }).expect(200);
    expect(confirmed.body.streaks).toEqual([]);
    // Spent: a second use finds nothing; the therapist sees who confirmed.
    await lookUp(tokens[0]).expect(404);
    const list = await asTherapist.agent.get(`${base(couple.id)}/agreements`).expect(200);
    expect(list.body.data[0].confirmations.map((c: { confirmedAt: string | null }) => c.confirmedAt !== null)).toEqual([
      true,
      false,
    ]);
    expect(
      (await db.getRepository(AuditEvent).findBy({ clinicId: clinic.id, recordId: couple.id }))
        .map((e) => e.action)
        .filter((action) => action.startsWith('agreement_confirmation')),
    ).toEqual(expect.arrayContaining(['agreement_confirmation.view', 'agreement_confirmation.submit']));

    // Reworded: both are asked again, once each, for the new wording.
    await send(asTherapist, 'put', `${base(couple.id)}/agreements/${created.body.id}`, {
      text: 'SECRET-WORDING: we share plans by 7 pm',
    }).expect(200);
    const v2 = (
      await db.query(`SELECT id FROM agreement_version WHERE agreement_id = $1 AND version = 2`, [created.body.id])
    )[0].id;
    const again = await settled(() => deliveries('agreement-confirmation', `agreement-confirmation-${v2}-`), 2);
    expect(again.map((d) => d.status)).toEqual(['sent', 'sent']);
    for (const partner of partners)
      await until(async () => harness.mailbox.messagesTo(partner.email).length === 2, 15_000);
    // Saving the same words again is no new version, and asks nobody.
    await send(asTherapist, 'put', `${base(couple.id)}/agreements/${created.body.id}`, {
      text: 'SECRET-WORDING: we share plans by 7 pm',
    }).expect(200);
    expect(
      (await deliveries('agreement-confirmation', 'agreement-confirmation-')).filter((d) => d.clinicId === clinic.id),
    ).toHaveLength(4);
  }, 60_000);

  it('asks nobody without consent or while the couple is paused; under a safety pause, not the partner who raised it', async () => {
    const { asTherapist, couple, partners } = await practice();
    await db.query(`UPDATE client SET email_consent = false WHERE id = $1`, [partners[0].id]);
    const first = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, { text: 'NO-CONSENT-TEXT' }).expect(
      201,
    );
    const byPartner = async (agreementId: string) => {
      const rows = await settled(
        () =>
          db
            .getRepository(EmailDelivery)
            .createQueryBuilder('d')
            .where(`d.template = 'agreement-confirmation'`)
            .andWhere(
              `d.subject_ids->>'agreementConfirmationId' IN (SELECT q.id::text FROM agreement_confirmation_request q
                 JOIN agreement_version v ON v.id = q.agreement_version_id WHERE v.agreement_id = :agreementId)`,
              { agreementId },
            )
            .getMany(),
        2,
      );
      return new Map(rows.map((d) => [d.idempotencyKey.slice(-36), d.status]));
    };
    const one = await byPartner(first.body.id);
    expect(one.get(partners[0].id)).toBe('skipped');
    expect(one.get(partners[1].id)).toBe('sent');
    expect(harness.mailbox.messagesTo(partners[0].email)).toEqual([]);

    // Partner 1 said they do not feel safe: nothing joint is asked of them, while partner 2 —
    // possibly the reason — is asked exactly as before (nothing they receive may change).
    await db.query(`UPDATE client SET email_consent = true WHERE id = $1`, [partners[0].id]);
    await openSafetyPauseRaisedBy(db, couple, partners, 0);
    const paused = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, { text: 'PAUSED-TEXT' }).expect(
      201,
    );
    const underPause = await byPartner(paused.body.id);
    expect(underPause.get(partners[0].id)).toBe('skipped');
    expect(underPause.get(partners[1].id)).toBe('sent');
    await removeSafetyPauses(db, couple.id);

    // A couple paused by the therapist: the same.
    await db.query(`UPDATE couple SET status = 'paused' WHERE id = $1`, [couple.id]);
    const onHold = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, { text: 'ON-HOLD-TEXT' }).expect(
      201,
    );
    expect([...(await byPartner(onHold.body.id)).values()]).toEqual(['skipped', 'skipped']);
    await db.query(`UPDATE couple SET status = 'active' WHERE id = $1`, [couple.id]);

    // Partner 2 got exactly two emails in all of this, and the link tokens were minted only for them.
    await until(async () => harness.mailbox.messagesTo(partners[1].email).length === 2);
    expect(harness.mailbox.messagesTo(partners[1].email)).toHaveLength(2);
    expect(harness.mailbox.messagesTo(partners[0].email)).toEqual([]);
    expect(
      await db.query(
        `SELECT count(*)::int AS n FROM agreement_confirmation_request WHERE couple_id = $1 AND link_token_hash IS NOT NULL`,
        [couple.id],
      ),
    ).toEqual([{ n: 2 }]);
  }, 60_000);

  it('reminds a partner once, a day after the weekly review, unless they answered; never with the words', async () => {
    const { clinic, asTherapist, couple, partners } = await practice();
    const agreement = await send(asTherapist, 'post', `${base(couple.id)}/agreements`, {
      text: 'REMINDER-SECRET: we walk on Sundays',
    }).expect(201);
    await send(asTherapist, 'put', `${base(couple.id)}/agreement-rhythm`, dueNow(clinic.timezone)).expect(200);
    const tokens: string[] = [];
    for (const partner of partners) {
      const email = await harness.mailbox.waitForMessageTo(partner.email, /weekly check-in/i, 15_000);
      tokens.push((await followEmailedLink(app.getHttpServer(), email.raw, 'agreement-review')).token);
    }
    const requests: { id: string; client_id: string }[] = await db.query(
      `SELECT id, client_id FROM agreement_review_request WHERE couple_id = $1`,
      [couple.id],
    );
    const requestOf = (partner: Client) => (requests.find((r) => r.client_id === partner.id) as { id: string }).id;

    // One delayed reminder per partner, a day out (later if that lands in their night), ids only.
    const reminders: Job[] = [];
    for (const partner of partners) {
      const job = await until(
        () => Job.fromId(agreementsQueue, `agreement-review-reminder-${requestOf(partner)}`),
        15_000,
      );
      expect(job.name).toBe(JobName.RemindAgreementReview);
      expect(job.data).toEqual({ reviewRequestId: requestOf(partner), clinicId: clinic.id });
      expectIdsOnly(job.data);
      const firesIn = job.timestamp + (job.opts.delay ?? 0) - Date.now();
      expect(firesIn).toBeGreaterThan(23 * HOUR);
      expect(firesIn).toBeLessThan(36 * HOUR);
      reminders.push(job);
    }

    // Partner 2 answers; then both reminders are brought forward.
    await submit({
      token: tokens[1],
      confirmVersionIds: [],
      reviews: [{ agreementId: agreement.body.id, answer: 'kept' }],
    }).expect(200);
    for (const job of reminders) await job.promote();
    const reminder = await harness.mailbox.waitForMessageTo(partners[0].email, /reminder/i, 15_000);
    const text = decodedEmailText(reminder.raw);
    expect(text).not.toContain('REMINDER-SECRET');
    expect(text).not.toContain('Sundays');
    // The reminder's link replaces the first one and keeps its expiry.
    const { token: fresh } = await followEmailedLink(app.getHttpServer(), reminder.raw, 'agreement-review');
    await lookUp(tokens[0]).expect(404);
    await until(async () => (await reminders[1].getState()) === 'completed');
    expect(await deliveries('agreement-review', `agreement-review-reminder-${requestOf(partners[1])}`)).toEqual([]);

    // The same reminder again (a retried job): the ledger's key sends it once.
    const twice = await agreementsQueue.add(
      JobName.RemindAgreementReview,
      { reviewRequestId: requestOf(partners[0]), clinicId: clinic.id },
      { ...QUEUE_JOB_OPTIONS[QueueName.Agreements], jobId: `again-${Date.now()}` },
    );
    await until(async () => (await twice.getState()) === 'completed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(harness.mailbox.messagesTo(partners[0].email).filter((m) => /reminder/i.test(m.subject))).toHaveLength(1);
    expect(harness.mailbox.messagesTo(partners[1].email).filter((m) => /reminder/i.test(m.subject))).toHaveLength(0);

    // Answering from the reminder's link works as from the first one.
    await submit({
      token: fresh,
      confirmVersionIds: [],
      reviews: [{ agreementId: agreement.body.id, answer: 'mostly' }],
    }).expect(200);
  }, 60_000);

  it('the reminder stops for the partner’s own safety flag, a paused or discharged couple, or withdrawn consent', async () => {
    const { clinic, asTherapist, couple, partners } = await practice();
    await send(asTherapist, 'post', `${base(couple.id)}/agreements`, { text: 'We cook on Fridays' }).expect(201);
    // A review that went out (it has a working link) and is unanswered.
    const [open] = await db.query(
      `INSERT INTO agreement_review_request (clinic_id, couple_id, client_id, week_of, link_token_hash, link_expires_at)
       VALUES ($1, $2, $3, '2026-01-05', 'not-a-real-hash-' || gen_random_uuid(), now() + interval '5 days')
       RETURNING id`,
      [clinic.id, couple.id, partners[0].id],
    );
    const fire = async () => {
      const job = await agreementsQueue.add(
        JobName.RemindAgreementReview,
        { reviewRequestId: open.id, clinicId: clinic.id },
        { ...QUEUE_JOB_OPTIONS[QueueName.Agreements], jobId: `stop-${Date.now()}-${Math.random()}`.replace('.', '') },
      );
      await until(async () => (await job.getState()) === 'completed');
      return deliveries('agreement-review', `agreement-review-reminder-${open.id}`);
    };
    type Step = string | (() => Promise<unknown>);
    const run = (step: Step) => (typeof step === 'string' ? db.query(step) : step());
    const cases: [string, Step, Step][] = [
      [
        'this partner raised a safety pause',
        async () => void (await openSafetyPauseRaisedBy(db, couple, partners, 0)),
        () => removeSafetyPauses(db, couple.id),
      ],
      [
        'paused',
        `UPDATE couple SET status = 'paused' WHERE id = '${couple.id}'`,
        `UPDATE couple SET status = 'active' WHERE id = '${couple.id}'`,
      ],
      [
        'discharged',
        `UPDATE couple SET status = 'discharged' WHERE id = '${couple.id}'`,
        `UPDATE couple SET status = 'active' WHERE id = '${couple.id}'`,
      ],
      [
        'no consent',
        `UPDATE client SET email_consent = false WHERE id = '${partners[0].id}'`,
        `UPDATE client SET email_consent = true WHERE id = '${partners[0].id}'`,
      ],
      [
        'expired',
        `UPDATE agreement_review_request SET link_expires_at = now() - interval '1 minute' WHERE id = '${open.id}'`,
        `UPDATE agreement_review_request SET link_expires_at = now() + interval '5 days' WHERE id = '${open.id}'`,
      ],
    ];
    for (const [, stop, resume] of cases) {
      await run(stop);
      expect(await fire()).toEqual([]);
      await run(resume);
    }
    // The control: the same reminder with none of these does go out, once — even while the other
    // partner's own "I don't feel safe" holds the couple's joint work (only theirs stops).
    await openSafetyPauseRaisedBy(db, couple, partners, 1);
    expect(await fire()).toHaveLength(1);
    const [sent] = await settled(() => deliveries('agreement-review', `agreement-review-reminder-${open.id}`), 1);
    expect(sent.status).toBe('sent');
    expect(sent.subjectIds).toEqual({ agreementReviewId: open.id, kind: 'reminder' });
    await harness.mailbox.waitForMessageTo(partners[0].email, /reminder/i, 15_000);
    await removeSafetyPauses(db, couple.id);
  }, 60_000);
});
