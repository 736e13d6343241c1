import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The digests queue was called `summaries`. Outbox rows not yet relayed still name the old queue:
 * point them at the new one so the relay delivers them (jobs already in Redis are moved by the
 * worker at start, see `moveLegacyDigestJobs`).
 */
export class RenamedSummariesQueueToDigests1795650000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE outbox SET queue = 'digests' WHERE queue = 'summaries' AND relayed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE outbox SET queue = 'summaries' WHERE queue = 'digests' AND relayed_at IS NULL`);
  }
}
