import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import { Assignment, AuditEvent, Couple, Exercise, SessionNote, TherapySession } from '@trellis/data';
import { CreatedSessions1795750000000 } from '../../libs/data/src/migrations/1795750000000-CreatedSessions';
import {
  lastSessionStart,
  nextSessionStart,
  occupiesTherapist,
  slotsOverlap,
  type ScheduleStatus,
} from '@trellis/domain';
import {
  lastSessionSql,
  nextSessionSql,
  overlapsSlotSql,
  sessionOccupiesSql,
} from '../../libs/features/src/sessions/session-schedule.sql';
import { countQueries } from '../support/count-queries';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A whole hour, `days` from now, at `hour`:00 UTC: far from "now" so no test races the clock. */
function slot(days: number, hour = 10): string {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

describe('sessions', () => {
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

  async function practice(timezone = 'Europe/London') {
    const p = await createPractice(app, db, { timezone });
    const { couple, partners } = await createCouple(db, p.clinic, p.dana);
    const other = await createCouple(db, p.clinic, p.dana);
    return { ...p, couple, partners, other: other.couple };
  }

  const sessionsOf = (coupleId: string) =>
    db.getRepository(TherapySession).find({ where: { coupleId }, order: { startsAt: 'ASC' } });
  const nextOf = async (coupleId: string) =>
    (await db.getRepository(Couple).findOneByOrFail({ id: coupleId })).nextSessionAt?.toISOString() ?? null;

  it('books a weekly series at the same local time; next_session_at follows the schedule', async () => {
    const { couple, dana, asDana } = await practice();
    const first = slot(3);
    const res = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: first, durationMinutes: 50, location: 'Room 2', frequency: 'weekly', occurrences: 4 })
      .expect(201);
    expect(res.body.total).toBe(4);
    expect(res.body.data[0]).toMatchObject({
      coupleId: couple.id,
      therapistId: dana.id,
      therapistName: 'Dana Reyes',
      startsAt: first,
      durationMinutes: 50,
      location: 'Room 2',
      status: 'scheduled',
      frequency: 'weekly',
      attendance: [],
    });
    const seriesId = res.body.data[0].seriesId;
    expect(seriesId).toBeTruthy();
    expect(res.body.data.every((s: { seriesId: string }) => s.seriesId === seriesId)).toBe(true);
    // London wall clock stays the same, whatever the UTC offset did.
    const local = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso));
    expect(new Set(res.body.data.map((s: { startsAt: string }) => local(s.startsAt))).size).toBe(1);
    expect(await nextOf(couple.id)).toBe(first);
    // The pre-session digest is re-planned once, in the booking's transaction.
    const planned = await db.query(
      `SELECT 1 FROM outbox WHERE job_name = 'plan-pre-session-digest' AND payload->>'coupleId' = $1`,
      [couple.id],
    );
    expect(planned).toHaveLength(1);
    const audits = await db.getRepository(AuditEvent).countBy({ action: 'session.create', actorId: dana.id });
    expect(audits).toBe(4);
  });

  it('refuses an overlapping session for the therapist with 409 naming the clashing time; nothing is written', async () => {
    const { couple, other, asDana } = await practice();
    const at = slot(4, 14);
    await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: at, durationMinutes: 60 })
      .expect(201);
    const before = await db.getRepository(TherapySession).count();
    const clash = await asDana.agent
      .post(`/api/v1/couples/${other.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: new Date(Date.parse(at) + 30 * 60_000).toISOString(), frequency: 'weekly', occurrences: 3 })
      .expect(409);
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(clash.body.detail).toContain(
      `${london.format(new Date(at))}–${london.format(new Date(Date.parse(at) + HOUR))}`,
    );
    expect(clash.body.detail).toContain('(Europe/London)');
    expect(await db.getRepository(TherapySession).count()).toBe(before);
    expect(await nextOf(other.id)).toBeNull();
    // Back to back is fine; so is the same time after the first is cancelled.
    await asDana.agent
      .post(`/api/v1/couples/${other.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: new Date(Date.parse(at) + HOUR).toISOString() })
      .expect(201);
  });

  it('two clashing bookings sent at once for one therapist: exactly one 201, one 409, one row', async () => {
    const { couple, other, dana, asDana } = await practice();
    // Two couples, so nothing but the therapist's schedule lock stands between the two requests.
    for (let round = 0; round < 5; round++) {
      const at = slot(20 + round, 9);
      const [a, b] = await Promise.all(
        [couple.id, other.id].map((coupleId, i) =>
          asDana.agent
            .post(`/api/v1/couples/${coupleId}/sessions`)
            .set('x-csrf-token', asDana.csrfToken)
            .send({ startsAt: new Date(Date.parse(at) + i * 20 * 60_000).toISOString(), durationMinutes: 50 }),
        ),
      );
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const rows = await db
        .getRepository(TherapySession)
        .createQueryBuilder('s')
        .where('s.therapistId = :t AND s.startsAt >= :from AND s.startsAt < :to', {
          t: dana.id,
          from: at,
          to: new Date(Date.parse(at) + HOUR),
        })
        .getCount();
      expect(rows).toBe(1);
    }
    // A move into a slot racing a booking of it: the same, one wins.
    const moving = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(30, 9) })
      .expect(201);
    const target = slot(31, 9);
    const [moved, booked] = await Promise.all([
      asDana.agent
        .patch(`/api/v1/sessions/${moving.body.data[0].id}`)
        .set('x-csrf-token', asDana.csrfToken)
        .send({ startsAt: target }),
      asDana.agent
        .post(`/api/v1/couples/${other.id}/sessions`)
        .set('x-csrf-token', asDana.csrfToken)
        .send({ startsAt: new Date(Date.parse(target) + 10 * 60_000).toISOString() }),
    ]);
    expect([moved.status, booked.status].sort()).toEqual(moved.status === 200 ? [200, 409] : [201, 409]);
    const around = await db
      .getRepository(TherapySession)
      .createQueryBuilder('s')
      .where('s.therapistId = :t AND s.startsAt >= :from AND s.startsAt < :to', {
        t: dana.id,
        from: target,
        to: new Date(Date.parse(target) + HOUR),
      })
      .getCount();
    expect(around).toBe(1);
  });

  it('reschedules one, or this and all future, and cancels with a reason; the next session follows', async () => {
    const { couple, asDana, dana } = await practice();
    const booked = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(2, 9), frequency: 'fortnightly', occurrences: 4 })
      .expect(201);
    const [s1, s2, s3, s4] = booked.body.data as { id: string; startsAt: string }[];

    // "This one": only s1 moves, an hour later.
    const moved = await asDana.agent
      .patch(`/api/v1/sessions/${s1.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(2, 10) })
      .expect(200);
    expect(moved.body.startsAt).toBe(slot(2, 10));
    expect(await nextOf(couple.id)).toBe(slot(2, 10));

    // "This and all future" from s2: s2–s4 move a day later, to 16:00 London time.
    const target = new Date(Date.parse(s2.startsAt) + DAY);
    const targetIso = (
      await db.query(
        `SELECT (date_trunc('day', $1::timestamptz AT TIME ZONE 'Europe/London') + interval '16 hours') AT TIME ZONE 'Europe/London' AS t`,
        [target.toISOString()],
      )
    )[0].t.toISOString();
    await asDana.agent
      .patch(`/api/v1/sessions/${s2.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: targetIso, scope: 'following', videoUrl: 'https://meet.example.test/room' })
      .expect(200);
    const after = await sessionsOf(couple.id);
    expect(after.map((s) => s.id)).toEqual([s1.id, s2.id, s3.id, s4.id]);
    expect(after[0].startsAt.toISOString()).toBe(slot(2, 10));
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const [i, s] of after.slice(1).entries()) {
      expect(london.format(s.startsAt)).toBe('16:00');
      expect(s.videoUrl).toBe('https://meet.example.test/room');
      const original = [s2, s3, s4][i];
      const days = Math.round((s.startsAt.getTime() - Date.parse(original.startsAt)) / DAY);
      expect(days).toBe(1);
    }

    // Cancelling the next one moves next_session_at to the one after.
    const cancelled = await asDana.agent
      .post(`/api/v1/sessions/${s1.id}/cancel`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ reason: 'Partner unwell' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Partner unwell' });
    expect(await nextOf(couple.id)).toBe(after[1].startsAt.toISOString());
    await asDana.agent
      .patch(`/api/v1/sessions/${s1.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(5) })
      .expect(409);

    // Cancel the rest of the series: no next session.
    await asDana.agent
      .post(`/api/v1/sessions/${s2.id}/cancel`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ reason: 'Ending the work', scope: 'following' })
      .expect(200);
    expect((await sessionsOf(couple.id)).map((s) => s.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await nextOf(couple.id)).toBeNull();
    const actions = await db.query(
      `SELECT action, count(*)::int AS n FROM audit_event WHERE actor_id = $1 AND action LIKE 'session.%' GROUP BY action ORDER BY action`,
      [dana.id],
    );
    expect(actions).toEqual([
      { action: 'session.cancel', n: 4 },
      { action: 'session.create', n: 4 },
      { action: 'session.update', n: 4 },
    ]);
  });

  it('records who came: held with one partner absent; a no-show; never before the session starts', async () => {
    const { couple, partners, asDana, clinic, dana } = await practice();
    const [past] = await db.getRepository(TherapySession).save([
      {
        clinicId: clinic.id,
        coupleId: couple.id,
        therapistId: dana.id,
        seriesId: null,
        frequency: null,
        startsAt: new Date(Date.now() - 2 * HOUR),
        durationMinutes: 50,
        location: null,
        videoUrl: null,
        status: 'scheduled' as const,
      },
    ]);
    const future = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(6) })
      .expect(201);
    await asDana.agent
      .post(`/api/v1/sessions/${future.body.data[0].id}/outcome`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ status: 'held', partner1: 'attended', partner2: 'attended' })
      .expect(409);

    const bad = await asDana.agent
      .post(`/api/v1/sessions/${past.id}/outcome`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ status: 'held', partner1: 'absent', partner2: 'absent' })
      .expect(400);
    // The 400 names the fields the request sent, not a name of the server's own.
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['partner1', 'partner2']);
    const cameToNoShow = await asDana.agent
      .post(`/api/v1/sessions/${past.id}/outcome`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ status: 'no_show', partner1: 'absent', partner2: 'late' })
      .expect(400);
    expect(cameToNoShow.body.errors.map((e: { field: string }) => e.field)).toEqual(['partner2']);
    const missing = await asDana.agent
      .post(`/api/v1/sessions/${past.id}/outcome`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ status: 'held', partner1: 'late' })
      .expect(400);
    expect(missing.body.errors[0].field).toBe('partner2');
    expect((await db.getRepository(TherapySession).findOneByOrFail({ id: past.id })).status).toBe('scheduled');

    const held = await asDana.agent
      .post(`/api/v1/sessions/${past.id}/outcome`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ status: 'held', partner1: 'late', partner2: 'absent' })
      .expect(200);
    expect(held.body).toMatchObject({
      status: 'held',
      attendance: [
        { position: 1, partnerName: partners[0].name, attendance: 'late' },
        { position: 2, partnerName: partners[1].name, attendance: 'absent' },
      ],
    });
    const noShow = await asDana.agent
      .post(`/api/v1/sessions/${past.id}/outcome`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ status: 'no_show' })
      .expect(200);
    expect(noShow.body.attendance.map((a: { attendance: string }) => a.attendance)).toEqual(['absent', 'absent']);
    expect(await nextOf(couple.id)).toBe(slot(6));
  });

  it('a note belongs to its session: the session shows it and whether signed; held sessions without a signed note are "notes to finish"', async () => {
    const { couple, other, asDana, clinic, dana, admin } = await practice();
    const insertHeld = async (coupleId: string, daysAgo: number) =>
      (
        await db.query(
          `INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status, attendance_partner1, attendance_partner2)
           VALUES ($1, $2, $3, $4, 50, 'held', 'attended', 'absent') RETURNING id`,
          [clinic.id, coupleId, dana.id, slot(-daysAgo, 23)],
        )
      )[0].id as string;
    const first = await insertHeld(couple.id, 3);
    const second = await insertHeld(couple.id, 2);
    const home = async () => (await asDana.agent.get('/api/v1/home').expect(200)).body.notesToFinish;
    expect((await home()).map((n: { sessionId: string }) => n.sessionId)).toEqual([first, second]);

    // No date needed: the note takes the session's own date in the clinic's time zone.
    const note = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'dap', sessionId: first, sections: { data: 'Partner 2 absent; worked with partner 1.' } })
      .expect(201);
    const [{ local }] = await db.query(
      `SELECT to_char(starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS local FROM session WHERE id = $1`,
      [first],
    );
    expect(note.body).toMatchObject({ sessionId: first, sessionDate: local, signedAt: null });
    let view = await asDana.agent.get(`/api/v1/sessions/${first}`).expect(200);
    expect(view.body.note).toEqual({ id: note.body.id, signed: false });
    expect(await home()).toEqual([
      expect.objectContaining({ sessionId: first, coupleId: couple.id, noteId: note.body.id }),
      expect.objectContaining({ sessionId: second, noteId: null }),
    ]);

    await asDana.agent.post(`/api/v1/notes/${note.body.id}/sign`).set('x-csrf-token', asDana.csrfToken).expect(200);
    view = await asDana.agent.get(`/api/v1/sessions/${first}`).expect(200);
    expect(view.body.note).toEqual({ id: note.body.id, signed: true });
    expect((await home()).map((n: { sessionId: string }) => n.sessionId)).toEqual([second]);

    // One note per session; a session of another couple is no place for it; a couple note needs its date.
    const notesBefore = await db.query(`SELECT count(*)::int AS n FROM session_note`);
    const again = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'free', sessionId: first, sections: { body: 'x' } })
      .expect(409);
    expect(again.body.detail).toMatch(/already has a note/);
    const elsewhere = await asDana.agent
      .post(`/api/v1/couples/${other.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'free', sessionId: second, sections: { body: 'x' } })
      .expect(400);
    expect(elsewhere.body.errors[0].field).toBe('sessionId');
    const undated = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/notes`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ format: 'free', sections: { body: 'x' } })
      .expect(400);
    expect(undated.body.errors[0].field).toBe('sessionDate');
    expect(await db.query(`SELECT count(*)::int AS n FROM session_note`)).toEqual(notesBefore);

    // Notes are the couple's therapist's: an admin sees the session, not that it has a note.
    const asAdmin = await signIn(app, admin.email);
    expect((await asAdmin.agent.get(`/api/v1/sessions/${first}`).expect(200)).body.note).toBeNull();
    expect((await asAdmin.agent.get('/api/v1/home').expect(200)).body.notesToFinish).toEqual([]);
  });

  it('shows another clinic, another therapist and a missing session as 404, audited as denied; admins see the clinic', async () => {
    const { couple, asDana, admin, sam, clinic } = await practice();
    const booked = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(8) })
      .expect(201);
    const id = booked.body.data[0].id;
    const asSam = await signIn(app, sam.email);
    const elsewhere = await createClinic(db);
    const outsider = await createStaff(db, elsewhere, { role: 'admin' });
    await setPassword(db, outsider);
    const asOutsider = await signIn(app, outsider.email);
    for (const who of [asSam, asOutsider]) {
      await who.agent.get(`/api/v1/sessions/${id}`).expect(404);
      await who.agent.get(`/api/v1/couples/${couple.id}/sessions`).expect(404);
      await who.agent
        .patch(`/api/v1/sessions/${id}`)
        .set('x-csrf-token', who.csrfToken)
        .send({ startsAt: slot(9) })
        .expect(404);
      await who.agent
        .post(`/api/v1/sessions/${id}/cancel`)
        .set('x-csrf-token', who.csrfToken)
        .send({ reason: 'x' })
        .expect(404);
      await who.agent
        .post(`/api/v1/couples/${couple.id}/sessions`)
        .set('x-csrf-token', who.csrfToken)
        .send({ startsAt: slot(10) })
        .expect(404);
      const calendar = await who.agent
        .get('/api/v1/sessions')
        .query({ from: slot(0), to: slot(30) })
        .expect(200);
      expect(calendar.body.data.map((s: { id: string }) => s.id)).not.toContain(id);
    }
    expect((await db.getRepository(TherapySession).findOneByOrFail({ id })).startsAt.toISOString()).toBe(slot(8));
    const denied = await db
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'session.view', outcome: 'denied', actorId: sam.id });
    expect(denied).toMatchObject({ recordId: id, clinicId: clinic.id });

    const asAdmin = await signIn(app, admin.email);
    await asAdmin.agent.get(`/api/v1/sessions/${id}`).expect(200);
    const all = await asAdmin.agent
      .get('/api/v1/sessions')
      .query({ from: slot(0), to: slot(30) })
      .expect(200);
    expect(all.body.data.map((s: { id: string }) => s.id)).toContain(id);
    // Another therapist's calendar is refused, and the refusal is audited like any denied read.
    await asSam.agent
      .get('/api/v1/sessions')
      .query({ from: slot(0), to: slot(30), therapistId: admin.id })
      .expect(403);
    const refused = await db
      .getRepository(AuditEvent)
      .findBy({ action: 'session.list', outcome: 'denied', actorId: sam.id, recordType: 'staff' });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      clinicId: clinic.id,
      actorType: 'staff',
      recordType: 'staff',
      recordId: admin.id,
    });
    // Their own calendar, asked for by id, is no refusal.
    await asSam.agent
      .get('/api/v1/sessions')
      .query({ from: slot(0), to: slot(30), therapistId: sam.id })
      .expect(200);
    expect(
      await db
        .getRepository(AuditEvent)
        .countBy({ action: 'session.list', outcome: 'denied', actorId: sam.id, recordType: 'staff' }),
    ).toBe(1);
  });

  it('reassigning a couple takes its future sessions along, refused with 409 naming the clash when they overlap the new therapist’s', async () => {
    const { clinic, couple, dana, sam, admin, asDana } = await practice();
    const samsCouple = (await createCouple(db, clinic, sam)).couple;
    const asSam = await signIn(app, sam.email);
    const asAdmin = await signIn(app, admin.email);
    const book = (who: typeof asDana, coupleId: string, startsAt: string) =>
      who.agent
        .post(`/api/v1/couples/${coupleId}/sessions`)
        .set('x-csrf-token', who.csrfToken)
        .send({ startsAt, durationMinutes: 60 })
        .expect(201);
    await book(asDana, couple.id, slot(6, 10));
    const samsFirst = (await book(asSam, samsCouple.id, slot(5, 10))).body.data[0].id as string;
    const samsClash = (await book(asSam, samsCouple.id, slot(6, 10))).body.data[0].id as string;
    const reassign = (therapistId: string, status: number) =>
      asAdmin.agent
        .patch(`/api/v1/couples/${samsCouple.id}`)
        .set('x-csrf-token', asAdmin.csrfToken)
        .send({ therapistId })
        .expect(status);

    const refused = await reassign(dana.id, 409);
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const at = new Date(slot(6, 10));
    expect(refused.body.detail).toContain(`The new therapist already has a session on`);
    expect(refused.body.detail).toContain(`${london.format(at)}–${london.format(new Date(at.getTime() + HOUR))}`);
    expect(refused.body.detail).toContain('overlaps this couple’s session');
    expect((await db.getRepository(Couple).findOneByOrFail({ id: samsCouple.id })).therapistId).toBe(sam.id);
    expect((await sessionsOf(samsCouple.id)).map((s) => s.therapistId)).toEqual([sam.id, sam.id]);

    // Without the clash, the couple and its future sessions move together.
    await asSam.agent
      .post(`/api/v1/sessions/${samsClash}/cancel`)
      .set('x-csrf-token', asSam.csrfToken)
      .send({ reason: 'Moving to Dana' })
      .expect(200);
    await reassign(dana.id, 200);
    const moved = await sessionsOf(samsCouple.id);
    expect(moved.find((s) => s.id === samsFirst)?.therapistId).toBe(dana.id);
    // A cancelled session stays with whoever held it.
    expect(moved.find((s) => s.id === samsClash)?.therapistId).toBe(sam.id);
  });

  it('handing a deactivated therapist’s couples over takes their future sessions too, refused on a clash', async () => {
    const { clinic, couple, dana, sam, admin, asDana } = await practice();
    const samsCouple = (await createCouple(db, clinic, sam)).couple;
    const asSam = await signIn(app, sam.email);
    const asAdmin = await signIn(app, admin.email);
    await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(7, 10) })
      .expect(201);
    const samsSession = (
      await asSam.agent
        .post(`/api/v1/couples/${samsCouple.id}/sessions`)
        .set('x-csrf-token', asSam.csrfToken)
        .send({ startsAt: slot(7, 10) })
        .expect(201)
    ).body.data[0].id as string;
    const handOver = (status: number) =>
      asAdmin.agent
        .patch(`/api/v1/staff/${sam.id}`)
        .set('x-csrf-token', asAdmin.csrfToken)
        .send({ status: 'deactivated', reassignCouplesTo: dana.id })
        .expect(status);
    const refused = await handOver(409);
    expect(refused.body.detail).toContain('The new therapist already has a session on');
    expect((await db.getRepository(Couple).findOneByOrFail({ id: samsCouple.id })).therapistId).toBe(sam.id);

    await asSam.agent
      .patch(`/api/v1/sessions/${samsSession}`)
      .set('x-csrf-token', asSam.csrfToken)
      .send({ startsAt: slot(7, 12) })
      .expect(200);
    await handOver(200);
    expect((await db.getRepository(TherapySession).findOneByOrFail({ id: samsSession })).therapistId).toBe(dana.id);
  });

  it('homework due "N hours before the next session" follows that session when it moves; a date set by hand stops following', async () => {
    const { couple, other, asDana } = await practice();
    const exercise = await db
      .getRepository(Exercise)
      .findOneByOrFail({ key: 'weekly-trust-check-in', clinicId: IsNull() });
    const booked = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(5, 10), frequency: 'weekly', occurrences: 2 })
      .expect(201);
    const [next] = booked.body.data as { id: string }[];
    const assign = (body: object, status: number) =>
      asDana.agent
        .post('/api/v1/assignments')
        .set('x-csrf-token', asDana.csrfToken)
        .send({ exerciseId: exercise.id, ...body })
        .expect(status);

    // Neither or both of dueAt and dueBeforeSessionHours; a couple with no session ahead; too many hours.
    const assignmentsBefore = await db.getRepository(Assignment).count();
    const neither = await assign({ coupleIds: [couple.id] }, 400);
    expect(neither.body.errors[0].field).toBe('dueAt');
    await assign({ coupleIds: [couple.id], dueAt: slot(3), dueBeforeSessionHours: 24 }, 400);
    const noSession = await assign({ coupleIds: [couple.id, other.id], dueBeforeSessionHours: 24 }, 400);
    expect(noSession.body.errors).toEqual([
      { field: 'dueBeforeSessionHours', message: `${other.displayName} has no upcoming session: give a dueAt` },
    ]);
    const tooSoon = await assign({ coupleIds: [couple.id], dueBeforeSessionHours: 24 * 6 }, 400);
    expect(tooSoon.body.errors[0].field).toBe('dueBeforeSessionHours');
    await assign({ coupleIds: [couple.id], dueBeforeSessionHours: 1.5 }, 400);
    await assign({ coupleIds: [couple.id], dueBeforeSessionHours: 10_000 }, 400);
    expect(await db.getRepository(Assignment).count()).toBe(assignmentsBefore);

    const created = await assign({ coupleIds: [couple.id], dueBeforeSessionHours: 24 }, 201);
    const summary = created.body.data[0];
    const assignmentId = summary.id as string;
    expect(summary.dueAt).toBe(slot(4, 10));
    expect(summary.dueBeforeSession).toEqual({ sessionId: next.id, hours: 24 });

    const plans = () =>
      db.query(
        `SELECT count(*)::int AS n FROM outbox o JOIN homework_response r ON r.id = (o.payload->>'responseId')::uuid
         WHERE o.job_name = 'plan-reminders' AND r.assignment_id = $1`,
        [assignmentId],
      ) as Promise<{ n: number }[]>;
    const plannedBefore = (await plans())[0].n;
    await asDana.agent
      .patch(`/api/v1/sessions/${next.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(6, 15) })
      .expect(200);
    const moved = await db.getRepository(Assignment).findOneByOrFail({ id: assignmentId });
    expect(moved.dueAt.toISOString()).toBe(slot(5, 15));
    // Both partners' reminders are re-planned for the new due date.
    expect((await plans())[0].n).toBe(plannedBefore + 2);

    // A due date set by hand unlinks it: the next move leaves it alone.
    const edited = await asDana.agent
      .patch(`/api/v1/assignments/${assignmentId}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ dueAt: slot(4, 18) })
      .expect(200);
    expect(edited.body.dueBeforeSession).toBeNull();
    await asDana.agent
      .patch(`/api/v1/sessions/${next.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(6, 16) })
      .expect(200);
    expect((await db.getRepository(Assignment).findOneByOrFail({ id: assignmentId })).dueAt.toISOString()).toBe(
      slot(4, 18),
    );
  });

  it('homework due before a session that is cancelled is due before the next one instead; with none ahead it keeps its date', async () => {
    const { couple, asDana } = await practice();
    const exercise = await db
      .getRepository(Exercise)
      .findOneByOrFail({ key: 'weekly-trust-check-in', clinicId: IsNull() });
    const booked = await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: slot(5, 10), frequency: 'weekly', occurrences: 2 })
      .expect(201);
    const [first, second] = booked.body.data as { id: string }[];
    const created = await asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', asDana.csrfToken)
      .send({ exerciseId: exercise.id, coupleIds: [couple.id], dueBeforeSessionHours: 24 })
      .expect(201);
    const assignmentId = created.body.data[0].id as string;
    expect(created.body.data[0].dueBeforeSession).toEqual({ sessionId: first.id, hours: 24 });
    const plans = async () =>
      (
        (await db.query(
          `SELECT count(*)::int AS n FROM outbox o JOIN homework_response r ON r.id = (o.payload->>'responseId')::uuid
           WHERE o.job_name = 'plan-reminders' AND r.assignment_id = $1`,
          [assignmentId],
        )) as { n: number }[]
      )[0].n;
    const plannedBefore = await plans();
    const cancel = (id: string) =>
      asDana.agent
        .post(`/api/v1/sessions/${id}/cancel`)
        .set('x-csrf-token', asDana.csrfToken)
        .send({ reason: 'Therapist unwell' })
        .expect(200);

    await cancel(first.id);
    const view = async () =>
      (await asDana.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200)).body as {
        dueAt: string;
        dueBeforeSession: { sessionId: string; hours: number } | null;
      };
    expect(await view()).toMatchObject({ dueAt: slot(11, 10), dueBeforeSession: { sessionId: second.id, hours: 24 } });
    // Both partners' reminders follow the new due date.
    expect(await plans()).toBe(plannedBefore + 2);

    // No session ahead: the homework keeps the date it had, no longer tied to a session.
    await cancel(second.id);
    expect(await view()).toMatchObject({ dueAt: slot(11, 10), dueBeforeSession: null });
    expect(await plans()).toBe(plannedBefore + 2);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const { couple, asDana } = await practice();
    const before = await db.getRepository(TherapySession).count();
    const cases: [object, string][] = [
      [{}, 'startsAt'],
      [{ startsAt: 'tomorrow' }, 'startsAt'],
      [{ startsAt: slot(3), durationMinutes: 5 }, 'durationMinutes'],
      [{ startsAt: slot(3), durationMinutes: 50.5 }, 'durationMinutes'],
      [{ startsAt: slot(3), videoUrl: 'http://meet.example.test/x' }, 'videoUrl'],
      [{ startsAt: slot(3), frequency: 'daily', occurrences: 3 }, 'frequency'],
      [{ startsAt: slot(3), frequency: 'weekly' }, 'occurrences'],
      [{ startsAt: slot(3), occurrences: 3 }, 'frequency'],
      [{ startsAt: slot(3), frequency: 'weekly', occurrences: 53 }, 'occurrences'],
      [{ startsAt: slot(3), therapistId: couple.therapistId }, 'therapistId'],
    ];
    for (const [body, field] of cases) {
      const res = await asDana.agent
        .post(`/api/v1/couples/${couple.id}/sessions`)
        .set('x-csrf-token', asDana.csrfToken)
        .send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const calendar = await asDana.agent
      .get('/api/v1/sessions')
      .query({ from: slot(0), to: slot(90) })
      .expect(400);
    expect(calendar.body.errors[0].field).toBe('to');
    await asDana.agent
      .get('/api/v1/sessions')
      .query({ from: slot(5), to: slot(1) })
      .expect(400);
    expect(await db.getRepository(TherapySession).count()).toBe(before);
  });

  it('the week view costs the same statements for 40 sessions as for 2: held ones with notes and attendance, the admin’s everyone view, the couple’s list', async () => {
    const quiet = await practice();
    const busy = await practice();
    const samCouple = await createCouple(db, busy.clinic, busy.sam);
    const row = (p: typeof busy, coupleId: string, therapistId: string, startsAt: Date, held: boolean) => ({
      clinicId: p.clinic.id,
      coupleId,
      therapistId,
      seriesId: null,
      frequency: null,
      startsAt,
      durationMinutes: 50,
      location: null,
      videoUrl: null,
      status: held ? ('held' as const) : ('scheduled' as const),
      attendancePartner1: held ? ('attended' as const) : null,
      attendancePartner2: held ? ('late' as const) : null,
    });
    /** Held sessions get a note each (every other one signed, with an addendum): what the view joins. */
    const seed = async (p: typeof busy, sessions: ReturnType<typeof row>[]) => {
      const { identifiers } = await db.getRepository(TherapySession).insert(sessions);
      const held = sessions
        .map((s, i) => ({ ...s, id: identifiers[i].id as string }))
        .filter((s) => s.status === 'held');
      for (const [i, s] of held.entries()) {
        const signed = i % 2 === 0;
        const { identifiers: note } = await db.getRepository(SessionNote).insert({
          clinicId: p.clinic.id,
          coupleId: s.coupleId,
          authorId: s.therapistId,
          format: 'free',
          sections: { body: 'x' },
          sessionDate: s.startsAt.toISOString().slice(0, 10),
          sessionId: s.id,
          signedAt: signed ? new Date() : null,
          addendumTo: null,
        });
        if (signed)
          await db.getRepository(SessionNote).insert({
            clinicId: p.clinic.id,
            coupleId: s.coupleId,
            authorId: s.therapistId,
            format: 'free',
            sections: { body: 'later' },
            sessionDate: s.startsAt.toISOString().slice(0, 10),
            sessionId: s.id,
            signedAt: new Date(),
            addendumTo: note[0].id as string,
          });
      }
    };
    // Quiet: one held session with its note, one to come.
    await seed(quiet, [
      row(quiet, quiet.couple.id, quiet.dana.id, new Date(Date.parse(slot(-1, 9))), true),
      row(quiet, quiet.couple.id, quiet.dana.id, new Date(Date.parse(slot(1, 9))), false),
    ]);
    // Busy: Dana's 40 this week, half already held, and Sam's 10 that only the admin's view shows.
    const busyRows = [];
    for (let i = 0; i < 20; i++)
      busyRows.push(
        row(
          busy,
          i % 2 ? busy.couple.id : busy.other.id,
          busy.dana.id,
          new Date(Date.parse(slot(-1 - (i % 3), 8)) + Math.floor(i / 3) * HOUR),
          true,
        ),
      );
    for (let i = 0; i < 20; i++)
      busyRows.push(
        row(
          busy,
          i % 2 ? busy.couple.id : busy.other.id,
          busy.dana.id,
          new Date(Date.parse(slot(1 + (i % 2), 8)) + Math.floor(i / 2) * HOUR),
          false,
        ),
      );
    for (let i = 0; i < 10; i++)
      busyRows.push(
        row(busy, samCouple.couple.id, busy.sam.id, new Date(Date.parse(slot(-1 - (i % 2), 8)) + i * HOUR), true),
      );
    await seed(busy, busyRows);

    const range = { from: slot(-4, 0), to: slot(3, 0) };
    const read = async (as: { agent: typeof busy.asDana.agent }, query: object, expected: number) => {
      type Week = { total: number; data: { status: string; attendance: unknown[]; note: unknown }[] };
      let body: Week = { total: -1, data: [] };
      const statements = await countQueries(async () => {
        body = (await as.agent.get('/api/v1/sessions').query(query).expect(200)).body;
      });
      expect(body.total).toBe(expected);
      return { statements, data: body.data };
    };

    // The therapist's own week: held sessions carry both partners' attendance and their note.
    const busyWeek = await read(busy.asDana, range, 40);
    const quietWeek = await read(quiet.asDana, range, 2);
    expect(busyWeek.statements).toBe(quietWeek.statements);
    const held = busyWeek.data.filter((s) => s.status === 'held');
    expect(held).toHaveLength(20);
    expect(held.every((s) => s.attendance.length === 2 && s.note !== null)).toBe(true);

    // The admin's view of everyone (and of one therapist) costs the same however many there are.
    const busyAdmin = await signIn(app, busy.admin.email);
    const quietAdmin = await signIn(app, quiet.admin.email);
    const everyone = await read(busyAdmin, range, 50);
    const everyoneQuiet = await read(quietAdmin, range, 2);
    expect(everyone.statements).toBe(everyoneQuiet.statements);
    expect(everyone.statements).toBe(quietWeek.statements);
    const one = await read(busyAdmin, { ...range, therapistId: busy.dana.id }, 40);
    expect(one.statements).toBe(everyone.statements);

    // The couple's own Sessions tab, held ones with notes and attendance included, the same.
    const couplePage = async (p: typeof busy, expected: number) =>
      countQueries(async () => {
        const res = await p.asDana.agent.get(`/api/v1/couples/${p.couple.id}/sessions`).expect(200);
        expect(res.body.total).toBe(expected);
      });
    expect(await couplePage(busy, 20)).toBe(await couplePage(quiet, 2));
  });

  it('keeps the old nextSessionAt field working: it books, moves and clears the next session', async () => {
    const { couple, other, asDana } = await practice();
    await asDana.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ nextSessionAt: slot(3) })
      .expect(200);
    let sessions = await sessionsOf(couple.id);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ status: 'scheduled', durationMinutes: 50 });
    const res = await asDana.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ nextSessionAt: slot(4) })
      .expect(200);
    expect(res.body.nextSessionAt).toBe(slot(4));
    sessions = await sessionsOf(couple.id);
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([slot(4)]);
    // Another couple's session at the same time clashes through the old field too.
    const clash = await asDana.agent
      .patch(`/api/v1/couples/${other.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ nextSessionAt: slot(4), displayName: 'Renamed' })
      .expect(409);
    expect(clash.body.detail).toMatch(/already has a session/);
    expect((await db.getRepository(Couple).findOneByOrFail({ id: other.id })).displayName).not.toBe('Renamed');
    const cleared = await asDana.agent
      .patch(`/api/v1/couples/${couple.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ nextSessionAt: null })
      .expect(200);
    expect(cleared.body.nextSessionAt).toBeNull();
    expect((await sessionsOf(couple.id)).map((s) => s.status)).toEqual(['cancelled']);
  });

  it('the clash, next-session and last-session rules say the same in SQL and TypeScript', async () => {
    const at = (iso: string) => Date.parse(iso);
    const cases: [string, number, ScheduleStatus, string, number][] = [
      ['2026-01-05T10:00:00Z', 60, 'scheduled', '2026-01-05T11:00:00Z', 60],
      ['2026-01-05T10:00:00Z', 61, 'scheduled', '2026-01-05T11:00:00Z', 60],
      ['2026-01-05T10:00:00Z', 120, 'held', '2026-01-05T10:30:00Z', 15],
      ['2026-01-05T10:00:00Z', 120, 'no_show', '2026-01-05T09:00:00Z', 61],
      ['2026-01-05T10:00:00Z', 120, 'cancelled', '2026-01-05T10:30:00Z', 15],
      ['2026-01-05T10:00:00Z', 50, 'scheduled', '2026-01-05T09:10:00Z', 50],
      ['2026-03-29T00:30:00Z', 90, 'scheduled', '2026-03-29T01:45:00Z', 30],
    ];
    for (const [start, minutes, status, slotStart, slotMinutes] of cases) {
      const ts =
        occupiesTherapist(status) &&
        slotsOverlap(
          { startsAtMs: at(start), durationMinutes: minutes },
          { startsAtMs: at(slotStart), durationMinutes: slotMinutes },
        );
      const [row] = await db.query(
        `SELECT (${sessionOccupiesSql('s')} AND ${overlapsSlotSql('s', '$4::timestamptz', '$5::int')}) AS clash
         FROM (SELECT $1::timestamptz AS starts_at, $2::int AS duration_minutes, $3::text AS status) s`,
        [start, minutes, status, slotStart, slotMinutes],
      );
      expect({ start, minutes, status, slotStart, slotMinutes, clash: row.clash }).toEqual({
        start,
        minutes,
        status,
        slotStart,
        slotMinutes,
        clash: ts,
      });
    }

    const { couple, clinic, dana } = await practice();
    const now = '2026-01-05T12:00:00Z';
    const schedules: [string, number, ScheduleStatus][][] = [
      [],
      [['2026-01-05T11:30:00Z', 50, 'scheduled']],
      [['2026-01-05T11:00:00Z', 60, 'scheduled']],
      [
        ['2026-01-06T10:00:00Z', 50, 'cancelled'],
        ['2026-01-05T11:30:00Z', 50, 'held'],
        ['2026-01-09T10:00:00Z', 50, 'scheduled'],
        ['2026-01-07T10:00:00Z', 50, 'scheduled'],
      ],
      // The last session started: held or unrecorded, never cancelled or missed, never one ahead.
      [
        ['2026-01-01T10:00:00Z', 50, 'held'],
        ['2026-01-04T10:00:00Z', 50, 'no_show'],
        ['2026-01-05T10:00:00Z', 50, 'cancelled'],
        ['2026-01-05T12:00:01Z', 50, 'scheduled'],
      ],
      [
        ['2026-01-02T10:00:00Z', 50, 'held'],
        ['2026-01-04T10:00:00Z', 50, 'scheduled'],
        ['2026-01-05T12:00:00Z', 50, 'cancelled'],
      ],
      [['2026-01-05T12:00:00Z', 50, 'scheduled']],
    ];
    for (const schedule of schedules) {
      await db.query(`DELETE FROM session WHERE couple_id = $1`, [couple.id]);
      for (const [start, minutes, status] of schedule)
        await db.query(
          `INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status, cancelled_at,
             attendance_partner1, attendance_partner2)
           VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 'cancelled' THEN now() END,
             CASE WHEN $6 IN ('held', 'no_show') THEN 'absent' END, CASE WHEN $6 IN ('held', 'no_show') THEN 'absent' END)`,
          [clinic.id, couple.id, dana.id, start, minutes, status],
        );
      const sessions = schedule.map(([start, minutes, status]) => ({
        startsAtMs: at(start),
        durationMinutes: minutes,
        status,
      }));
      const [row] = await db.query(
        `SELECT ${nextSessionSql('$1', '$2::timestamptz')} AS next, ${lastSessionSql('$1', '$2::timestamptz')} AS last`,
        [couple.id, now],
      );
      const ms = (value: Date | null) => (value ? new Date(value).getTime() : null);
      expect({ schedule, next: ms(row.next), last: ms(row.last) }).toEqual({
        schedule,
        next: nextSessionStart(sessions, at(now)),
        last: lastSessionStart(sessions, at(now)),
      });
    }
  });

  it('the migration turns every existing next session into a scheduled session, losing none', async () => {
    const { couple, other } = await practice();
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      // Back to the schema before sessions (inside a transaction that is rolled back), with two
      // couples holding next sessions the old way, then migrate.
      await runner.query(`DROP TABLE session CASCADE`);
      await runner.query(`UPDATE couple SET next_session_at = $2 WHERE id = $1`, [couple.id, slot(3)]);
      await runner.query(`UPDATE couple SET next_session_at = $2 WHERE id = $1`, [other.id, slot(-3)]);
      await new CreatedSessions1795750000000().up(runner);
      const rows = await runner.query(
        `SELECT couple_id, starts_at, status, duration_minutes, therapist_id = (SELECT therapist_id FROM couple WHERE id = couple_id) AS own
         FROM session WHERE couple_id = ANY($1) ORDER BY starts_at`,
        [[couple.id, other.id]],
      );
      expect(rows).toEqual([
        { couple_id: other.id, starts_at: new Date(slot(-3)), status: 'scheduled', duration_minutes: 50, own: true },
        { couple_id: couple.id, starts_at: new Date(slot(3)), status: 'scheduled', duration_minutes: 50, own: true },
      ]);
      const [count] = await runner.query(
        `SELECT (SELECT count(*) FROM couple WHERE next_session_at IS NOT NULL)::int AS couples, (SELECT count(*) FROM session)::int AS sessions`,
      );
      expect(count.sessions).toBe(count.couples);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
