import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, AuditActorType, AuditOutcome } from '@trellis/contracts';
import { AuditEvent } from '@trellis/data';
import type { Actor } from '../actor/actor';

/** Who a row names: the actor's own, unless an entry says otherwise. */
interface Attribution {
  clinicId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
}

/** What happened; who did it, and from where, comes from the Actor. */
export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  recordType?: string;
  recordId?: string;
  /** Ids and reasons only, never clinical text. */
  details?: Record<string, string | number | boolean | null>;
  /**
   * Rare: a row that names someone the actor is not — an anonymous attempt on a known account
   * names that account and its clinic. The actor type stays the actor's unless given.
   */
  attributedTo?: Pick<Attribution, 'clinicId' | 'actorId'> & { actorType?: AuditActorType };
}

type AuditRow = Pick<
  AuditEvent,
  | 'clinicId'
  | 'actorType'
  | 'actorId'
  | 'action'
  | 'outcome'
  | 'recordType'
  | 'recordId'
  | 'details'
  | 'ip'
  | 'userAgent'
>;

/** Rows per INSERT: keeps one statement's parameters and duration bounded under a burst. */
const MAX_BATCH = 500;

interface Pending {
  row: AuditRow;
  written: () => void;
  failed: (error: unknown) => void;
}

/**
 * Writes the append-only audit trail. Inside a change, pass the caller's transaction manager: the
 * row commits with the change or not at all. Otherwise (reads), rows are group-committed: a row
 * waits only while an earlier insert is in flight, then goes with everything that queued up
 * meanwhile in one INSERT — so under load, reads share audit round trips instead of each paying
 * one, and alone a read pays exactly one. Either way the caller waits until its row is committed,
 * so no response goes out for a read that was not recorded.
 */
@Injectable()
export class AuditService {
  private queued: Pending[] = [];
  private flushing = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(actor: Actor, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const row = toRow(actor, entry);
    if (manager) {
      await manager.insert(AuditEvent, row);
      return;
    }
    // EXPERIMENT (bench only, removed after the measurement): one INSERT per row, no queue.
    if (process.env.BENCH_AUDIT_GROUP === 'off') {
      await this.dataSource.manager.insert(AuditEvent, row);
      return;
    }
    await new Promise<void>((written, failed) => {
      this.queued.push({ row, written, failed });
      if (!this.flushing) void this.flush();
    });
  }

  /**
   * Runs a read of one record and inserts its audit row in the same statement (a data-modifying
   * CTE): the row is written only when the read finds the record, and it commits with the read,
   * so no record leaves the database unrecorded and the read costs one round trip, not two.
   * `sql` is a single SELECT (no trailing semicolon) returning at most one row, written in our code:
   * it is pasted into the statement, so values always go in `params`, never into `sql`. Its
   * parameters come first, the audit row's after them.
   */
  async readOneAudited<Row>(
    sql: string,
    params: unknown[],
    actor: Actor,
    entry: AuditEntry,
    manager: EntityManager = this.dataSource.manager,
    // EXPERIMENT (bench only): commit the read's audit row without waiting for its WAL flush.
    asyncCommit = false,
  ): Promise<Row | undefined> {
    const row = toRow(actor, entry);
    const n = params.length;
    const [found]: Row[] = await manager.query(
      `WITH audited_read AS (${sql}),
       audit_row AS (
         INSERT INTO audit_event (clinic_id, actor_type, actor_id, action, outcome, record_type, record_id, details, ip, user_agent)
         SELECT $${n + 1}::uuid, $${n + 2}::text, $${n + 3}::text, $${n + 4}::text, $${n + 5}::text, $${n + 6}::text, $${n + 7}::text, $${n + 8}::jsonb, $${n + 9}::inet, $${n + 10}::text
         WHERE EXISTS (SELECT 1 FROM audited_read)${asyncCommit ? ` AND set_config('synchronous_commit', 'off', true) IS NOT NULL` : ''}
       )
       SELECT * FROM audited_read`,
      [
        ...params,
        row.clinicId,
        row.actorType,
        row.actorId,
        row.action,
        row.outcome,
        row.recordType,
        row.recordId,
        JSON.stringify(row.details),
        row.ip,
        row.userAgent,
      ],
    );
    return found;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, MAX_BATCH);
      try {
        await this.insertRows(batch.map((p) => p.row));
        batch.forEach((p) => p.written());
      } catch {
        // One bad row must not fail the reads it was batched with: each row again, on its own.
        for (const p of batch) {
          await this.insertRows([p.row]).then(p.written, p.failed);
        }
      }
    }
    this.flushing = false;
  }

  private async insertRows(rows: AuditRow[]): Promise<void> {
    const column = <K extends keyof AuditRow>(key: K) => rows.map((r) => r[key]);
    await this.dataSource.query(
      `INSERT INTO audit_event (clinic_id, actor_type, actor_id, action, outcome, record_type, record_id, details, ip, user_agent)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::inet[], $10::text[])`,
      [
        column('clinicId'),
        column('actorType'),
        column('actorId'),
        column('action'),
        column('outcome'),
        column('recordType'),
        column('recordId'),
        rows.map((r) => JSON.stringify(r.details)),
        column('ip'),
        column('userAgent'),
      ],
    );
  }
}

function ownAttribution(actor: Actor): Attribution {
  switch (actor.kind) {
    case 'staff':
      return { clinicId: actor.staff.clinicId, actorType: 'staff', actorId: actor.staff.id };
    case 'client_link':
      return { clinicId: actor.clinicId, actorType: 'client_link', actorId: actor.clientId };
    case 'anonymous':
      return { clinicId: null, actorType: 'anonymous', actorId: null };
  }
}

function attribution(actor: Actor, entry: AuditEntry): Attribution {
  const own = ownAttribution(actor);
  const other = entry.attributedTo;
  if (!other) return own;
  return { clinicId: other.clinicId, actorType: other.actorType ?? own.actorType, actorId: other.actorId };
}

function toRow(actor: Actor, entry: AuditEntry): AuditRow {
  return {
    ...attribution(actor, entry),
    action: entry.action,
    outcome: entry.outcome,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    details: entry.details ?? {},
    // Sanitised where the Actor is made (actorFrom): a valid address or null, a bounded user agent.
    ip: actor.ip,
    userAgent: actor.userAgent,
  };
}
