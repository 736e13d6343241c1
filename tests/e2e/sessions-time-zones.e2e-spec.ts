import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Client } from '@trellis/data';
import { createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

/**
 * The schedule across clock changes, end to end, on fixed dates in 2027 so nothing depends on
 * today: Europe/London springs forward on Sun 28 Mar 2027 and falls back on Sun 31 Oct 2027;
 * America/New_York springs forward on Sun 14 Mar 2027. A series keeps its wall-clock time (its UTC
 * time shifts by an hour), "this and following" moves keep the new wall-clock time, and the
 * appointment reminder goes out 24 elapsed hours before, in each partner's own zone's quiet hours.
 */
describe('sessions across daylight-saving changes and time zones', () => {
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

  async function practice(timezone: string) {
    const p = await createPractice(app, db, { timezone });
    const { couple, partners } = await createCouple(db, p.clinic, p.dana);
    const book = async (body: object) =>
      (
        await p.asDana.agent
          .post(`/api/v1/couples/${couple.id}/sessions`)
          .set('x-csrf-token', p.asDana.csrfToken)
          .send(body)
          .expect(201)
      ).body.data as { id: string; startsAt: string; endsAt: string }[];
    return { ...p, couple, partners, book };
  }

  const starts = (sessions: { startsAt: string }[]) => sessions.map((s) => s.startsAt);
  const wallClock = (iso: string, timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));

  it('a weekly series keeps its wall-clock time across London’s spring and autumn changes', async () => {
    const { book, asDana } = await practice('Europe/London');
    const spring = await book({ startsAt: '2027-03-15T10:00:00Z', frequency: 'weekly', occurrences: 4 });
    // Mondays 10:00 London: GMT, GMT, then BST (09:00 UTC).
    expect(starts(spring)).toEqual([
      '2027-03-15T10:00:00.000Z',
      '2027-03-22T10:00:00.000Z',
      '2027-03-29T09:00:00.000Z',
      '2027-04-05T09:00:00.000Z',
    ]);
    expect(new Set(starts(spring).map((s) => wallClock(s, 'Europe/London')))).toEqual(new Set(['Mon 10:00']));
    // A session's length is elapsed time, whatever the clock did.
    expect(spring.map((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt))).toEqual(Array(4).fill(50 * 60_000));

    const autumn = await book({ startsAt: '2027-10-18T16:30:00Z', frequency: 'fortnightly', occurrences: 3 });
    // Mondays 17:30 London, fortnightly: BST (16:30 UTC), then GMT (17:30 UTC) after 31 Oct.
    expect(starts(autumn)).toEqual([
      '2027-10-18T16:30:00.000Z',
      '2027-11-01T17:30:00.000Z',
      '2027-11-15T17:30:00.000Z',
    ]);

    // The calendar across the change shows them at the same wall-clock time too.
    const calendar = await asDana.agent
      .get('/api/v1/sessions')
      .query({ from: '2027-03-14T00:00:00Z', to: '2027-04-10T00:00:00Z' })
      .expect(200);
    expect(starts(calendar.body.data)).toEqual(starts(spring));
  });

  it('a weekly series keeps its wall-clock time across New York’s change, two weeks before London’s', async () => {
    const { book } = await practice('America/New_York');
    const series = await book({ startsAt: '2027-03-01T15:00:00Z', frequency: 'weekly', occurrences: 4 });
    // Mondays 10:00 New York: EST (15:00 UTC) until 14 Mar, then EDT (14:00 UTC).
    expect(starts(series)).toEqual([
      '2027-03-01T15:00:00.000Z',
      '2027-03-08T15:00:00.000Z',
      '2027-03-15T14:00:00.000Z',
      '2027-03-22T14:00:00.000Z',
    ]);
    expect(new Set(starts(series).map((s) => wallClock(s, 'America/New_York')))).toEqual(new Set(['Mon 10:00']));
  });

  it('"this and following" moves keep the new wall-clock time on the far side of the change', async () => {
    const { book, asDana } = await practice('Europe/London');
    const series = await book({ startsAt: '2027-03-15T10:00:00Z', frequency: 'weekly', occurrences: 4 });
    // The second Monday 10:00 (GMT) moves to Tuesday 14:00 (GMT), with every one after it.
    const moved = await asDana.agent
      .patch(`/api/v1/sessions/${series[1].id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: '2027-03-23T14:00:00Z', scope: 'following' })
      .expect(200);
    expect(moved.body.startsAt).toBe('2027-03-23T14:00:00.000Z');
    const after = await asDana.agent
      .get('/api/v1/sessions')
      .query({ from: '2027-03-14T00:00:00Z', to: '2027-04-10T00:00:00Z' })
      .expect(200);
    expect(starts(after.body.data)).toEqual([
      '2027-03-15T10:00:00.000Z',
      '2027-03-23T14:00:00.000Z',
      '2027-03-30T13:00:00.000Z',
      '2027-04-06T13:00:00.000Z',
    ]);
    expect(
      starts(after.body.data)
        .slice(1)
        .map((s) => wallClock(s, 'Europe/London')),
    ).toEqual(['Tue 14:00', 'Tue 14:00', 'Tue 14:00']);

    // And back the other way: the third (Tue 30 Mar 14:00 BST) moves to Fri 26 Mar 09:00 GMT, before
    // the change; the fourth moves to Fri 2 Apr 09:00 BST, after it.
    await asDana.agent
      .patch(`/api/v1/sessions/${series[2].id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: '2027-03-26T09:00:00Z', scope: 'following' })
      .expect(200);
    const again = await asDana.agent
      .get('/api/v1/sessions')
      .query({ from: '2027-03-14T00:00:00Z', to: '2027-04-10T00:00:00Z' })
      .expect(200);
    expect(starts(again.body.data)).toEqual([
      '2027-03-15T10:00:00.000Z',
      '2027-03-23T14:00:00.000Z',
      '2027-03-26T09:00:00.000Z',
      '2027-04-02T08:00:00.000Z',
    ]);
  });

  it('plans the 24 h appointment reminder across the change, in each partner’s zone and outside their quiet hours', async () => {
    const { book, asDana, partners } = await practice('Europe/London');
    // One partner in London, one in New York (already on EDT that weekend).
    await db.getRepository(Client).update({ id: partners[1].id }, { timezone: 'America/New_York' });
    const reminders = async (sessionId: string) =>
      (await db.query(
        `SELECT payload->>'clientId' AS "clientId", (payload->>'startsAtMs')::bigint AS "startsAtMs", run_at AS "runAt"
         FROM outbox WHERE job_name = 'send-session-reminder' AND payload->>'sessionId' = $1 ORDER BY id`,
        [sessionId],
      )) as { clientId: string; startsAtMs: string; runAt: Date }[];
    const planFor = async (sessionId: string, startsAt: string) =>
      Object.fromEntries(
        (await reminders(sessionId))
          .filter((r) => Number(r.startsAtMs) === Date.parse(startsAt))
          .map((r) => [r.clientId, new Date(r.runAt).toISOString()]),
      );

    // Sunday 28 Mar 08:30 BST (07:30 UTC), the morning the clocks went forward. 24 h before is
    // Saturday 07:30 UTC: 07:30 GMT in London and 03:30 EDT in New York, both quiet, so each goes at
    // 08:00 local — 08:00 UTC and 12:00 UTC. (Using the session's BST offset for Saturday would
    // have said 08:30 London and sent at 07:30 UTC.)
    const [sunday] = await book({ startsAt: '2027-03-28T07:30:00Z' });
    expect(wallClock(sunday.startsAt, 'Europe/London')).toBe('Sun 08:30');
    expect(await planFor(sunday.id, sunday.startsAt)).toEqual({
      [partners[0].id]: '2027-03-27T08:00:00.000Z',
      [partners[1].id]: '2027-03-27T12:00:00.000Z',
    });

    // Moved to Monday 29 Mar 10:00 BST (09:00 UTC): 24 h before is Sunday 09:00 UTC, 10:00 BST in
    // London (after the change, not quiet) and 05:00 EDT in New York (quiet: 08:00 EDT, 12:00 UTC).
    await asDana.agent
      .patch(`/api/v1/sessions/${sunday.id}`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: '2027-03-29T09:00:00Z' })
      .expect(200);
    expect(await planFor(sunday.id, '2027-03-29T09:00:00Z')).toEqual({
      [partners[0].id]: '2027-03-28T09:00:00.000Z',
      [partners[1].id]: '2027-03-28T12:00:00.000Z',
    });
    // The first plan stays in the ledger under its own start; when it fires it finds the session
    // moved and sends nothing (the worker's check), so each partner hears once, for the new time.
    expect((await reminders(sunday.id)).length).toBe(4);

    // A weekly series across the change: every reminder exactly 24 elapsed hours before its session
    // for the London partner (daytime on both sides), so 10:00 GMT and then 09:00 UTC (10:00 BST).
    const series = await book({ startsAt: '2027-03-23T10:00:00Z', frequency: 'weekly', occurrences: 2 });
    for (const s of series) {
      const plan = await planFor(s.id, s.startsAt);
      expect(Date.parse(plan[partners[0].id])).toBe(Date.parse(s.startsAt) - 24 * 3_600_000);
    }
    expect(starts(series)).toEqual(['2027-03-23T10:00:00.000Z', '2027-03-30T09:00:00.000Z']);
  });
});
