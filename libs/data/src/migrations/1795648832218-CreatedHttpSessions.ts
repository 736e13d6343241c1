import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatedHttpSessions1795648832218 implements MigrationInterface {
  name = 'CreatedHttpSessions1795648832218';

  async up(q: QueryRunner): Promise<void> {
    // Sessions live in PostgreSQL, not Redis: staff stay signed in and writes keep working while
    // Redis is down (jobs wait in the outbox). The id is stored hashed, so a database dump holds
    // no usable session.
    await q.query(`
      CREATE TABLE http_session (
        sid_hash text PRIMARY KEY,
        data jsonb NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX http_session_expires_idx ON http_session (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE http_session`);
  }
}
