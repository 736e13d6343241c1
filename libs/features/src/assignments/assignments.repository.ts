import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface NewHomeworkResponse {
  assignmentId: string;
  clientId: string;
}

export interface InsertedHomeworkResponse {
  id: string;
  clientId: string;
}

/**
 * The assignment aggregate (an assignment and each partner's `homework_response`): where the
 * assignments feature's SQL lives. Writes take the caller's transaction, so rows commit with the
 * change that made them and with the jobs it queued.
 */
@Injectable()
export class AssignmentsRepository {
  /** One empty response per partner and assignment, in one statement whatever the number. */
  async insertEmptyResponses(
    manager: EntityManager,
    clinicId: string,
    responses: readonly NewHomeworkResponse[],
  ): Promise<InsertedHomeworkResponse[]> {
    if (responses.length === 0) return [];
    const rows: { id: string; client_id: string }[] = await manager.query(
      `INSERT INTO homework_response (clinic_id, assignment_id, client_id, answers)
       SELECT $1::uuid, x.assignment_id, x.client_id, '{}'::jsonb
       FROM unnest($2::uuid[], $3::uuid[]) AS x(assignment_id, client_id)
       RETURNING id, client_id`,
      [clinicId, responses.map((r) => r.assignmentId), responses.map((r) => r.clientId)],
    );
    return rows.map((r) => ({ id: r.id, clientId: r.client_id }));
  }
}
