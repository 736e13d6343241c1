import { decodedEmailText } from '../support/email-links';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import { AuditEvent, Client, Clinic, Exercise } from '@trellis/data';
import { until } from '../support/eventually';
import { createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { completeAnswersFor, HOMEWORK_HEADER, homeworkTokenFromEmail, openHomeworkAs } from '../support/homework-flow';
import { createPractice } from '../support/practice';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';
import type { CapturedEmail } from '../support/smtp-capture';

const DAY = 24 * 3600 * 1000;

// What must not show in a partner's inbox list or notification when the clinic chose neutral emails.
const REVEALING = [
  'therap',
  'counsel',
  'homework',
  'exercise',
  'session',
  'reply',
  'reminder',
  'couple',
  'harbour',
  'dana',
  'trellis',
  'weekly trust',
];

const fromHeader = (email: CapturedEmail) => /^From: (.*)$/im.exec(email.raw)?.[1]?.trim() ?? '';
// The sender's display name (what an inbox shows); the address is the clinic's configured one.
const senderName = (email: CapturedEmail) =>
  fromHeader(email)
    .replace(/<[^>]*>\s*$/, '')
    .replace(/"/g, '')
    .trim();

/**
 * A clinic may send partners' emails under a neutral subject and sender name: someone glancing at
 * a partner's inbox learns nothing about counselling. Off by default; only the clinic's admin
 * changes it, for their own clinic.
 */
describe('neutral partner emails', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
  });
  afterAll(async () => {
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  async function practice() {
    const practice = await createPractice(app, db, { name: 'Harbour Counselling' });
    const { couple, partners } = await createCouple(db, practice.clinic, practice.dana);
    for (const p of partners) await db.getRepository(Client).update({ id: p.id }, { emailConsent: true });
    const exercise = await db
      .getRepository(Exercise)
      .findOneByOrFail({ key: 'weekly-trust-check-in', clinicId: IsNull() });
    const assign = async () => {
      const created = await practice.asDana.agent
        .post('/api/v1/assignments')
        .set('x-csrf-token', practice.asDana.csrfToken)
        .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: new Date(Date.now() + 3 * DAY).toISOString() })
        .expect(201);
      return created.body.data[0].id as string;
    };
    return { ...practice, partners, assign, asAdmin: await signIn(app, practice.admin.email) };
  }

  it('is off by default: partners get the usual subject and sender', async () => {
    const { asAdmin, partners, assign } = await practice();
    expect((await asAdmin.agent.get('/api/v1/clinic').expect(200)).body.neutralPartnerEmails).toBe(false);
    await assign();
    const email = await harness.mailbox.waitForMessageTo(partners[0].email);
    expect(email.subject).toMatch(/^Homework from Harbour Counselling: /);
    expect(senderName(email)).toBe('Trellis');
  });

  it('once an admin turns it on, the homework link and the reply email reveal nothing in subject or sender', async () => {
    const { clinic, admin, asAdmin, asDana, partners, assign } = await practice();
    const on = await asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ neutralPartnerEmails: true })
      .expect(200);
    expect(on.body.neutralPartnerEmails).toBe(true);
    expect((await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id })).neutralPartnerEmails).toBe(true);
    const audit = await db.getRepository(AuditEvent).findBy({ action: 'clinic.update', recordId: clinic.id });
    expect(audit.map((a) => [a.actorId, a.details])).toEqual([[admin.id, { neutralPartnerEmails: true }]]);

    const assignmentId = await assign();
    const linkEmails = await Promise.all(partners.map((p) => harness.mailbox.waitForMessageTo(p.email)));

    // A reply from the therapist is announced to both partners, under the same neutral envelope.
    const alex = await openHomeworkAs(app, await homeworkTokenFromEmail(app, linkEmails[0].raw));
    const prompts = (await alex.get('/api/v1/homework/current').expect(200)).body.prompts;
    await alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: completeAnswersFor(prompts, 'alex') })
      .expect(200);
    await asDana.agent
      .post(`/api/v1/assignments/${assignmentId}/review`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ comment: 'Thank you both.' })
      .expect(200);
    const replyEmails = await until(async () => {
      const all = harness.mailbox.messages.filter((m) => partners.some((p) => m.to.includes(p.email)));
      return all.length >= 4 ? all : null;
    });

    expect(replyEmails).toHaveLength(4);
    for (const email of [...linkEmails, ...replyEmails]) {
      const from = senderName(email);
      expect(email.subject).toBe('A new message for you');
      expect(from).toBe('Appointments');
      for (const word of REVEALING) {
        expect(email.subject.toLowerCase()).not.toContain(word);
        expect(from.toLowerCase()).not.toContain(word);
      }
      // The body too: no clinic name, therapist, exercise title or "homework" heading, still a working link.
      const body = decodedEmailText(email.raw);
      expect(body).toContain('There is something new waiting for you.');
      expect(body).toMatch(/\/h\/[A-Za-z0-9_-]{20,}/);
      for (const word of [...REVEALING, 'harbour', 'dana', 'weekly trust'])
        expect(body.toLowerCase()).not.toContain(word);
    }
  });

  it('refuses a value that is not true or false, naming the field, and changes nothing', async () => {
    const { clinic, asAdmin } = await practice();
    for (const value of ['yes', 'true', 1, null, { on: true }]) {
      const bad = await asAdmin.agent
        .patch('/api/v1/clinic')
        .set('x-csrf-token', asAdmin.csrfToken)
        .send({ neutralPartnerEmails: value })
        .expect(400);
      expect(bad.body.errors[0].field).toBe('neutralPartnerEmails');
    }
    expect((await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id })).neutralPartnerEmails).toBe(false);
    expect(await db.getRepository(AuditEvent).countBy({ action: 'clinic.update', recordId: clinic.id })).toBe(0);
  });

  it('is changed only by an admin, and only for their own clinic', async () => {
    const mine = await practice();
    const other = await practice();
    await mine.asDana.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', mine.asDana.csrfToken)
      .send({ neutralPartnerEmails: true })
      .expect(403);
    // Another clinic's admin changes their own clinic, never this one (there is no clinic id to aim at).
    await other.asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', other.asAdmin.csrfToken)
      .send({ neutralPartnerEmails: true, id: mine.clinic.id })
      .expect(400);
    await other.asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', other.asAdmin.csrfToken)
      .send({ neutralPartnerEmails: true })
      .expect(200);
    const clinics = db.getRepository(Clinic);
    expect((await clinics.findOneByOrFail({ id: mine.clinic.id })).neutralPartnerEmails).toBe(false);
    expect((await clinics.findOneByOrFail({ id: other.clinic.id })).neutralPartnerEmails).toBe(true);
  });
});
