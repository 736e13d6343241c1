import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CheckInScheduleView, UpcomingCheckIn } from '@trellis/contracts';
import type { IsoWeekday } from '@trellis/domain';
import { planCheckInsInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CouplesService } from '../couples/couples.service';
import { validationProblem } from '../http/problem.exception';
import { planCheckInFor } from './check-in-plan';
import { CheckInScheduleChangeDto, CreateCheckInScheduleDto } from './check-in-schedule.dto';
import {
  CheckInSchedulesRepository,
  type CouplePlanning,
  type ScheduleFields,
  type ScheduleRow,
} from './check-in-schedules.repository';

const FIELDS_BY_KIND = {
  before_session: ['hours'],
  after_session: ['hours'],
  weekly: ['weekday', 'localTime'],
  once: ['onceAt'],
} as const;
const KIND_FIELDS = ['hours', 'weekday', 'localTime', 'onceAt'] as const;

/** The fields a kind needs are there and those of other kinds are not; a one-off is in the future. */
function scheduleFields(dto: CheckInScheduleChangeDto): ScheduleFields {
  const wanted: readonly string[] = FIELDS_BY_KIND[dto.kind];
  const problems: { field: string; message: string }[] = [];
  for (const field of KIND_FIELDS) {
    const given = dto[field] !== undefined;
    if (wanted.includes(field) && !given) problems.push({ field, message: `is required for ${dto.kind} schedules` });
    if (!wanted.includes(field) && given) problems.push({ field, message: `does not apply to ${dto.kind} schedules` });
  }
  if (dto.onceAt !== undefined && new Date(dto.onceAt).getTime() <= Date.now())
    problems.push({ field: 'onceAt', message: 'must be in the future' });
  if (problems.length) throw validationProblem(problems);
  return {
    kind: dto.kind,
    hours: dto.hours ?? null,
    weekday: dto.weekday ?? null,
    localTime: dto.localTime ?? null,
    onceAt: dto.onceAt === undefined ? null : new Date(dto.onceAt),
    shareWithPartner: dto.shareWithPartner ?? false,
  };
}

function upcoming(schedule: ScheduleRow, planning: CouplePlanning, now: Date): UpcomingCheckIn[] {
  return planning.partners.flatMap((partner) => {
    const plan = planCheckInFor(
      schedule,
      {
        coupleStatus: planning.status,
        nextSessionAt: planning.nextSessionAt === null ? null : new Date(planning.nextSessionAt),
        lastSessionAt: planning.lastSessionAt === null ? null : new Date(planning.lastSessionAt),
        timezone: partner.timezone,
        lastSentOccurrence: partner.lastSent[schedule.id] ?? null,
      },
      now,
    );
    return plan
      ? [
          {
            clientId: partner.id,
            position: partner.position,
            sendAt: plan.sendAt.toISOString(),
            occurrence: plan.occurrence,
          },
        ]
      : [];
  });
}

function toView(schedule: ScheduleRow, planning: CouplePlanning, now: Date): CheckInScheduleView {
  return {
    id: schedule.id,
    coupleId: schedule.coupleId,
    measureId: schedule.measureId,
    measureTitle: schedule.measureTitle,
    kind: schedule.kind,
    hours: schedule.hours,
    weekday: schedule.weekday as IsoWeekday | null,
    localTime: schedule.localTime,
    onceAt: schedule.onceAt ? new Date(schedule.onceAt).toISOString() : null,
    shareWithPartner: schedule.shareWithPartner,
    createdAt: new Date(schedule.createdAt).toISOString(),
    updatedAt: new Date(schedule.updatedAt).toISOString(),
    upcoming: upcoming(schedule, planning, now),
  };
}

/**
 * A couple's check-in schedules, set by their therapist (or an admin): which measure goes to both
 * partners when. Every change re-plans the couple's check-ins in the worker, in the same
 * transaction (through the outbox), and is audited.
 */
@Injectable()
export class CheckInSchedulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly couples: CouplesService,
    private readonly audit: AuditService,
    private readonly schedules: CheckInSchedulesRepository,
  ) {}

  /** Three statements however many schedules: the couple, the schedules, the partners' plans. */
  async list(actor: StaffActor, coupleId: string): Promise<CheckInScheduleView[]> {
    const { clinicId } = actor.staff;
    await this.audit.read(actor, { action: 'check_in_schedule.list', recordType: 'couple', recordId: coupleId }, () =>
      this.couples.findVisibleOrFail(actor.staff, coupleId),
    );
    const views = await this.views(clinicId, coupleId);
    await this.audit.record(actor, {
      action: 'check_in_schedule.list',
      outcome: 'success',
      recordType: 'couple',
      recordId: coupleId,
    });
    return views;
  }

  async create(actor: StaffActor, coupleId: string, dto: CreateCheckInScheduleDto): Promise<CheckInScheduleView> {
    const { clinicId } = actor.staff;
    const fields = scheduleFields(dto);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.couples.findVisible(manager, actor.staff, coupleId, true);
      if (!(await this.schedules.isSendableMeasure(manager, clinicId, dto.measureId)))
        throw validationProblem([{ field: 'measureId', message: 'must be a measure in your library' }]);
      const created = await this.schedules.insert(manager, {
        ...fields,
        clinicId,
        coupleId,
        measureId: dto.measureId,
        createdBy: actor.staff.id,
      });
      if (!created)
        throw new ConflictException('This couple already has a schedule for this measure: change that one.');
      await this.changed(manager, actor, coupleId, created, 'check_in_schedule.create');
      return created;
    });
    return this.one(clinicId, coupleId, id);
  }

  async update(
    actor: StaffActor,
    coupleId: string,
    scheduleId: string,
    dto: CheckInScheduleChangeDto,
  ): Promise<CheckInScheduleView> {
    const { clinicId } = actor.staff;
    const fields = scheduleFields(dto);
    await this.dataSource.transaction(async (manager) => {
      await this.findVisible(manager, actor, coupleId, scheduleId);
      await this.schedules.update(manager, clinicId, scheduleId, fields);
      await this.changed(manager, actor, coupleId, scheduleId, 'check_in_schedule.update');
    });
    return this.one(clinicId, coupleId, scheduleId);
  }

  /** Check-ins not yet sent are not sent; links already sent stop working. Scores given stay. */
  async remove(actor: StaffActor, coupleId: string, scheduleId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.findVisible(manager, actor, coupleId, scheduleId);
      await this.schedules.remove(manager, actor.staff.clinicId, scheduleId);
      await this.changed(manager, actor, coupleId, scheduleId, 'check_in_schedule.delete');
    });
  }

  private async findVisible(manager: EntityManager, actor: StaffActor, coupleId: string, scheduleId: string) {
    await this.couples.findVisible(manager, actor.staff, coupleId, true);
    const schedule = await this.schedules.find(manager, actor.staff.clinicId, coupleId, scheduleId);
    if (!schedule) throw new NotFoundException('No such check-in schedule.');
    return schedule;
  }

  private async changed(
    manager: EntityManager,
    actor: StaffActor,
    coupleId: string,
    scheduleId: string,
    action: 'check_in_schedule.create' | 'check_in_schedule.update' | 'check_in_schedule.delete',
  ): Promise<void> {
    await planCheckInsInTransaction(manager, actor.staff.clinicId, coupleId);
    await this.audit.record(
      actor,
      { action, outcome: 'success', recordType: 'check_in_schedule', recordId: scheduleId, details: { coupleId } },
      manager,
    );
  }

  private async views(clinicId: string, coupleId: string): Promise<CheckInScheduleView[]> {
    const [rows, planning] = await Promise.all([
      this.schedules.listForCouple(clinicId, coupleId),
      this.schedules.planning(clinicId, coupleId),
    ]);
    if (!planning) return [];
    const now = new Date();
    return rows.map((row) => toView(row, planning, now));
  }

  private async one(clinicId: string, coupleId: string, id: string): Promise<CheckInScheduleView> {
    const view = (await this.views(clinicId, coupleId)).find((v) => v.id === id);
    if (!view) throw new NotFoundException('No such check-in schedule.');
    return view;
  }
}
