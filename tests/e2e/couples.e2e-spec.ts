import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, Client, Couple } from '@trellis/data';
import { countQueries } from '../support/count-queries';
import { createAssignment, createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

const DAY = 24 * 3600 * 1000;
const partner = (name: string, email = `${name.toLowerCase()}@example.test`) => ({
  name,
  email,
  timezone: 'Europe/London',
  emailConsent: true,
});

describe('couples and the caseload', () => {
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

  const practice = () => createPractice(app, db);

  it('creates a couple with both partners (shared inbox allowed) and audits it', async () => {
    const { asDana, dana } = await practice();
    const res = await asDana.agent
      .post('/api/v1/couples')
      .set('x-csrf-token', asDana.csrfToken)
      .send({
        displayName: 'Alex & Sam',
        nextSessionAt: new Date(Date.now() + DAY).toISOString(),
        partners: [partner('Alex', 'home@example.test'), partner('Sam', 'HOME@example.test')],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      displayName: 'Alex & Sam',
      therapistId: dana.id,
      therapistName: 'Dana Reyes',
      status: 'active',
    });
    expect(res.body.partners.map((p: { position: number; email: string }) => [p.position, p.email])).toEqual([
      [1, 'home@example.test'],
      [2, 'home@example.test'],
    ]);
    expect(await db.getRepository(AuditEvent).countBy({ recordId: res.body.id, action: 'couple.create' })).toBe(1);
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const { asDana } = await practice();
    const before = await db.getRepository(Couple).count();
    const clientsBefore = await db.getRepository(Client).count();
    const res = await asDana.agent
      .post('/api/v1/couples')
      .set('x-csrf-token', asDana.csrfToken)
      .send({
        displayName: '',
        clinicId: 'x',
        partners: [partner('Alex'), { ...partner('Sam'), timezone: 'Mars/Base', email: 'nope' }],
      })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'clinicId',
      'displayName',
      'partners.1.email',
      'partners.1.timezone',
    ]);
    await asDana.agent
      .post('/api/v1/couples')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ displayName: 'One', partners: [partner('Solo')] })
      .expect(400);
    expect(await db.getRepository(Couple).count()).toBe(before);
    expect(await db.getRepository(Client).count()).toBe(clientsBefore);
  });

  it('lists the caseload with open, overdue and awaiting-review counts computed in SQL', async () => {
    const { clinic, dana, asDana } = await practice();
    const a = await createCouple(db, clinic, dana, {
      displayName: 'Avery & Blake',
      nextSessionAt: new Date(Date.now() + 2 * DAY),
    });
    const b = await createCouple(db, clinic, dana, {
      displayName: 'Casey & Drew',
      nextSessionAt: new Date(Date.now() + DAY),
    });
    await createCouple(db, clinic, dana, { displayName: 'Ellis & Finn', status: 'discharged' });
    await createAssignment(db, a.couple, a.partners, { dueAt: new Date(Date.now() - DAY) }); // open + overdue
    await createAssignment(db, a.couple, a.partners, { dueAt: new Date(Date.now() + DAY), submitted: [true, false] }); // open
    await createAssignment(db, a.couple, a.partners, { dueAt: new Date(Date.now() - DAY), submitted: [true, true] }); // awaiting review
    await createAssignment(db, a.couple, a.partners, {
      dueAt: new Date(Date.now() - DAY),
      submitted: [true, true],
      reviewed: true,
    }); // done
    await createAssignment(db, a.couple, a.partners, { dueAt: new Date(Date.now() - DAY), cancelled: true }); // ignored

    const res = await asDana.agent.get('/api/v1/couples?sort=nextSessionAt&order=ASC').expect(200);
    expect(res.body.total).toBe(2); // discharged couples leave the default view
    expect(res.body.data.map((c: { displayName: string }) => c.displayName)).toEqual(['Casey & Drew', 'Avery & Blake']);
    expect(res.body.data[1]).toMatchObject({
      openCount: 2,
      overdueCount: 1,
      awaitingReviewCount: 1,
      partnerNames: [a.partners[0].name, a.partners[1].name],
      // For the assign dialog's cautions from the library (staff only, like the couple's record).
      phase: null,
      partnerRoles: ['not_set', 'not_set'],
    });
    expect(res.body.data[0]).toMatchObject({ openCount: 0, overdueCount: 0, awaitingReviewCount: 0 });

    const overdue = await asDana.agent.get('/api/v1/couples?hasOverdue=true').expect(200);
    expect(overdue.body.data.map((c: { id: string }) => c.id)).toEqual([a.couple.id]);
    const review = await asDana.agent.get('/api/v1/couples?needsReview=true').expect(200);
    expect(review.body.total).toBe(1);
    const all = await asDana.agent.get('/api/v1/couples?status=all&sort=displayName').expect(200);
    expect(all.body.total).toBe(3);
    const search = await asDana.agent.get(`/api/v1/couples?q=${encodeURIComponent(b.partners[1].name)}`).expect(200);
    expect(search.body.data.map((c: { id: string }) => c.id)).toEqual([b.couple.id]);
  });

  it('pages the caseload with the total and the counts of each row, with and without a count filter', async () => {
    const { clinic, dana, asDana } = await practice();
    const names = ['Quinn & Rowan', 'Avery & Blake', 'Morgan & Noor', 'Ellis & Finn', 'Jude & Kai'];
    const couples = [];
    for (const displayName of names) couples.push(await createCouple(db, clinic, dana, { displayName }));
    // Every couple but the first alphabetically has one overdue homework.
    for (const c of couples.filter((c) => c.couple.displayName !== 'Avery & Blake')) {
      await createAssignment(db, c.couple, c.partners, { dueAt: new Date(Date.now() - DAY) });
    }
    const page2 = await asDana.agent.get('/api/v1/couples?sort=displayName&order=ASC&perPage=2&page=2').expect(200);
    expect(page2.body.total).toBe(5);
    expect(
      page2.body.data.map((c: { displayName: string; overdueCount: number }) => [c.displayName, c.overdueCount]),
    ).toEqual([
      ['Jude & Kai', 1],
      ['Morgan & Noor', 1],
    ]);
    const desc = await asDana.agent.get('/api/v1/couples?sort=displayName&order=DESC&perPage=2&page=3').expect(200);
    expect(desc.body.data.map((c: { displayName: string; openCount: number }) => [c.displayName, c.openCount])).toEqual(
      [['Avery & Blake', 0]],
    );
    const filtered = await asDana.agent
      .get('/api/v1/couples?sort=displayName&order=ASC&perPage=2&page=2&hasOverdue=true')
      .expect(200);
    expect(filtered.body.total).toBe(4);
    expect(filtered.body.data.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Morgan & Noor',
      'Quinn & Rowan',
    ]);
  });

  it('costs the same number of queries at page size 10 and 100', async () => {
    const { clinic, dana, asDana } = await practice();
    for (let i = 0; i < 12; i += 1) {
      const c = await createCouple(db, clinic, dana);
      await createAssignment(db, c.couple, c.partners, { dueAt: new Date(Date.now() - DAY) });
    }
    const small = await countQueries(() => asDana.agent.get('/api/v1/couples?perPage=10').expect(200));
    const large = await countQueries(() => asDana.agent.get('/api/v1/couples?perPage=100').expect(200));
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('keeps therapists to their own couples (404) and lets admins see and reassign', async () => {
    const { clinic, admin, dana, sam, asDana } = await practice();
    const samsCouple = await createCouple(db, clinic, sam);
    await asDana.agent.get(`/api/v1/couples/${samsCouple.couple.id}`).expect(404);
    await asDana.agent
      .patch(`/api/v1/couples/${samsCouple.couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ status: 'paused' })
      .expect(404);
    const listed = await asDana.agent.get('/api/v1/couples').expect(200);
    expect(listed.body.data.map((c: { id: string }) => c.id)).not.toContain(samsCouple.couple.id);
    await asDana.agent.get(`/api/v1/couples?therapistId=${sam.id}`).expect(403);
    // Refused, and recorded as a denied read naming whose caseload was asked for.
    const refused = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'couple.list', outcome: 'denied', actorId: dana.id });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ clinicId: clinic.id, recordType: 'staff', recordId: sam.id });

    const asAdmin = await signIn(app, admin.email);
    await asAdmin.agent.get(`/api/v1/couples/${samsCouple.couple.id}`).expect(200);
    const moved = await asAdmin.agent
      .patch(`/api/v1/couples/${samsCouple.couple.id}`)
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ therapistId: dana.id })
      .expect(200);
    expect(moved.body.therapistId).toBe(dana.id);
    await asDana.agent.get(`/api/v1/couples/${samsCouple.couple.id}`).expect(200);
    // A therapist cannot hand a couple to someone else.
    await asDana.agent
      .patch(`/api/v1/couples/${samsCouple.couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ therapistId: sam.id })
      .expect(403);
  });

  it('records one audit row, in the read’s transaction, for each couple page read — a 404 is recorded as denied', async () => {
    const { clinic, dana, sam, asDana } = await practice();
    const own = await createCouple(db, clinic, dana);
    const samsCouple = await createCouple(db, clinic, sam);
    await asDana.agent.get(`/api/v1/couples/${own.couple.id}`).set('user-agent', 'audit-test/1.0').expect(200);
    await asDana.agent.get(`/api/v1/couples/${own.couple.id}`).expect(200);
    const rows = await db
      .getRepository(AuditEvent)
      .find({ where: { recordId: own.couple.id, action: 'couple.view' }, order: { id: 'ASC' } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      clinicId: clinic.id,
      actorType: 'staff',
      actorId: dana.id,
      outcome: 'success',
      recordType: 'couple',
      userAgent: 'audit-test/1.0',
      details: {},
    });
    expect(rows[0].ip).toBeTruthy();

    // A 404 is never a successful view; since denied reads are audited it leaves one `denied` row.
    await asDana.agent.get(`/api/v1/couples/${samsCouple.couple.id}`).expect(404);
    const denied = await db.getRepository(AuditEvent).findBy({ recordId: samsCouple.couple.id, action: 'couple.view' });
    expect(denied).toEqual([expect.objectContaining({ outcome: 'denied', actorId: dana.id, clinicId: clinic.id })]);
  });

  it('records its own audit row for each of many reads served at once (no row is shared or lost)', async () => {
    const { clinic, dana, asDana } = await practice();
    const own = await createCouple(db, clinic, dana);
    const pages = await Promise.all(
      Array.from({ length: 12 }, () => asDana.agent.get(`/api/v1/couples/${own.couple.id}`)),
    );
    const lists = await Promise.all(Array.from({ length: 12 }, () => asDana.agent.get('/api/v1/couples')));
    expect([...pages, ...lists].map((res) => res.status)).toEqual(Array(24).fill(200));
    expect(await db.getRepository(AuditEvent).countBy({ recordId: own.couple.id, action: 'couple.view' })).toBe(12);
    expect(await db.getRepository(AuditEvent).countBy({ actorId: dana.id, action: 'couple.list' })).toBe(12);
  });

  it("never shows one clinic's couples to another clinic (404)", async () => {
    const a = await practice();
    const b = await practice();
    const couple = await createCouple(db, a.clinic, a.dana);
    const bAdmin = await signIn(app, b.admin.email);
    await bAdmin.agent.get(`/api/v1/couples/${couple.couple.id}`).expect(404);
    await bAdmin.agent
      .patch(`/api/v1/couples/${couple.couple.id}`)
      .set('x-csrf-token', bAdmin.csrfToken)
      .send({ displayName: 'x' })
      .expect(404);
    const list = await bAdmin.agent.get('/api/v1/couples?status=all').expect(200);
    expect(list.body.total).toBe(0);
    await bAdmin.agent
      .post('/api/v1/couples')
      .set('x-csrf-token', bAdmin.csrfToken)
      .send({ displayName: 'X', therapistId: a.dana.id, partners: [partner('A'), partner('B')] })
      .expect(400);
  });

  it('edits, pauses and discharges; partners are edited by position; discharged keep their history', async () => {
    const { clinic, dana, asDana } = await practice();
    const { couple, partners } = await createCouple(db, clinic, dana);
    await createAssignment(db, couple, partners, { dueAt: new Date(Date.now() + DAY) });
    const res = await asDana.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({
        status: 'discharged',
        nextSessionAt: null,
        partners: [{ position: 2, emailConsent: false, name: 'Sam Taylor' }],
      })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'discharged', nextSessionAt: null });
    expect(res.body.partners[1]).toMatchObject({ name: 'Sam Taylor', emailConsent: false });
    await asDana.agent.get(`/api/v1/couples/${couple.id}`).expect(200);
    const listed = await asDana.agent.get('/api/v1/couples?status=discharged').expect(200);
    expect(listed.body.data[0]).toMatchObject({ id: couple.id, openCount: 1 });
    const bad = await asDana.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ status: 'gone', partners: [{ position: 3 }] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['partners.0.position', 'status']);
  });

  it('refuses anonymous callers', async () => {
    await request(app.getHttpServer()).get('/api/v1/couples').expect(401);
  });
});
