import type { Session } from 'fastify';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

type Callback = (err?: unknown) => void;

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
    const { cookie: _cookie, ...data } = session as Session & { cookie?: unknown };
    this.db
      .query(
        `INSERT INTO http_session (sid_hash, data, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
         ON CONFLICT (sid_hash) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [hash(sessionId), JSON.stringify(data), this.ttlSeconds],
      )
      .then(() => this.sweepNowAndThen())
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (err: unknown, session?: Session | null) => void): void {
    this.db.query(`SELECT data FROM http_session WHERE sid_hash = $1 AND expires_at > now()`, [hash(sessionId)]).then(
      (rows: { data: Session }[]) => callback(null, rows[0]?.data ?? null),
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
