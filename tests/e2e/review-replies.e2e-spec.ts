import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import { Assignment, AssignmentReviewComment, AuditEvent, Client, EmailDelivery, Exercise } from '@trellis/data';
import type { Prompt } from '@trellis/domain';
import { decodedEmailText } from '../support/email-links';
import { eventually, until } from '../support/eventually';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { completeAnswersFor, HOMEWORK_HEADER, homeworkTokenFromEmail, openHomeworkAs } from '../support/homework-flow';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

const DAY = 24 * 3600 * 1000;
const FIRST = 'Thank you both. Bring the list of small wins on Thursday.';
const SECOND = 'One more thought: go gently with each other this week.';
const REPLY_SUBJECT = /^A reply from /;

/**
 * The therapist's comments on reviewed homework reach both partners, are kept as a history, and
 * are announced by an email that carries none of their words.
 */
describe("the therapist's reply reaches the couple", () => {
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

  async function practice(consent: [boolean, boolean] = [true, true]) {
    const clinic = await createClinic(db, { name: 'Harbour Counselling' });
    const dana = await createStaff(db, clinic, { name: 'Dana Reyes' });
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    await db.getRepository(Client).update({ id: partners[0].id }, { name: 'Alex Morgan', emailConsent: true });
    await db.getRepository(Client).update({ id: partners[1].id }, { name: 'Sam Taylor', emailConsent: true });
    const asDana = await signIn(app, dana.email);
    const exercise = await db
      .getRepository(Exercise)
      .findOneByOrFail({ key: 'weekly-trust-check-in', clinicId: IsNull() });
    const created = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueAt: new Date(Date.now() + 3 * DAY).toISOString() })
      .expect(201);
    const assignmentId: string = created.body.data[0].id;
    const alex = await openHomeworkAs(
      app,
      homeworkTokenFromEmail((await harness.mailbox.waitForMessageTo(partners[0].email)).raw),
    );
    const sam = await openHomeworkAs(
      app,
      homeworkTokenFromEmail((await harness.mailbox.waitForMessageTo(partners[1].email)).raw),
    );
    // Consent as the test wants it from here on (the first links went out to both).
    await db.getRepository(Client).update({ id: partners[0].id }, { emailConsent: consent[0] });
    await db.getRepository(Client).update({ id: partners[1].id }, { emailConsent: consent[1] });
    const prompts: Prompt[] = (await alex.get('/api/v1/homework/current').expect(200)).body.prompts;
    await alex
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: completeAnswersFor(prompts, 'alex') })
      .expect(200);
    const review = (body: Record<string, unknown>, status = 200, as = asDana) =>
      as.agent
        .post(`/api/v1/assignments/${assignmentId}/review`)
        .set('x-csrf-token', as.csrfToken)
        .send(body)
        .expect(status);
    return { clinic, dana, asDana, couple, partners, assignmentId, alex, sam, review };
  }

  const replyEmailsTo = (address: string) =>
    harness.mailbox.messagesTo(address).filter((m) => REPLY_SUBJECT.test(m.subject));

  it('keeps every comment with its author and time, shows them to both partners, and emails no words of them', async () => {
    const { dana, asDana, partners, assignmentId, alex, sam, review } = await practice();

    await review({ comment: FIRST });
    await review({ comment: `  ${SECOND}  ` });

    // The history: both comments, oldest first, each with its author and time; none replaced.
    const detail = (await asDana.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200)).body;
    expect(detail.status).toBe('reviewed');
    expect(detail.reviewComments).toEqual([
      { id: expect.any(String), authorName: 'Dana Reyes', body: FIRST, createdAt: expect.any(String) },
      { id: expect.any(String), authorName: 'Dana Reyes', body: SECOND, createdAt: expect.any(String) },
    ]);
    const rows = await db
      .getRepository(AssignmentReviewComment)
      .find({ where: { assignmentId }, order: { createdAt: 'ASC' } });
    expect(rows.map((r) => [r.authorId, r.body])).toEqual([
      [dana.id, FIRST],
      [dana.id, SECOND],
    ]);

    // Each partner's page shows them: the one who submitted and the one who has not.
    for (const partner of [alex, sam]) {
      const page = (await partner.get('/api/v1/homework/current').expect(200)).body;
      expect(page.therapistComments).toEqual([
        { authorName: 'Dana Reyes', body: FIRST, createdAt: expect.any(String) },
        { authorName: 'Dana Reyes', body: SECOND, createdAt: expect.any(String) },
      ]);
    }

    // One email per comment and partner, saying only that a reply is waiting.
    const emails = await until(async () => {
      const all = [...replyEmailsTo(partners[0].email), ...replyEmailsTo(partners[1].email)];
      return all.length === 4 ? all : null;
    });
    for (const email of emails) {
      const text = decodedEmailText(email.raw);
      expect(text).toContain('Dana Reyes has left a reply');
      expect(text).not.toContain('small wins');
      expect(text).not.toContain('go gently');
      expect(text).not.toContain('Weekly trust check-in');
    }
    // The email's link opens the page with the reply on it.
    const fresh = await openHomeworkAs(app, homeworkTokenFromEmail(replyEmailsTo(partners[1].email)[1].raw));
    expect((await fresh.get('/api/v1/homework/current').expect(200)).body.therapistComments).toHaveLength(2);

    // Job payloads and ledger rows carry ids only.
    const ledger = await db.getRepository(EmailDelivery).findBy({ template: 'homework-reply' });
    const mine = ledger.filter((d) => rows.some((r) => r.id === d.subjectIds.commentId));
    expect(mine).toHaveLength(4);
    for (const delivery of mine) expect(Object.keys(delivery.subjectIds).sort()).toEqual(['commentId', 'responseId']);
    const outbox: { payload: unknown }[] = await db.query(`SELECT payload FROM outbox`);
    expect(JSON.stringify(outbox)).not.toContain('small wins');

    const audit = await db.getRepository(AuditEvent).findBy({ action: 'assignment.review', recordId: assignmentId });
    expect(audit.map((a) => a.details?.commentId).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('sends no email to a partner without email consent or whose link the therapist revoked, and none for a bare review', async () => {
    const { asDana, partners, assignmentId, sam, review } = await practice([true, false]);
    await review({});
    await review({ comment: '   ' });
    expect(await db.getRepository(AssignmentReviewComment).countBy({ assignmentId })).toBe(0);

    await asDana.agent
      .post(`/api/v1/assignments/${assignmentId}/partners/${partners[0].id}/link/revoke`)
      .set('x-csrf-token', asDana.csrfToken)
      .expect(200);
    await review({ comment: FIRST });
    const [comment] = await db.getRepository(AssignmentReviewComment).findBy({ assignmentId });
    // Alex's link was revoked: the ledger row is skipped, not sent. Sam never agreed to email: no row.
    const deliveries = await eventually(async () => {
      const rows = (await db.getRepository(EmailDelivery).findBy({ template: 'homework-reply' })).filter(
        (d) => d.subjectIds.commentId === comment.id,
      );
      expect(rows.map((d) => d.status)).toEqual(['skipped']);
      return rows;
    });
    expect(deliveries).toHaveLength(1);
    expect(replyEmailsTo(partners[0].email)).toHaveLength(0);
    expect(replyEmailsTo(partners[1].email)).toHaveLength(0);
    // Sam still reads it on the page.
    expect((await sam.get('/api/v1/homework/current').expect(200)).body.therapistComments).toHaveLength(1);
  });

  it('gives a reply sent after the link lapsed a link that works', async () => {
    const { partners, assignmentId, review } = await practice();
    // Long past due: the links minted from the due date have expired.
    await db.getRepository(Assignment).update({ id: assignmentId }, { dueAt: new Date(Date.now() - 60 * DAY) });
    await review({ comment: FIRST });
    const email = await harness.mailbox.waitForMessageTo(partners[0].email, REPLY_SUBJECT);
    const partner = await openHomeworkAs(app, homeworkTokenFromEmail(email.raw));
    expect((await partner.get('/api/v1/homework/current').expect(200)).body.therapistComments).toHaveLength(1);
  });

  it("never shows a comment to another couple's partner, and refuses other clinics' and therapists' reviews", async () => {
    const first = await practice();
    const other = await practice();
    await first.review({ comment: FIRST });

    // The other couple's partners (a different assignment) see none of it.
    for (const partner of [other.alex, other.sam]) {
      const page = await partner.get('/api/v1/homework/current').expect(200);
      expect(page.body.therapistComments).toEqual([]);
      expect(page.text).not.toContain('small wins');
    }

    // The other clinic's therapist, and another therapist in the same clinic, get a 404 and write nothing.
    await first.review({ comment: 'Written by someone else' }, 404, other.asDana);
    const colleague = await createStaff(db, first.clinic, { name: 'Pat Colleague' });
    await setPassword(db, colleague);
    const asColleague = await signIn(app, colleague.email);
    await first.review({ comment: 'Written by a colleague' }, 404, asColleague);
    const comments = await db.getRepository(AssignmentReviewComment).findBy({ assignmentId: first.assignmentId });
    expect(comments.map((c) => c.body)).toEqual([FIRST]);
    expect(
      (await first.asDana.agent.get(`/api/v1/assignments/${first.assignmentId}`).expect(200)).body.reviewComments,
    ).toHaveLength(1);
  });

  it('refuses a comment that is too long or not text, naming the field, and changes nothing', async () => {
    const { assignmentId, review } = await practice();
    const tooLong = await review({ comment: 'x'.repeat(2001) }, 400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'comment' })]);
    const notText = await review({ comment: 42 }, 400);
    expect(notText.body.errors).toEqual([expect.objectContaining({ field: 'comment' })]);
    expect(await db.getRepository(AssignmentReviewComment).countBy({ assignmentId })).toBe(0);
    expect((await db.getRepository(Assignment).findOneByOrFail({ id: assignmentId })).reviewedAt).toBeNull();
  });
});
