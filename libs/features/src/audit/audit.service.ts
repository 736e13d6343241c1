import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
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

/** A read of one clinical record (or of a couple's records), as its denied row names it. */
export interface ReadAttempt {
  action: AuditAction;
  recordType: string;
  /** The id the actor asked for, whether or not such a record exists. */
  recordId: string;
  details?: Record<string, string | number | boolean | null>;
}

/** 404s and 403s already recorded as denied, so a read nested in another read (export → couple) writes one row. */
const recordedDenials = new WeakSet<object>();

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

/**
 * Writes the append-only audit trail, one INSERT per row. Inside a change, pass the caller's
 * transaction manager: the row commits with the change or not at all. A read that must not be
 * served unrecorded does the same (its read and its row in one transaction, as the couple page
 * does); other reads pass nothing and the row commits on its own. Either way the caller waits until
 * its row is written, so no response goes out for a request that was not recorded.
 *
 * Rows used to be group-committed (a queue flushed with one multi-row INSERT while an earlier
 * insert was in flight) and the couple page's read and row were one data-modifying CTE. The plain
 * versions cost 12–31 % of the couple page's throughput, under the third that would pay for the
 * cleverness (docs/benchmarks.md, "Earning the clever parts").
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(actor: Actor, entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEvent, toRow(actor, entry));
  }

  /**
   * Runs a read of a clinical record; when it ends in a 404 (another clinic's or another
   * therapist's record, or none at all: the same answer, so existence does not leak) or a 403 (a
   * read the actor's role does not allow, such as another therapist's calendar), records the
   * attempt as `denied` — the actor, the id asked for, the actor's own clinic (never the record's)
   * — and rethrows the same error. The one place every read's refused path is audited.
   */
  async read<T>(actor: Actor, attempt: ReadAttempt, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error instanceof NotFoundException || error instanceof ForbiddenException) && !recordedDenials.has(error)) {
        recordedDenials.add(error);
        // The read's own transaction (if any) has rolled back: this row commits on its own.
        await this.record(actor, { ...attempt, outcome: 'denied' });
      }
      throw error;
    }
  }
}

function ownAttribution(actor: Actor): Attribution {
  switch (actor.kind) {
    case 'staff':
      return { clinicId: actor.staff.clinicId, actorType: 'staff', actorId: actor.staff.id };
    case 'client_link':
      return { clinicId: actor.clinicId, actorType: 'client_link', actorId: actor.clientId };
    case 'api_token':
      return { clinicId: actor.staff.clinicId, actorType: 'api_token', actorId: actor.token.id };
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
