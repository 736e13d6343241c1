import type { EntityManager } from 'typeorm';
import type { NewHomeworkResponse } from '@trellis/jobs';

/**
 * The writes benchmarks' baseline: the same responses inserted the same way as
 * `insertResponsesWithJobsInTransaction`, without the ledger rows and outbox jobs.
 */
export async function insertResponsesWithoutJobs(
  manager: EntityManager,
  clinicId: string,
  responses: NewHomeworkResponse[],
): Promise<void> {
  await manager.query(
    `INSERT INTO homework_response (clinic_id, assignment_id, client_id, answers)
     SELECT $1::uuid, x.assignment_id, x.client_id, '{}'::jsonb FROM unnest($2::uuid[], $3::uuid[]) AS x(assignment_id, client_id)`,
    [clinicId, responses.map((r) => r.assignmentId), responses.map((r) => r.clientId)],
  );
}
