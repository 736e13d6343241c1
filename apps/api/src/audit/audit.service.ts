import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, AuditActorType, AuditOutcome } from '@trellis/contracts';
import { AuditEvent } from '@trellis/data';

export interface AuditEntry {
  clinicId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  recordType?: string;
  recordId?: string;
  /** Ids and reasons only, never clinical text. */
  details?: Record<string, string | number | boolean | null>;
}

/** Writes the append-only audit trail; pass the caller's transaction manager to audit atomically. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, request: FastifyRequest, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(AuditEvent, {
      clinicId: entry.clinicId,
      actorType: entry.actorType,
      actorId: entry.actorId,
      action: entry.action,
      outcome: entry.outcome,
      recordType: entry.recordType ?? null,
      recordId: entry.recordId ?? null,
      details: entry.details ?? {},
      ip: request.ip ?? null,
      userAgent: (request.headers['user-agent'] ?? '').slice(0, 500) || null,
    });
  }
}
