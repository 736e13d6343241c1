import type { Session } from 'fastify';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { StaffRole, StaffStatus } from '@trellis/contracts';
import type { StaffNow } from './session-data';

type Callback = (err?: unknown) => void;

interface SessionRow {
  data: Session;
  id: string | null;
  email: string;
  name: string;
  role: StaffRole;
  clinic_id: string;
  status: StaffStatus;
  sessions_valid_after: Date | null;
}

const hash = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/**
 * Server-side sessions in PostgreSQL, shared by every API replica. Redis may go away (jobs wait
 * in the outbox meanwhile); sign-in must not. Each row expires with the session's absolute
 * lifetime; the idle timeout is checked per request by the auth guard.
 */
export class PostgresSessionStore {
  private lastSweep = 0;

  constructor(
    private readonly db: DataSource,
    private readonly ttlSeconds: number,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    const { cookie: _cookie, staffNow: _staffNow, ...data } = session as Session & { cookie?: unknown };
    this.db
      .query(
        `INSERT INTO http_session (sid_hash, data, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
         ON CONFLICT (sid_hash) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [hash(sessionId), JSON.stringify(data), this.ttlSeconds],
      )
      .then(() => this.sweepNowAndThen())
      .then(() => callback(), callback);
  }

  /**
   * The session and, for a signed-in staff session, the person as the database has them now — one
   * statement, because the auth guard re-reads the person on every request (a deactivation or role
   * change must take effect at once) and a second round trip was a quarter of a cheap request.
   */
  get(sessionId: string, callback: (err: unknown, session?: Session | null) => void): void {
    this.db
      .query(
        `SELECT s.data, u.id, u.email, u.name, u.role, u.clinic_id, u.status, u.sessions_valid_after
         FROM http_session s
         LEFT JOIN staff_user u ON u.id = (s.data->>'userId')::uuid AND u.clinic_id = (s.data->>'clinicId')::uuid
         WHERE s.sid_hash = $1 AND s.expires_at > now()`,
        [hash(sessionId)],
      )
      .then(
        (rows: SessionRow[]) => {
          const row = rows[0];
          if (!row) return callback(null, null);
          const staffNow: StaffNow | null = row.id
            ? {
                id: row.id,
                email: row.email,
                name: row.name,
                role: row.role,
                clinicId: row.clinic_id,
                status: row.status,
                sessionsValidAfter: row.sessions_valid_after?.getTime() ?? null,
              }
            : null;
          callback(null, { ...row.data, staffNow });
        },
        (error) => callback(error),
      );
  }

  destroy(sessionId: string, callback: Callback): void {
    this.db.query(`DELETE FROM http_session WHERE sid_hash = $1`, [hash(sessionId)]).then(() => callback(), callback);
  }

  /** Expired rows are removed at most once a minute per replica, in the background of a write. */
  private async sweepNowAndThen(): Promise<void> {
    if (Date.now() - this.lastSweep < 60_000) return;
    this.lastSweep = Date.now();
    await this.db.query(`DELETE FROM http_session WHERE expires_at < now()`);
  }
}
