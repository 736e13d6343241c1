import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ApiTokenScope, ApiTokenSummary, SessionUser } from '@trellis/contracts';

interface SummaryRow {
  id: string;
  name: string;
  scope: ApiTokenScope;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date;
  revoked_at: Date | null;
}

/** A token that may be used right now, with the person it acts as. */
export interface UsableApiToken {
  id: string;
  name: string;
  scope: ApiTokenScope;
  lastUsedAt: Date | null;
  staff: SessionUser;
}

export interface NewApiToken {
  clinicId: string;
  createdBy: string;
  name: string;
  scope: ApiTokenScope;
  tokenHash: string;
  expiresAt: Date;
}

const SUMMARY_COLUMNS = `t.id, t.name, t.scope, s.id AS created_by_id, s.name AS created_by_name,
  t.created_at, t.last_used_at, t.expires_at, t.revoked_at`;

const toSummary = (r: SummaryRow): ApiTokenSummary => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  createdBy: { id: r.created_by_id, name: r.created_by_name },
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  expiresAt: r.expires_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/** The API token aggregate: where the SQL on tokens lives. Every statement filters by clinic. */
@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, token: NewApiToken): Promise<ApiTokenSummary> {
    const rows: SummaryRow[] = await manager.query(
      `WITH created AS (
         INSERT INTO api_token (clinic_id, created_by, name, scope, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING *
       )
       SELECT ${SUMMARY_COLUMNS} FROM created t JOIN staff_user s ON s.id = t.created_by`,
      [token.clinicId, token.createdBy, token.name, token.scope, token.tokenHash, token.expiresAt],
    );
    return toSummary(rows[0]);
  }

  /** Every token of the clinic, newest first: one statement whatever their number. */
  async listForClinic(clinicId: string): Promise<ApiTokenSummary[]> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}
       FROM api_token t JOIN staff_user s ON s.id = t.created_by
       WHERE t.clinic_id = $1
       ORDER BY t.created_at DESC, t.id`,
      [clinicId],
    );
    return rows.map(toSummary);
  }

  /**
   * Revokes the clinic's token (a second revoke keeps the first time); null when the clinic has no
   * such token.
   */
  async revoke(manager: EntityManager, clinicId: string, id: string): Promise<ApiTokenSummary | null> {
    const rows: SummaryRow[] = await manager.query(
      `WITH revoked AS (
         UPDATE api_token SET revoked_at = COALESCE(revoked_at, now())
         WHERE id = $1 AND clinic_id = $2
         RETURNING *
       )
       SELECT ${SUMMARY_COLUMNS} FROM revoked t JOIN staff_user s ON s.id = t.created_by`,
      [id, clinicId],
    );
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /**
   * The unrevoked, unexpired token with this hash, if the person who created it is still an active
   * member of its clinic: their role and caseload are what the token may reach, read afresh on
   * every request like a session's.
   */
  async findUsable(tokenHash: string): Promise<UsableApiToken | null> {
    const rows: {
      id: string;
      name: string;
      scope: ApiTokenScope;
      last_used_at: Date | null;
      staff_id: string;
      email: string;
      staff_name: string;
      role: SessionUser['role'];
      clinic_id: string;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.scope, t.last_used_at, s.id AS staff_id, s.email, s.name AS staff_name, s.role,
              s.clinic_id
       FROM api_token t
       JOIN staff_user s ON s.id = t.created_by AND s.clinic_id = t.clinic_id AND s.status = 'active'
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      scope: r.scope,
      lastUsedAt: r.last_used_at,
      staff: { id: r.staff_id, email: r.email, name: r.staff_name, role: r.role, clinicId: r.clinic_id },
    };
  }

  /** Records a use; at most one write a minute per token, so a busy integration costs no write per call. */
  async touch(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_token SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
