import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseloadRow, CoupleView, ListResponse, SessionUser } from '@trellis/contracts';
import { Couple, StaffUser } from '@trellis/data';
import {
  advanceProgramInTransaction,
  planCheckInsInTransaction,
  planPreSessionDigestInTransaction,
  queueEmailsAndJobsInTransaction,
  replanRemindersInTransaction,
} from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { waitingHomeworkEmail } from '../assignments/homework-link-emails';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import { CaseloadQueryDto } from './caseload-query.dto';
import { CoupleSeriesStopRepository } from '../assignment-series/couple-series-stop.repository';
import { SessionScheduler } from '../sessions/session-scheduler';
import { CouplesRepository } from './couples.repository';
import { CreateCoupleDto, UpdateCoupleDto } from './couple.dto';
import { sendWaitingCheckIn } from '../check-ins/check-in-send';

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
    private readonly couples: CouplesRepository,
    private readonly audit: AuditService,
    private readonly scheduler: SessionScheduler,
    private readonly series: CoupleSeriesStopRepository,
  ) {}

  /** The caseload; a therapist asking for another's gets a 403, recorded as a denied read. */
  async caseload(actor: StaffActor, query: CaseloadQueryDto): Promise<ListResponse<CaseloadRow>> {
    const attempt = {
      action: 'couple.list',
      recordType: 'staff',
      recordId: query.therapistId ?? actor.staff.id,
      details: { therapistId: query.therapistId ?? null },
    } as const;
    return this.audit.read(actor, attempt, async () => {
      if (query.therapistId && actor.staff.role !== 'admin')
        throw new ForbiddenException('Only admins can view another therapist’s caseload.');
      const result = await this.couples.caseload(actor.staff, query);
      await this.audit.record(actor, {
        action: 'couple.list',
        outcome: 'success',
        recordType: 'couple',
        details: { rows: result.data.length },
      });
      return result;
    });
  }

  /** The couple if this person may see it, else 404. Lock it when about to change it. */
  async findVisible(manager: EntityManager, user: SessionUser, coupleId: string, lock = false): Promise<Couple> {
    const couple = await this.couples.findVisible(manager, user, coupleId, lock);
    if (!couple) throw coupleNotFound();
    return couple;
  }

  /** The same outside a transaction. */
  async findVisibleOrFail(user: SessionUser, coupleId: string): Promise<Couple> {
    const couple = await this.couples.findVisibleNow(user, coupleId);
    if (!couple) throw coupleNotFound();
    return couple;
  }

  /** The read and its audit row commit in one transaction; a couple not found (404) is recorded as denied. */
  async get(actor: StaffActor, coupleId: string): Promise<CoupleView> {
    return this.audit.read(actor, { action: 'couple.view', recordType: 'couple', recordId: coupleId }, () =>
      this.readCouple(actor, coupleId),
    );
  }

  private async readCouple(actor: StaffActor, coupleId: string): Promise<CoupleView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const found = await this.couples.detail(manager, actor.staff, coupleId);
      if (found)
        await this.audit.record(
          actor,
          { action: 'couple.view', outcome: 'success', recordType: 'couple', recordId: coupleId },
          manager,
        );
      return found;
    });
    if (!view) throw coupleNotFound();
    return view;
  }

  async create(actor: StaffActor, dto: CreateCoupleDto): Promise<CoupleView> {
    const user = actor.staff;
    if (dto.therapistId && dto.therapistId !== user.id && user.role !== 'admin') {
      throw new ForbiddenException('Only admins can create couples for another therapist.');
    }
    return this.dataSource.transaction(async (manager) => {
      const therapist = await this.activeTherapist(manager, user, dto.therapistId ?? user.id);
      const couple = await this.couples.insert(
        manager,
        {
          clinicId: user.clinicId,
          displayName: dto.displayName,
          therapistId: therapist.id,
          nextSessionAt: null,
        },
        dto.partners,
      );
      // The old field books the couple's first session (and so sets next_session_at, derived from it).
      if (dto.nextSessionAt) await this.scheduler.setNextSession(manager, couple, new Date(dto.nextSessionAt));
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
      if (dto.phase !== undefined) changes.phase = dto.phase;
      if (dto.therapistId !== undefined && dto.therapistId !== couple.therapistId) {
        if (user.role !== 'admin') throw new ForbiddenException('Only admins can reassign a couple.');
        changes.therapistId = (await this.activeTherapist(manager, user, dto.therapistId)).id;
      }
      const positions = new Set<number>();
      const consentGiven: (1 | 2)[] = [];
      for (const partner of dto.partners ?? []) {
        if (positions.has(partner.position))
          throw validationProblem([{ field: 'partners', message: 'lists the same partner twice' }]);
        positions.add(partner.position);
        const { position, ...fields } = partner;
        if (fields.emailConsent === true && !(await this.couples.hasEmailConsent(manager, couple.id, position)))
          consentGiven.push(position);
        if (Object.keys(fields).length) await this.couples.updatePartner(manager, couple.id, position, fields);
      }
      // Homework assigned while a partner had not agreed to email waited for them: send it now.
      let waitingEmails = 0;
      let waitingCheckIns = 0;
      for (const position of consentGiven) {
        const responseIds = await this.couples.homeworkAwaitingLinkEmail(manager, couple.id, position);
        await queueEmailsAndJobsInTransaction(manager, {
          emails: responseIds.map((id) => waitingHomeworkEmail(user.clinicId, id)),
        });
        waitingEmails += responseIds.length;
        // So did the open program step's check-in.
        for (const checkIn of await this.couples.programCheckInsAwaitingEmail(
          manager,
          user.clinicId,
          couple.id,
          position,
        )) {
          await sendWaitingCheckIn(manager, checkIn);
          waitingCheckIns += 1;
        }
      }
      await this.couples.update(manager, couple.id, changes);
      if (changes.therapistId !== undefined) {
        // The couple's future sessions go with it; its past ones stay with whoever held them.
        await this.scheduler.reassign(manager, couple.clinicId, couple.id, changes.therapistId);
      }
      // Kept for existing clients: next_session_at is derived from the schedule, so the old field
      // moves (or books, or with null cancels) the couple's next session instead of being written.
      if (dto.nextSessionAt !== undefined)
        await this.scheduler.setNextSession(
          manager,
          { id: couple.id, clinicId: couple.clinicId, therapistId: changes.therapistId ?? couple.therapistId },
          dto.nextSessionAt === null ? null : new Date(dto.nextSessionAt),
        );
      if (changes.status !== undefined || changes.therapistId !== undefined) {
        await planPreSessionDigestInTransaction(manager, user.clinicId, couple.id);
      }
      // A paused couple gets no check-ins (a moved session re-plans them in the scheduler).
      if (changes.status !== undefined) {
        await planCheckInsInTransaction(manager, user.clinicId, couple.id);
      }
      if (changes.status === 'active' && couple.status !== 'active') {
        // The open program step's check-ins that waited while the couple was paused go out now.
        for (const checkIn of await this.couples.programCheckInsAwaitingEmail(
          manager,
          user.clinicId,
          couple.id,
          null,
        )) {
          await sendWaitingCheckIn(manager, checkIn);
          waitingCheckIns += 1;
        }
      }
      if (changes.status && changes.status !== couple.status) {
        // Paused or discharged couples get no reminders; reactivated ones get them back.
        await replanRemindersInTransaction(
          manager,
          user.clinicId,
          await this.couples.openResponseIds(manager, couple.id),
        );
      }
      // Paused or discharged: repeating homework stops now (reactivating does not restart it: the
      // therapist starts a new series on purpose).
      let seriesStopped = 0;
      if ((changes.status === 'paused' || changes.status === 'discharged') && changes.status !== couple.status) {
        const reason = changes.status === 'paused' ? 'couple_paused' : 'couple_discharged';
        seriesStopped = (await this.series.stopActive(manager, couple.clinicId, couple.id, reason)).length;
      }
      // Reactivated: the program step that came due while paused opens now (the job decides).
      if (changes.status === 'active' && couple.status !== 'active') {
        await advanceProgramInTransaction(manager, user.clinicId, couple.id, `reactivated-${Date.now()}`);
      }
      await this.audit.record(
        actor,
        {
          action: 'couple.update',
          outcome: 'success',
          recordType: 'couple',
          recordId: couple.id,
          details: {
            fields: [
              ...Object.keys(changes),
              ...(dto.nextSessionAt !== undefined ? ['nextSessionAt'] : []),
              ...(dto.partners?.length ? ['partners'] : []),
            ].join(','),
            // Which partner fields changed (a role change decides what a partner sees), never their values.
            ...(dto.partners?.length
              ? {
                  partnerFields: [
                    ...new Set(dto.partners.flatMap(({ position: _p, ...fields }) => Object.keys(fields))),
                  ].join(','),
                }
              : {}),
            ...(waitingEmails ? { waitingHomeworkEmailed: waitingEmails } : {}),
            ...(waitingCheckIns ? { waitingCheckInsEmailed: waitingCheckIns } : {}),
            ...(seriesStopped ? { seriesStopped } : {}),
          },
        },
        manager,
      );
      return this.load(manager, user, couple.id);
    });
  }

  private async activeTherapist(manager: EntityManager, user: SessionUser, staffId: string): Promise<StaffUser> {
    const staff = await this.couples.findActiveStaff(manager, user.clinicId, staffId);
    if (!staff)
      throw validationProblem([{ field: 'therapistId', message: 'must be an active staff member of your clinic' }]);
    return staff;
  }

  private async load(manager: EntityManager, user: SessionUser, coupleId: string): Promise<CoupleView> {
    const view = await this.couples.detail(manager, user, coupleId);
    if (!view) throw coupleNotFound();
    return view;
  }
}
