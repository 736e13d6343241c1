import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens for a clinic's integrations (issue 16, item 5). Only the SHA-256 of the random secret
 * is stored; a token acts with its creator's role and names itself in the audit trail, so the
 * trail gains an actor type for it.
 */
export class CreatedApiTokens1795760000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinic_id uuid NOT NULL REFERENCES clinic(id),
        created_by uuid NOT NULL REFERENCES staff_user(id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        scope text NOT NULL CHECK (scope IN ('read', 'read_write')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX api_token_clinic_created_idx ON api_token (clinic_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX api_token_created_by_idx ON api_token (created_by)`);
    await queryRunner.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_type_check`);
    await queryRunner.query(
      `ALTER TABLE audit_event ADD CONSTRAINT audit_event_actor_type_check
         CHECK (actor_type IN ('staff', 'client_link', 'system', 'anonymous', 'api_token'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The audit trail is append-only (a trigger refuses deletes): rows that name a token stay, so
    // the actor type they use stays allowed.
    await queryRunner.query(`DROP TABLE api_token`);
  }
}
