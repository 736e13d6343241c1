import type { AuditEntryView } from '@trellis/contracts';
import { toCsv } from './csv';

/** The audit trail as CSV (`GET /audit/export`): one row per entry, in the order given. */
export function auditCsv(rows: readonly AuditEntryView[]): string {
  return toCsv(
    [
      'occurred_at',
      'actor_type',
      'actor_id',
      'actor_name',
      'action',
      'record_type',
      'record_id',
      'record_name',
      'outcome',
      'ip',
      'user_agent',
    ],
    rows.map((r) => [
      r.occurredAt,
      r.actorType,
      r.actorId,
      r.actorName,
      r.action,
      r.recordType,
      r.recordId,
      r.recordName,
      r.outcome,
      r.ip,
      r.userAgent,
    ]),
  );
}
