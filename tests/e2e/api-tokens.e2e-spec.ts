import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clinic, StaffUser } from '@trellis/data';
import { countQueries } from '../support/count-queries';
import { createTestApp } from '../support/create-test-app';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('API tokens for integrations', () => {
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

  async function clinicWithAdmin() {
    const clinic = await createClinic(db);
    const admin = await createStaff(db, clinic, { role: 'admin', name: 'Avery Admin' });
    const therapist = await createStaff(db, clinic);
    await setPassword(db, admin);
    await setPassword(db, therapist);
    const session = await signIn(app, admin.email);
    return { clinic, admin, therapist, session };
  }

  async function createToken(
    session: Awaited<ReturnType<typeof signIn>>,
    body: { name?: string; scope?: string; expiresAt?: string } = {},
  ) {
    const res = await session.agent
      .post('/api/v1/api-tokens')
      .set('x-csrf-token', session.csrfToken)
      .send({ name: 'Billing export', scope: 'read_write', expiresAt: inDays(30), ...body })
      .expect(201);
    return res.body as { id: string; token: string; scope: string };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const auditRows = (clinic: Clinic, action: string) =>
    db.query(
      `SELECT actor_type, actor_id, outcome, record_id FROM audit_event WHERE clinic_id = $1 AND action = $2 ORDER BY id`,
      [clinic.id, action],
    );

  it('shows the secret once, stores only its hash, and lists tokens without it', async () => {
    const { clinic, admin, session } = await clinicWithAdmin();
    const created = await session.agent
      .post('/api/v1/api-tokens')
      .set('x-csrf-token', session.csrfToken)
      .send({ name: '  Billing export  ', scope: 'read', expiresAt: inDays(30) })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Billing export',
      scope: 'read',
      createdBy: { id: admin.id, name: 'Avery Admin' },
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [row] = await db.query(`SELECT * FROM api_token WHERE id = $1`, [created.body.id]);
    expect(row.token_hash).toBe(sha256(created.body.token));
    expect(JSON.stringify(row)).not.toContain(created.body.token);

    const list = await session.agent.get('/api/v1/api-tokens').expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.data[0].id).toBe(created.body.id);
    expect(list.text).not.toContain(created.body.token);
    expect(list.body.data[0]).not.toHaveProperty('token');

    expect(await auditRows(clinic, 'api_token.create')).toEqual([
      { actor_type: 'staff', actor_id: admin.id, outcome: 'success', record_id: created.body.id },
    ]);
    expect(await auditRows(clinic, 'api_token.list')).toHaveLength(1);
  });

  it('reads and writes as its creator without a CSRF token, audited as the token', async () => {
    const { clinic, admin, session } = await clinicWithAdmin();
    const { couple } = await createCouple(db, clinic, admin);
    const { token, id } = await createToken(session);
    const server = request(app.getHttpServer());

    const list = await server.get('/api/v1/couples').set(bearer(token)).expect(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([couple.id]);
    await server.get(`/api/v1/couples/${couple.id}`).set(bearer(token)).expect(200);
    const added = await server
      .post('/api/v1/couples')
      .set(bearer(token))
      .send({
        displayName: 'Added by the integration',
        partners: [1, 2].map((n) => ({
          name: `P${n}`,
          email: `p${n}@example.test`,
          timezone: 'UTC',
          emailConsent: true,
        })),
      })
      .expect(201);
    // A token never starts a session: nothing to steal from a cookie jar.
    expect(added.headers['set-cookie']).toBeUndefined();

    for (const action of ['couple.list', 'couple.view', 'couple.create']) {
      expect(await auditRows(clinic, action)).toEqual([
        expect.objectContaining({ actor_type: 'api_token', actor_id: id, outcome: 'success' }),
      ]);
    }
    const [used] = await db.query(`SELECT last_used_at FROM api_token WHERE id = $1`, [id]);
    expect(used.last_used_at).toBeInstanceOf(Date);

    // The audit trail names the token for an admin reading it.
    const trail = await session.agent.get('/api/v1/audit?action=couple.create').expect(200);
    expect(trail.body.data[0]).toMatchObject({ actorType: 'api_token', actorId: id, actorName: 'Billing export' });
  });

  it('refuses every write to a read-only token and leaves the database unchanged', async () => {
    const { clinic, admin, session } = await clinicWithAdmin();
    const { couple } = await createCouple(db, clinic, admin);
    const { token } = await createToken(session, { scope: 'read' });
    const server = request(app.getHttpServer());
    await server.get('/api/v1/couples').set(bearer(token)).expect(200);
    const refused = await server
      .patch(`/api/v1/couples/${couple.id}`)
      .set(bearer(token))
      .send({ displayName: 'Renamed' })
      .expect(403);
    expect(refused.body.detail).toBe('This API token is read-only.');
    const [row] = await db.query(`SELECT display_name FROM couple WHERE id = $1`, [couple.id]);
    expect(row.display_name).toBe(couple.displayName);
    expect(await auditRows(clinic, 'couple.update')).toEqual([]);
  });

  it("answers another clinic's record with 404 and records the denied read as the token", async () => {
    const mine = await clinicWithAdmin();
    const other = await clinicWithAdmin();
    const { couple } = await createCouple(db, other.clinic, other.admin);
    const { token, id } = await createToken(mine.session);
    const server = request(app.getHttpServer());
    await server.get(`/api/v1/couples/${couple.id}`).set(bearer(token)).expect(404);
    await server.patch(`/api/v1/couples/${couple.id}`).set(bearer(token)).send({ displayName: 'x' }).expect(404);
    const list = await server.get('/api/v1/couples').set(bearer(token)).expect(200);
    expect(list.text).not.toContain(couple.id);
    expect(await auditRows(mine.clinic, 'couple.view')).toEqual([
      { actor_type: 'api_token', actor_id: id, outcome: 'denied', record_id: couple.id },
    ]);
    // Nor may one clinic's admin revoke another's token.
    const theirs = await createToken(other.session);
    await mine.session.agent
      .post(`/api/v1/api-tokens/${theirs.id}/revoke`)
      .set('x-csrf-token', mine.session.csrfToken)
      .expect(404);
    await server.get('/api/v1/couples').set(bearer(theirs.token)).expect(200);
  });

  it('stops working the moment it is revoked, when it expires, or when its creator is deactivated', async () => {
    const { admin, session } = await clinicWithAdmin();
    const server = request(app.getHttpServer());

    const revoked = await createToken(session);
    await server.get('/api/v1/couples').set(bearer(revoked.token)).expect(200);
    const res = await session.agent
      .post(`/api/v1/api-tokens/${revoked.id}/revoke`)
      .set('x-csrf-token', session.csrfToken)
      .expect(200);
    expect(res.body.revokedAt).toEqual(expect.any(String));
    const refused = await server.get('/api/v1/couples').set(bearer(revoked.token)).expect(401);
    expect(refused.headers['www-authenticate']).toContain('Bearer');

    const expiring = await createToken(session);
    await server.get('/api/v1/couples').set(bearer(expiring.token)).expect(200);
    await db.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    await server.get('/api/v1/couples').set(bearer(expiring.token)).expect(401);

    const orphan = await createToken(session);
    await db.getRepository(StaffUser).update({ id: admin.id }, { status: 'deactivated' });
    await server.get('/api/v1/couples').set(bearer(orphan.token)).expect(401);
  });

  it('never reaches token management, the session, two-factor set-up or a partner’s homework', async () => {
    const { session } = await clinicWithAdmin();
    const { token, id } = await createToken(session);
    const server = request(app.getHttpServer());
    await server.get('/api/v1/api-tokens').set(bearer(token)).expect(403);
    await server
      .post('/api/v1/api-tokens')
      .set(bearer(token))
      .send({ name: 'Self-made', scope: 'read_write', expiresAt: inDays(30) })
      .expect(403);
    await server.post(`/api/v1/api-tokens/${id}/revoke`).set(bearer(token)).expect(403);
    await server.get('/api/v1/auth/session').set(bearer(token)).expect(403);
    await server.post('/api/v1/auth/2fa/setup').set(bearer(token)).expect(403);
    await server.get('/api/v1/homework/current').set(bearer(token)).expect(401);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM api_token WHERE clinic_id = (
      SELECT clinic_id FROM api_token WHERE id = $1)`,
      [id],
    );
    expect(count).toBe(1);
  });

  it('judges a request by its Authorization header alone, even with a live session cookie', async () => {
    const { session } = await clinicWithAdmin();
    await session.agent.get('/api/v1/couples').set({ authorization: 'Bearer not-a-real-token' }).expect(401);
    await session.agent.get('/api/v1/couples').set({ authorization: 'Basic dXNlcjpwYXNz' }).expect(401);
    await session.agent.get('/api/v1/couples').expect(200);
  });

  it('lets only admins create tokens, and refuses bad input naming the field', async () => {
    const { clinic, therapist, session } = await clinicWithAdmin();
    const asTherapist = await signIn(app, therapist.email);
    await asTherapist.agent
      .post('/api/v1/api-tokens')
      .set('x-csrf-token', asTherapist.csrfToken)
      .send({ name: 'Mine', scope: 'read', expiresAt: inDays(30) })
      .expect(403);
    await asTherapist.agent.get('/api/v1/api-tokens').expect(403);

    const cases: [object, string, string][] = [
      [{ name: '' }, 'name', 'is required'],
      [{ name: 'x'.repeat(101) }, 'name', 'must be at most 100 characters'],
      [{ scope: 'admin' }, 'scope', 'must be one of read, read_write'],
      [{ expiresAt: 'next week' }, 'expiresAt', 'must be an ISO 8601 date-time like 2027-06-30T00:00:00Z'],
      [{ expiresAt: inDays(-1) }, 'expiresAt', 'must be in the future'],
      [{ expiresAt: inDays(400) }, 'expiresAt', 'must be at most 366 days away'],
      [{ clinicId: clinic.id }, 'clinicId', 'is not an allowed field'],
    ];
    for (const [change, field, message] of cases) {
      const res = await session.agent
        .post('/api/v1/api-tokens')
        .set('x-csrf-token', session.csrfToken)
        .send({ name: 'Billing export', scope: 'read', expiresAt: inDays(30), ...change })
        .expect(400);
      expect(res.body.errors).toEqual([{ field, message }]);
    }
    await session.agent.post('/api/v1/api-tokens/not-a-uuid/revoke').set('x-csrf-token', session.csrfToken).expect(404);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM api_token WHERE clinic_id = $1`, [
      clinic.id,
    ]);
    expect(count).toBe(0);
  });

  it('lists tokens in the same number of statements however many there are', async () => {
    const { session } = await clinicWithAdmin();
    await createToken(session);
    const few = await countQueries(() => session.agent.get('/api/v1/api-tokens').expect(200));
    for (let i = 0; i < 12; i += 1) await createToken(session, { name: `Token ${i}` });
    const many = await countQueries(() => session.agent.get('/api/v1/api-tokens').expect(200));
    expect(many).toBe(few);
  });

  it('rate-limits each token per minute in Redis, with Retry-After', async () => {
    const limited = await createTestApp({ API_TOKEN_REQUESTS_PER_MINUTE: '3' });
    try {
      const clinic = await createClinic(db);
      const admin = await createStaff(db, clinic, { role: 'admin' });
      await setPassword(db, admin);
      const session = await signIn(limited, admin.email);
      const { token } = await (async () => {
        const res = await session.agent
          .post('/api/v1/api-tokens')
          .set('x-csrf-token', session.csrfToken)
          .send({ name: 'Busy', scope: 'read', expiresAt: inDays(1) })
          .expect(201);
        return res.body as { token: string };
      })();
      const server = request(limited.getHttpServer());
      for (let i = 0; i < 3; i += 1) await server.get('/api/v1/couples').set(bearer(token)).expect(200);
      const over = await server.get('/api/v1/couples').set(bearer(token)).expect(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      // The admin's own session is not the token's: it is not slowed down.
      await session.agent.get('/api/v1/couples').expect(200);
    } finally {
      await limited.close();
    }
  });
});
