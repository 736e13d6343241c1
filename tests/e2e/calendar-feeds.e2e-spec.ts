import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCouple } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { createPractice } from '../support/practice';

describe('calendar feeds', () => {
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

  it('serves a private feed with times and no names; a new URL or a revocation ends the old one', async () => {
    const { clinic, dana, sam, asDana } = await createPractice(app, db);
    const { couple } = await createCouple(db, clinic, dana, { displayName: 'Secret & Names' });
    const { couple: samsCouple } = await createCouple(db, clinic, sam);
    const at = new Date(Date.now() + 3 * 86_400_000);
    at.setUTCHours(10, 0, 0, 0);
    await asDana.agent
      .post(`/api/v1/couples/${couple.id}/sessions`)
      .set('x-csrf-token', asDana.csrfToken)
      .send({ startsAt: at.toISOString(), location: 'Room 2' })
      .expect(201);
    await db.query(
      `INSERT INTO session (clinic_id, couple_id, therapist_id, starts_at, duration_minutes, status) VALUES ($1, $2, $3, $4, 50, 'scheduled')`,
      [clinic.id, samsCouple.id, sam.id, at.toISOString()],
    );
    expect((await asDana.agent.get('/api/v1/calendar-feed').expect(200)).body).toMatchObject({
      active: false,
      url: null,
    });

    const made = await asDana.agent.post('/api/v1/calendar-feed').set('x-csrf-token', asDana.csrfToken).expect(201);
    const path = new URL(made.body.url).pathname;
    const token = path.split('/').pop() as string;
    const [stored] = await db.query(`SELECT token_hash FROM calendar_feed WHERE staff_id = $1`, [dana.id]);
    expect(stored.token_hash).not.toContain(token);

    const feed = await request(app.getHttpServer()).get(path).expect(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    expect(feed.text).toContain('BEGIN:VEVENT');
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(1); // Sam's session is not in Dana's feed
    expect(feed.text).toContain('Room 2');
    expect(feed.text).not.toContain('Secret');
    expect((await asDana.agent.get('/api/v1/calendar-feed').expect(200)).body).toMatchObject({
      active: true,
      url: null,
    });

    // A new URL revokes the old one; revoking ends the new one.
    const again = await asDana.agent.post('/api/v1/calendar-feed').set('x-csrf-token', asDana.csrfToken).expect(201);
    await request(app.getHttpServer()).get(path).expect(404);
    const newPath = new URL(again.body.url).pathname;
    await request(app.getHttpServer()).get(newPath).expect(200);
    await asDana.agent.delete('/api/v1/calendar-feed').set('x-csrf-token', asDana.csrfToken).expect(204);
    await request(app.getHttpServer()).get(newPath).expect(404);
    await request(app.getHttpServer()).get('/api/v1/calendar-feeds/not-a-token').expect(404);
    const [audit] = await db.query(
      `SELECT count(*) FILTER (WHERE outcome = 'denied')::int AS denied, count(*) FILTER (WHERE outcome = 'success' AND actor_id = $1)::int AS read
       FROM audit_event WHERE action = 'calendar_feed.read'`,
      [dana.id],
    );
    expect(audit.denied).toBeGreaterThanOrEqual(3);
    expect(audit.read).toBe(2);
    const asSam = await signIn(app, sam.email);
    expect((await asSam.agent.get('/api/v1/calendar-feed').expect(200)).body.active).toBe(false);
  });
});
