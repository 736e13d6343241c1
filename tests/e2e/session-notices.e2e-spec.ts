import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Client, Clinic, Couple, EmailDelivery, TherapySession } from '@trellis/data';
import { bullConnectionOptions, JobName, QUEUE_JOB_OPTIONS, QueueName } from '@trellis/jobs';
import { SessionsProcessor } from '../../libs/features/src/sessions/sessions.processor';
import { createTestApp } from '../support/create-test-app';
import { decodedEmailText } from '../support/email-links';
import { until } from '../support/eventually';
import { createCouple } from '../support/factories';
import { createPractice } from '../support/practice';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';
import type { CapturedEmail } from '../support/smtp-capture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A whole hour, `days` from now, at `hour`:00 UTC. */
function slot(days: number, hour = 10): string {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

/** The text/calendar part of a message, unfolded (RFC 5545 folds long lines). */
function calendarOf(email: CapturedEmail): string {
  const text = decodedEmailText(email.raw).replace(/\r?\n[ \t]/g, '');
  const start = text.indexOf('BEGIN:VCALENDAR');
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf('END:VCALENDAR', start) + 'END:VCALENDAR'.length);
}

/**
 * Partners hear about their appointments: an .ics invitation when a session is booked or moved, a
 * cancellation when it is cancelled, and a reminder a day before, each exactly once, only with
 * email consent, and with nothing but when, where and the clinic's name.
 */
describe('session invitations and reminders', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>> | null = null;
  let queue: Queue;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    queue = new Queue(QueueName.Sessions, {
      connection: bullConnectionOptions(process.env.REDIS_URL as string),
      prefix: process.env.QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    await queue.close();
    await harness?.stop();
    await app.close();
    await db.destroy();
  });

  async function worker() {
    harness ??= await startWorkerWithMailbox();
    return harness;
  }

  async function practice() {
    const p = await createPractice(app, db, { name: 'Harbour Counselling', timezone: 'Europe/London' });
    const { couple, partners } = await createCouple(db, p.clinic, p.dana);
    // Partner 2 never agreed to email.
    await db.getRepository(Client).update({ id: partners[1].id }, { emailConsent: false });
    const api = (method: 'post' | 'patch', url: string, body: object, status = method === 'post' ? 201 : 200) =>
      p.asDana.agent[method](url).set('x-csrf-token', p.asDana.csrfToken).send(body).expect(status);
    return { ...p, couple, partners, api };
  }

  const ledger = (clientId: string) =>
    db.query(
      `SELECT idempotency_key, status, template FROM email_delivery
       WHERE subject_ids->>'clientId' = $1 ORDER BY created_at, idempotency_key`,
      [clientId],
    ) as Promise<{ idempotency_key: string; status: string; template: string }[]>;

  it('a session moved twice before the email goes out sends one invitation, for the newest time', async () => {
    const { couple, partners, api } = await practice();
    const booked = await api('post', `/api/v1/couples/${couple.id}/sessions`, {
      startsAt: slot(5),
      location: 'Room 2',
    });
    const id = booked.body.data[0].id as string;
    await api('patch', `/api/v1/sessions/${id}`, { startsAt: slot(5, 11) });
    await api('patch', `/api/v1/sessions/${id}`, { startsAt: slot(5, 12) });
    // Only the consenting partner has ledger rows: one per change, each under its own key.
    expect(await ledger(partners[1].id)).toEqual([]);
    expect((await ledger(partners[0].id)).map((r) => r.idempotency_key).sort()).toEqual(
      [0, 1, 2].map((n) => `session-invitation-${partners[0].id}-${id}-${n}`).sort(),
    );

    const { mailbox } = await worker();
    const email = await mailbox.waitForMessageTo(partners[0].email);
    await until(async () => (await ledger(partners[0].id)).every((r) => r.status !== 'pending'));
    expect(mailbox.messagesTo(partners[0].email)).toHaveLength(1);
    expect(mailbox.messagesTo(partners[1].email)).toHaveLength(0);
    expect((await ledger(partners[0].id)).map((r) => r.status).sort()).toEqual(['sent', 'skipped', 'skipped']);

    expect(email.subject).toBe('Your appointment at Harbour Counselling');
    expect(email.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const ics = calendarOf(email);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${id}@trellis`);
    expect(ics).toContain('SEQUENCE:2');
    const start = new Date(slot(5, 12));
    expect(ics).toContain(`DTSTART:${start.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`);
    expect(ics).toContain('LOCATION:Room 2');
    const text = decodedEmailText(email.raw);
    expect(text).toContain('Room 2');
    // No clinical or personal detail: no couple, counselor or other partner, no notes.
    // (The clinic's name, which here says "Counselling", is allowed.)
    for (const secret of [couple.displayName, 'Dana', partners[1].name, 'therap']) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  it('a cancellation sends METHOD:CANCEL for the same UID with a higher SEQUENCE, never the reason', async () => {
    const { mailbox } = await worker();
    const { couple, partners, api } = await practice();
    const booked = await api('post', `/api/v1/couples/${couple.id}/sessions`, {
      startsAt: slot(6),
      videoUrl: 'https://meet.example.test/harbour-room',
      frequency: 'weekly',
      occurrences: 3,
    });
    const ids = (booked.body.data as { id: string }[]).map((s) => s.id);
    const invitation = await mailbox.waitForMessageTo(partners[0].email, /appointments/);
    const invited = calendarOf(invitation);
    for (const id of ids) expect(invited).toContain(`UID:${id}@trellis`);
    expect(decodedEmailText(invitation.raw)).toContain('https://meet.example.test/harbour-room');

    await api(
      'post',
      `/api/v1/sessions/${ids[1]}/cancel`,
      { reason: 'Partner disclosed an affair', scope: 'following' },
      200,
    );
    const cancellation = await mailbox.waitForMessageTo(partners[0].email, /cancelled/);
    expect(cancellation.subject).toBe('Appointments cancelled at Harbour Counselling');
    const ics = calendarOf(cancellation);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain(`UID:${ids[1]}@trellis`);
    expect(ics).toContain(`UID:${ids[2]}@trellis`);
    expect(ics).not.toContain(`UID:${ids[0]}@trellis`);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(decodedEmailText(cancellation.raw).toLowerCase()).not.toContain('affair');
    expect(mailbox.messagesTo(partners[1].email)).toHaveLength(0);
  });

  it('a neutral clinic’s invitation names neither the clinic nor counselling', async () => {
    const { mailbox } = await worker();
    const { clinic, couple, partners, api } = await practice();
    await db.getRepository(Clinic).update({ id: clinic.id }, { neutralPartnerEmails: true });
    await api('post', `/api/v1/couples/${couple.id}/sessions`, { startsAt: slot(7) });
    const email = await mailbox.waitForMessageTo(partners[0].email);
    expect(email.subject).toBe('A new message for you');
    expect(/^From: (.*)$/im.exec(email.raw)?.[1]).toContain('Appointments');
    const text = decodedEmailText(email.raw).toLowerCase();
    for (const word of ['harbour', 'counsel', 'therap', 'dana']) expect(text).not.toContain(word);
    expect(calendarOf(email)).toContain('SUMMARY:Appointment');
  });

  it('plans a reminder a day before, per partner, out of their quiet hours; it re-checks when it fires and sends once', async () => {
    const { mailbox } = await worker();
    const { couple, partners, api } = await practice();
    await db.getRepository(Client).update({ id: partners[1].id }, { timezone: 'America/New_York' });
    // 07:00 London: a day before is 07:00 in London (quiet: 08:00 instead) and 02:00 in New York
    // (quiet: 08:00 New York, 13:00 London).
    const startsAt = slot(4, 7);
    const booked = await api('post', `/api/v1/couples/${couple.id}/sessions`, { startsAt });
    const id = booked.body.data[0].id as string;
    const planned: { job_id: string; run_at: Date }[] = await db.query(
      `SELECT job_id, run_at FROM outbox WHERE job_name = 'send-session-reminder' AND payload->>'sessionId' = $1 ORDER BY run_at`,
      [id],
    );
    const startMs = Date.parse(startsAt);
    expect(planned.map((p) => p.job_id)).toEqual([
      `session-reminder-${id}-${partners[0].id}-${startMs}`,
      `session-reminder-${id}-${partners[1].id}-${startMs}`,
    ]);
    expect(planned.map((p) => new Date(p.run_at).toISOString())).toEqual([slot(3, 8), slot(3, 13)]);

    const fire = (clientId: string, startsAtMs = startMs, tag = 'now') =>
      queue.add(
        JobName.SendSessionReminder,
        { sessionId: id, clientId, clinicId: couple.clinicId, startsAtMs },
        { ...QUEUE_JOB_OPTIONS[QueueName.Sessions], jobId: `test-${tag}-${id}-${clientId}-${Date.now()}` },
      );
    await fire(partners[0].id);
    await fire(partners[0].id, startMs, 'again');
    await fire(partners[1].id); // no consent
    const reminder = await mailbox.waitForMessageTo(partners[0].email, /tomorrow/);
    expect(reminder.subject).toBe('Your appointment tomorrow at Harbour Counselling');
    expect(decodedEmailText(reminder.raw)).not.toContain('BEGIN:VCALENDAR');
    await until(async () => (await queue.getJobCounts('waiting', 'active', 'delayed')).active === 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox.messagesTo(partners[0].email).filter((m) => /tomorrow/.test(m.subject))).toHaveLength(1);
    expect(mailbox.messagesTo(partners[1].email)).toHaveLength(0);

    // Moved: the old job finds another start and does nothing; the move planned its own.
    await api('patch', `/api/v1/sessions/${id}`, { startsAt: slot(4, 9) });
    const replanned: { job_id: string }[] = await db.query(
      `SELECT job_id FROM outbox WHERE job_name = 'send-session-reminder' AND payload->>'sessionId' = $1`,
      [id],
    );
    expect(replanned.map((r) => r.job_id)).toContain(
      `session-reminder-${id}-${partners[0].id}-${Date.parse(slot(4, 9))}`,
    );
    const before = await db.getRepository(EmailDelivery).count();
    await fire(partners[0].id, startMs, 'stale');
    // Paused couple: nothing either, even for the current start.
    await db.getRepository(Couple).update({ id: couple.id }, { status: 'paused' });
    await fire(partners[0].id, Date.parse(slot(4, 9)), 'paused');
    await until(async () => {
      const counts = await queue.getJobCounts('waiting', 'active');
      return counts.waiting === 0 && counts.active === 0;
    });
    expect(await db.getRepository(EmailDelivery).count()).toBe(before);
    // Cancelled: nothing.
    await db.getRepository(Couple).update({ id: couple.id }, { status: 'active' });
    await api('post', `/api/v1/sessions/${id}/cancel`, { reason: 'Illness' }, 200);
    const afterCancel = await db.getRepository(EmailDelivery).countBy({ template: 'session-reminder' });
    await fire(partners[0].id, Date.parse(slot(4, 9)), 'cancelled');
    await until(async () => {
      const counts = await queue.getJobCounts('waiting', 'active');
      return counts.waiting === 0 && counts.active === 0;
    });
    expect(await db.getRepository(EmailDelivery).countBy({ template: 'session-reminder' })).toBe(afterCancel);
  });

  it('rolls next_session_at forward once a session has ended, re-planning what depends on it', async () => {
    const { worker: app2 } = await worker();
    const { couple, api } = await practice();
    const booked = await api('post', `/api/v1/couples/${couple.id}/sessions`, {
      startsAt: slot(2),
      frequency: 'weekly',
      occurrences: 3,
    });
    const [first, second] = booked.body.data as { id: string; startsAt: string }[];
    // The first session took place an hour ago: its time has passed, but next_session_at still names it.
    const past = new Date(Date.now() - 2 * HOUR);
    await db.getRepository(TherapySession).update({ id: first.id }, { startsAt: past });
    await db.getRepository(Couple).update({ id: couple.id }, { nextSessionAt: past });
    const plannedBefore = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'plan-pre-session-digest' AND payload->>'coupleId' = $1`,
      [couple.id],
    );

    const processor = app2.get(SessionsProcessor);
    expect(await processor.rollForward()).toBeGreaterThanOrEqual(1);
    const after = await db.getRepository(Couple).findOneByOrFail({ id: couple.id });
    expect(after.nextSessionAt?.toISOString()).toBe(second.startsAt);
    const plannedAfter = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'plan-pre-session-digest' AND payload->>'coupleId' = $1`,
      [couple.id],
    );
    expect(plannedAfter[0].n).toBe(plannedBefore[0].n + 1);
    // Nothing left to roll: a second sweep changes nothing for this couple.
    await processor.rollForward();
    expect((await db.getRepository(Couple).findOneByOrFail({ id: couple.id })).nextSessionAt?.toISOString()).toBe(
      second.startsAt,
    );
    const plannedAgain = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'plan-pre-session-digest' AND payload->>'coupleId' = $1`,
      [couple.id],
    );
    expect(plannedAgain[0].n).toBe(plannedAfter[0].n);
  });
});
