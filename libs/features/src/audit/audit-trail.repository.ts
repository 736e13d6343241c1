import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuditEntryView, ListResponse } from '@trellis/contracts';
import { AuditEvent } from '@trellis/data';
import { AuditQueryDto } from './audit-query.dto';
import { AUDIT_RECORD_NAME_SQL } from './audit-record-name.sql';

export const AUDIT_EXPORT_MAX_ROWS = 50_000;

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_type: AuditEntryView['actorType'];
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  record_name: string | null;
  outcome: AuditEntryView['outcome'];
  ip: string | null;
  user_agent: string | null;
}

function toView(r: AuditRow): AuditEntryView {
  return {
    id: String(r.id),
    occurredAt: new Date(r.occurred_at).toISOString(),
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    recordName: r.record_name,
    outcome: r.outcome,
    ip: r.ip,
    userAgent: r.user_agent,
  };
}

/** Reads of the trail, always within one clinic; the person's name is joined in the same query. */
@Injectable()
export class AuditTrailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(clinicId: string, query: AuditQueryDto): Promise<ListResponse<AuditEntryView>> {
    const base = this.filtered(clinicId, query);
    const [total, rows] = await Promise.all([
      base.clone().getCount(),
      this.withColumns(base)
        .orderBy('a.occurred_at', query.order)
        .addOrderBy('a.id', query.order)
        .offset((query.page - 1) * query.perPage)
        .limit(query.perPage)
        .getRawMany<AuditRow>(),
    ]);
    return { data: rows.map(toView), total };
  }

  async exportRows(clinicId: string, query: AuditQueryDto): Promise<AuditEntryView[]> {
    const rows = await this.withColumns(this.filtered(clinicId, query))
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(AUDIT_EXPORT_MAX_ROWS)
      .getRawMany<AuditRow>();
    return rows.map(toView);
  }

  private filtered(clinicId: string, query: AuditQueryDto): SelectQueryBuilder<AuditEvent> {
    const qb = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .where('a.clinic_id = :clinicId', { clinicId });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.outcome) qb.andWhere('a.outcome = :outcome', { outcome: query.outcome });
    if (query.from) qb.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.to) {
      // A bare date means "through the end of that day".
      const inclusive = /^\d{4}-\d{2}-\d{2}$/.test(query.to);
      qb.andWhere(inclusive ? `a.occurred_at < (:to::date + 1)` : 'a.occurred_at <= :to', { to: query.to });
    }
    return qb;
  }

  private withColumns(qb: SelectQueryBuilder<AuditEvent>): SelectQueryBuilder<AuditEvent> {
    return (
      qb
        .clone()
        .leftJoin('staff_user', 'su', 'su.id::text = a.actor_id AND su.clinic_id = a.clinic_id')
        // A token's rows name the token (its creator is on the token's own list).
        .leftJoin(
          'api_token',
          'tok',
          "a.actor_type = 'api_token' AND tok.id::text = a.actor_id AND tok.clinic_id = a.clinic_id",
        )
        .select([
          'a.id AS id',
          'a.occurred_at AS occurred_at',
          'a.actor_type AS actor_type',
          'a.actor_id AS actor_id',
          'COALESCE(su.name, tok.name) AS actor_name',
          'a.action AS action',
          'a.record_type AS record_type',
          'a.record_id AS record_id',
          `${AUDIT_RECORD_NAME_SQL} AS record_name`,
          'a.outcome AS outcome',
          'host(a.ip) AS ip',
          'a.user_agent AS user_agent',
        ])
    );
  }
}
