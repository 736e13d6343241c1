import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseloadRow, CoupleView, ListResponse, SessionUser } from '@trellis/contracts';
import { Client, Couple, StaffUser } from '@trellis/data';
import { planPreSessionDigestInTransaction, replanRemindersInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import { CaseloadQueryDto } from './caseload-query.dto';
import { queryCaseload } from './caseload.query';
import { buildCoupleDetailSql, CoupleDetailRow, queryCoupleDetail, toCoupleView } from './couple-detail.query';
import { CreateCoupleDto, UpdateCoupleDto } from './couple.dto';

/** Another clinic's or therapist's couple and a missing one look the same: not found. */
const coupleNotFound = () => new NotFoundException('No such couple in your caseload.');

/**
 * Couples and partners. A therapist sees and changes only their own couples; an admin sees the
 * clinic's and reassigns them. Anything else is a 404, never a 403, so ids leak nothing.
 */
@Injectable()
export class CouplesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async caseload(actor: StaffActor, query: CaseloadQueryDto): Promise<ListResponse<CaseloadRow>> {
    if (query.therapistId && actor.staff.role !== 'admin')
      throw new ForbiddenException('Only admins can view another therapist’s caseload.');
    const result = await queryCaseload(this.dataSource, actor.staff, query);
    await this.audit.record(actor, {
      action: 'couple.list',
      outcome: 'success',
      recordType: 'couple',
      details: { rows: result.data.length },
    });
    return result;
  }

  /** The couple if this person may see it, else 404. Lock it when about to change it. */
  async findVisible(manager: EntityManager, user: SessionUser, coupleId: string, lock = false): Promise<Couple> {
    const couple = await manager.findOne(Couple, {
      where: { id: coupleId, clinicId: user.clinicId, ...(user.role === 'admin' ? {} : { therapistId: user.id }) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!couple) throw coupleNotFound();
    return couple;
  }

  async get(actor: StaffActor, coupleId: string): Promise<CoupleView> {
    const { sql, params } = buildCoupleDetailSql(actor.staff, coupleId);
    const row = await this.audit.readOneAudited<CoupleDetailRow>(this.dataSource.manager, sql, params, actor, {
      action: 'couple.view',
      outcome: 'success',
      recordType: 'couple',
      recordId: coupleId,
    });
    if (!row) throw coupleNotFound();
    return toCoupleView(row);
  }

  async create(actor: StaffActor, dto: CreateCoupleDto): Promise<CoupleView> {
    const user = actor.staff;
    if (dto.therapistId && dto.therapistId !== user.id && user.role !== 'admin') {
      throw new ForbiddenException('Only admins can create couples for another therapist.');
    }
    return this.dataSource.transaction(async (manager) => {
      const therapist = await this.activeTherapist(manager, user, dto.therapistId ?? user.id);
      const couple = await manager.save(
        manager.create(Couple, {
          clinicId: user.clinicId,
          displayName: dto.displayName,
          therapistId: therapist.id,
          status: 'active',
          nextSessionAt: dto.nextSessionAt ? new Date(dto.nextSessionAt) : null,
          lastActivityAt: new Date(),
        }),
      );
      await manager.insert(
        Client,
        dto.partners.map((p, i) => ({
          clinicId: user.clinicId,
          coupleId: couple.id,
          position: (i + 1) as 1 | 2,
          ...p,
        })),
      );
      if (couple.nextSessionAt) await planPreSessionDigestInTransaction(manager, user.clinicId, couple.id);
      await this.audit.record(
        actor,
        { action: 'couple.create', outcome: 'success', recordType: 'couple', recordId: couple.id },
        manager,
      );
      return this.load(manager, user, couple.id);
    });
  }

  async update(actor: StaffActor, coupleId: string, dto: UpdateCoupleDto): Promise<CoupleView> {
    const user = actor.staff;
    return this.dataSource.transaction(async (manager) => {
      const couple = await this.findVisible(manager, user, coupleId, true);
      const changes: Partial<Couple> = {};
      if (dto.displayName !== undefined) changes.displayName = dto.displayName;
      if (dto.status !== undefined) changes.status = dto.status;
      if (dto.nextSessionAt !== undefined)
        changes.nextSessionAt = dto.nextSessionAt === null ? null : new Date(dto.nextSessionAt);
      if (dto.therapistId !== undefined && dto.therapistId !== couple.therapistId) {
        if (user.role !== 'admin') throw new ForbiddenException('Only admins can reassign a couple.');
        changes.therapistId = (await this.activeTherapist(manager, user, dto.therapistId)).id;
      }
      const positions = new Set<number>();
      for (const partner of dto.partners ?? []) {
        if (positions.has(partner.position))
          throw validationProblem([{ field: 'partners', message: 'lists the same partner twice' }]);
        positions.add(partner.position);
        const { position, ...fields } = partner;
        if (Object.keys(fields).length) await manager.update(Client, { coupleId: couple.id, position }, fields);
      }
      await manager.update(Couple, { id: couple.id }, { ...changes, lastActivityAt: new Date() });
      if (changes.nextSessionAt !== undefined || changes.status !== undefined || changes.therapistId !== undefined) {
        await planPreSessionDigestInTransaction(manager, user.clinicId, couple.id);
      }
      if (changes.status && changes.status !== couple.status) {
        // Paused or discharged couples get no reminders; reactivated ones get them back.
        const open: { id: string }[] = await manager.query(
          `SELECT r.id FROM homework_response r JOIN assignment a ON a.id = r.assignment_id
           WHERE a.couple_id = $1 AND a.cancelled_at IS NULL AND r.submitted_at IS NULL`,
          [couple.id],
        );
        await replanRemindersInTransaction(
          manager,
          user.clinicId,
          open.map((r) => r.id),
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'couple.update',
          outcome: 'success',
          recordType: 'couple',
          recordId: couple.id,
          details: { fields: [...Object.keys(changes), ...(dto.partners?.length ? ['partners'] : [])].join(',') },
        },
        manager,
      );
      return this.load(manager, user, couple.id);
    });
  }

  private async activeTherapist(manager: EntityManager, user: SessionUser, staffId: string): Promise<StaffUser> {
    const staff = await manager.findOneBy(StaffUser, { id: staffId, clinicId: user.clinicId, status: 'active' });
    if (!staff)
      throw validationProblem([{ field: 'therapistId', message: 'must be an active staff member of your clinic' }]);
    return staff;
  }

  private async load(manager: EntityManager, user: SessionUser, coupleId: string): Promise<CoupleView> {
    const view = await queryCoupleDetail(manager, user, coupleId);
    if (!view) throw coupleNotFound();
    return view;
  }
}
