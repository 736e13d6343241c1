import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { CoupleEngagement, TherapistHome } from '@trellis/contracts';
import { AuditEvent, Clinic, type Client, type Couple } from '@trellis/data';
import { DigestBuilder } from '../../libs/features/src/digests/digest-builder';
import { countQueries } from '../support/count-queries';
import { createAssignment, createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

const DAY = 24 * 3600 * 1000;
type Outcome = 'on_time' | 'late' | 'missed';

describe('engagement: the home screen’s check-ins, the couple page and the clinic’s thresholds', () => {
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

  /** Weekly homework due 1, 2, … weeks ago (the first outcome is the newest), each partner's outcome. */
  async function history(couple: Couple, partners: [Client, Client], weeks: [Outcome, Outcome][]) {
    for (const [i, outcomes] of weeks.entries()) {
      const dueAt = new Date(Date.now() - (i + 1) * 7 * DAY);
      const a = await createAssignment(db, couple, partners, { dueAt });
      for (const [p, outcome] of outcomes.entries()) {
        if (outcome === 'missed') continue;
        await db.query(
          `UPDATE homework_response SET submitted_at = $3, link_opened_at = $3 WHERE assignment_id = $1 AND client_id = $2`,
          [a.id, partners[p].id, new Date(dueAt.getTime() + (outcome === 'on_time' ? -DAY : DAY))],
        );
      }
    }
  }

  it('asks the therapist to check in with a partner who missed three in a row; an admin sees the clinic’s', async () => {
    const { clinic, admin, dana, sam, asDana } = await createPractice(app, db);
    const drifting = await createCouple(db, clinic, dana, { displayName: 'Jordan & Priya' });
    await db.query(`UPDATE client SET name = $2 WHERE id = $1`, [drifting.partners[0].id, 'Jordan Lee']);
    await db.query(`UPDATE client SET name = $2 WHERE id = $1`, [drifting.partners[1].id, 'Priya Shah']);
    await history(drifting.couple, drifting.partners, [
      ['missed', 'on_time'],
      ['late', 'on_time'],
      ['missed', 'on_time'],
      ['on_time', 'on_time'],
    ]);
    // Two in a row: gentler reminders, no task yet.
    const slipping = await createCouple(db, clinic, dana, { displayName: 'Casey & Drew' });
    await history(slipping.couple, slipping.partners, [
      ['on_time', 'missed'],
      ['on_time', 'missed'],
      ['on_time', 'on_time'],
    ]);
    // Cancelled homework and homework not yet due are no misses.
    const fine = await createCouple(db, clinic, dana, { displayName: 'Avery & Blake' });
    for (const days of [-21, -14, -7]) {
      await createAssignment(db, fine.couple, fine.partners, {
        dueAt: new Date(Date.now() + days * DAY),
        cancelled: true,
      });
    }
    await createAssignment(db, fine.couple, fine.partners, { dueAt: new Date(Date.now() + 3 * DAY) });
    const samsCouple = await createCouple(db, clinic, sam, { displayName: 'Emery & Finn' });
    await history(samsCouple.couple, samsCouple.partners, [
      ['on_time', 'missed'],
      ['on_time', 'missed'],
      ['on_time', 'missed'],
      ['on_time', 'missed'],
    ]);
    // A discharged couple and another clinic's never show.
    const gone = await createCouple(db, clinic, dana, { status: 'discharged' });
    await history(gone.couple, gone.partners, [
      ['missed', 'missed'],
      ['missed', 'missed'],
      ['missed', 'missed'],
    ]);
    const elsewhere = await createPractice(app, db);
    const theirs = await createCouple(db, elsewhere.clinic, elsewhere.dana);
    await history(theirs.couple, theirs.partners, [
      ['missed', 'missed'],
      ['missed', 'missed'],
      ['missed', 'missed'],
    ]);

    const home: TherapistHome = (await asDana.agent.get('/api/v1/home').expect(200)).body;
    expect(home.checkInCount).toBe(1);
    expect(home.checkIns).toEqual([
      {
        coupleId: drifting.couple.id,
        coupleName: 'Jordan & Priya',
        clientId: drifting.partners[0].id,
        partnerName: 'Jordan',
        missedInARow: 3,
        // Their late submission a week after the due date three weeks ago: 13 days.
        lastActiveAt: expect.any(String),
      },
    ]);
    expect(Math.round((Date.now() - Date.parse(home.checkIns[0].lastActiveAt as string)) / DAY)).toBe(13);

    const asAdmin = await signIn(app, admin.email);
    const clinicHome: TherapistHome = (await asAdmin.agent.get('/api/v1/home').expect(200)).body;
    expect(clinicHome.checkIns.map((c) => [c.partnerName, c.missedInARow])).toEqual([
      // Most missed first.
      [samsCouple.partners[1].name.split(' ')[0], 4],
      ['Jordan', 3],
    ]);

    // The couple page: both partners, counts and times only.
    const page: CoupleEngagement = (
      await asDana.agent.get(`/api/v1/couples/${drifting.couple.id}/engagement`).expect(200)
    ).body;
    expect(page.partners).toEqual([
      expect.objectContaining({
        clientId: drifting.partners[0].id,
        name: 'Jordan Lee',
        position: 1,
        counted: 4,
        missed: 3,
        onTimeRate: 0.25,
        missedInARow: 3,
        daysSinceActive: 13,
        gentleReminders: true,
        needsCheckIn: true,
      }),
      expect.objectContaining({ name: 'Priya Shah', counted: 4, missed: 0, onTimeRate: 1, missedInARow: 0 }),
    ]);
    const slippingPage: CoupleEngagement = (
      await asDana.agent.get(`/api/v1/couples/${slipping.couple.id}/engagement`).expect(200)
    ).body;
    expect(slippingPage.partners[1]).toMatchObject({ missedInARow: 2, gentleReminders: true, needsCheckIn: false });
    const finePage: CoupleEngagement = (
      await asDana.agent.get(`/api/v1/couples/${fine.couple.id}/engagement`).expect(200)
    ).body;
    expect(finePage.partners[0]).toMatchObject({
      counted: 0,
      missed: 0,
      onTimeRate: null,
      missedInARow: 0,
      lastActiveAt: null,
      daysSinceActive: null,
    });
    const audited = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'engagement.view', recordId: drifting.couple.id });
    expect(audited.map((a) => a.outcome)).toEqual(['success']);

    // Another therapist's couple, another clinic's, and none at all: the same 404, each recorded as denied.
    for (const id of [samsCouple.couple.id, theirs.couple.id, '00000000-0000-4000-8000-000000000000']) {
      await asDana.agent.get(`/api/v1/couples/${id}/engagement`).expect(404);
    }
    const denied = await db.getRepository(AuditEvent).findBy({ action: 'engagement.view', outcome: 'denied' });
    expect(denied.filter((a) => a.clinicId === clinic.id)).toHaveLength(3);
    // Not an id at all: no record by that name either (RecordIdPipe).
    await asDana.agent.get('/api/v1/couples/not-an-id/engagement').expect(404);

    // The weekly digest names each couple's partners by engagement, and who to check in with.
    const digest = await new DigestBuilder(db).weekly(dana.id, new Date(Date.now() - 7 * DAY), new Date());
    const lines = new Map(digest?.couples.map((c) => [c.coupleName, c]));
    expect(lines.get('Jordan & Priya')).toMatchObject({
      engagement: 'Jordan missed 3 of the last 4; Priya did all',
      checkInWith: ['Jordan'],
    });
    expect(lines.get('Casey & Drew')?.checkInWith).toEqual([]);
    expect(lines.get('Avery & Blake')?.engagement).toMatch(/has had nothing due yet; .* has had nothing due yet/);

    // The clinic moves the line: a task from two in a row, gentler reminders off.
    await asDana.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ engagementTaskAfterMisses: 2 })
      .expect(403);
    const changed = await asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ engagementTaskAfterMisses: 2, gentleReminderAfterMisses: 0 })
      .expect(200);
    expect(changed.body).toMatchObject({ engagementTaskAfterMisses: 2, gentleReminderAfterMisses: 0 });
    const moved: TherapistHome = (await asDana.agent.get('/api/v1/home').expect(200)).body;
    expect(moved.checkIns.map((c) => [c.coupleName, c.missedInARow])).toEqual([
      ['Jordan & Priya', 3],
      ['Casey & Drew', 2],
    ]);
    const off: CoupleEngagement = (
      await asDana.agent.get(`/api/v1/couples/${drifting.couple.id}/engagement`).expect(200)
    ).body;
    expect(off.partners[0]).toMatchObject({ gentleReminders: false, needsCheckIn: true });
    // 0 turns the task off too.
    await asAdmin.agent
      .patch('/api/v1/clinic')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ engagementTaskAfterMisses: 0 })
      .expect(200);
    expect((await asDana.agent.get('/api/v1/home').expect(200)).body).toMatchObject({ checkIns: [], checkInCount: 0 });

    for (const [field, value] of [
      ['gentleReminderAfterMisses', -1],
      ['gentleReminderAfterMisses', 21],
      ['gentleReminderAfterMisses', 1.5],
      ['engagementTaskAfterMisses', '3'],
      ['engagementTaskAfterMisses', null],
    ] as const) {
      const res = await asAdmin.agent
        .patch('/api/v1/clinic')
        .set('x-csrf-token', asAdmin.csrfToken)
        .send({ [field]: value })
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    const after = await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id });
    expect(after).toMatchObject({ gentleReminderAfterMisses: 0, engagementTaskAfterMisses: 0 });
  });

  it('costs the home screen the same number of statements with 1 or 12 partners to check in with', async () => {
    const small = await createPractice(app, db);
    const one = await createCouple(db, small.clinic, small.dana);
    await history(one.couple, one.partners, [
      ['missed', 'on_time'],
      ['missed', 'on_time'],
      ['missed', 'on_time'],
    ]);
    const big = await createPractice(app, db);
    for (let i = 0; i < 6; i += 1) {
      const c = await createCouple(db, big.clinic, big.dana);
      await history(c.couple, c.partners, [
        ['missed', 'missed'],
        ['missed', 'late'],
        ['missed', 'missed'],
      ]);
    }
    const q1 = await countQueries(() => small.asDana.agent.get('/api/v1/home').expect(200));
    const q12 = await countQueries(() => big.asDana.agent.get('/api/v1/home').expect(200));
    expect(q1).toBeGreaterThan(0);
    expect(q12).toBe(q1);
    expect((await big.asDana.agent.get('/api/v1/home').expect(200)).body.checkInCount).toBe(12);
  });
});
