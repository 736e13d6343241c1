import type { Session } from 'fastify';
import type Redis from 'ioredis';

type Callback = (err?: unknown) => void;

/**
 * Server-side sessions in Redis, shared by every API replica. Each entry expires with the
 * session's absolute lifetime; the idle timeout is checked on each request by the auth guard.
 */
export class RedisSessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  private key(sessionId: string): string {
    return `${this.prefix}:session:${sessionId}`;
  }

  set(sessionId: string, session: Session, callback: Callback): void {
    const { cookie: _cookie, ...data } = session as Session & { cookie?: unknown };
    this.redis
      .set(this.key(sessionId), JSON.stringify(data), 'EX', this.ttlSeconds)
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (err: unknown, session?: Session | null) => void): void {
    this.redis.get(this.key(sessionId)).then(
      (raw) => callback(null, raw ? (JSON.parse(raw) as Session) : null),
      (error) => callback(error),
    );
  }

  destroy(sessionId: string, callback: Callback): void {
    this.redis.del(this.key(sessionId)).then(() => callback(), callback);
  }
}
