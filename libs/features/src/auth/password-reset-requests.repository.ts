import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A password-reset request waiting for the worker: the address typed and where the request came from. */
export interface PasswordResetRequest {
  id: string;
  email: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * `password_reset_request`: reset requests answered at once and handled by the worker. A row lives
 * from the request until the worker takes it (seconds), so addresses typed do not pile up.
 */
@Injectable()
export class PasswordResetRequestsRepository {
  /** The one write the endpoint makes for any address, known or not (with its outbox row). */
  async insert(manager: EntityManager, request: PasswordResetRequest): Promise<void> {
    await manager.query(
      `INSERT INTO password_reset_request (id, email, ip, user_agent, request_id) VALUES ($1, $2, $3, $4, $5)`,
      [request.id, request.email, request.ip, request.userAgent, request.requestId],
    );
  }

  /** Deletes the request and returns it: a second run of the same job finds nothing to do. */
  async take(manager: EntityManager, id: string): Promise<PasswordResetRequest | null> {
    const [rows]: [{ id: string; email: string; ip: string | null; user_agent: string | null; request_id: string }[]] =
      await manager.query(
        `DELETE FROM password_reset_request WHERE id = $1 RETURNING id, email, host(ip) AS ip, user_agent, request_id`,
        [id],
      );
    const row = rows[0];
    return row
      ? { id: row.id, email: row.email, ip: row.ip, userAgent: row.user_agent, requestId: row.request_id }
      : null;
  }

  /** Requests whose job never ran (removed by an admin, say) are not kept past a day. */
  async deleteStale(manager: EntityManager, olderThan: Date): Promise<void> {
    await manager.query(`DELETE FROM password_reset_request WHERE created_at < $1`, [olderThan]);
  }
}
