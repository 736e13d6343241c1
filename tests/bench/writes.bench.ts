import { DataSource, IsNull } from 'typeorm';
import { Exercise } from '@trellis/data';
import { planRemindersJob, queueEmailsAndJobsInTransaction } from '@trellis/jobs';
import { AssignmentsRepository } from '../../libs/features/src/assignments/assignments.repository';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { connectTestDatabase } from '../support/test-database';
import { FULL, recordRatio, report } from './bench-report';

const ROUNDS = FULL ? 10 : 4;
const PER_ROUND = FULL ? 200 : 80;

/**
 * The write itself: an assignment and its two responses inserted with what assigning queues (two
 * ledger rows and email jobs, two reminder plans) against the same inserts without them,
 * interleaved in rounds so noise hits both. assign-request.bench.ts measures the whole request.
 */
describe('writes: assigning homework with and without the outbox', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await connectTestDatabase();
  });
  afterAll(() => db.destroy());

  it('keeps the outbox cost small (throughput ratio floor 0.85)', async () => {
    const clinic = await createClinic(db);
    const therapist = await createStaff(db, clinic);
    const { couple, partners } = await createCouple(db, clinic, therapist);
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'empathy' });
    const prompts = JSON.stringify(exercise.prompts);
    const repository = new AssignmentsRepository(db);

    const assign = async (withOutbox: boolean) =>
      db.transaction(async (m) => {
        const [a] = await m.query(
          `INSERT INTO assignment (clinic_id, couple_id, exercise_id, exercise_version, title, strategy, purpose, instructions, prompts, due_at, assigned_by)
           VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8::jsonb, now() + interval '3 days', $9) RETURNING id`,
          [
            clinic.id,
            couple.id,
            exercise.id,
            exercise.title,
            exercise.strategy,
            exercise.purpose,
            exercise.instructions,
            prompts,
            therapist.id,
          ],
        );
        // Exactly what AssignmentsService.create writes, or the same responses without the jobs.
        const responses = await repository.insertEmptyResponses(
          m,
          clinic.id,
          partners.map((p) => ({ assignmentId: a.id, clientId: p.id })),
        );
        if (!withOutbox) return;
        await queueEmailsAndJobsInTransaction(m, {
          emails: responses.map((r) => ({
            clinicId: clinic.id,
            template: 'homework-assigned',
            subjectIds: { responseId: r.id },
            idempotencyKey: `homework-assigned-${r.id}`,
          })),
          jobs: responses.map((r) => planRemindersJob(clinic.id, r.id)),
        });
      });

    const elapsed = { with: 0, without: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
        const started = process.hrtime.bigint();
        for (let i = 0; i < PER_ROUND; i += 1) await assign(mode === 'with');
        elapsed[mode] += Number(process.hrtime.bigint() - started) / 1e6;
      }
    }
    const total = ROUNDS * PER_ROUND;
    const rate = { with: (total / elapsed.with) * 1000, without: (total / elapsed.without) * 1000 };
    const ratio = rate.with / rate.without;
    report(
      `assign homework (1 couple, 2 partners), ${total} each: without outbox ${rate.without.toFixed(0)}/s, with outbox ${rate.with.toFixed(0)}/s, ratio ${ratio.toFixed(2)} (floor 0.85)`,
    );
    recordRatio({ name: 'writes: assign, outbox vs none (SQL)', ratio, bound: 'atLeast', limit: 0.85 });
  }, 300_000);
});
