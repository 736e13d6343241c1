import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AssignmentSeriesView, AuditAction, ListResponse } from '@trellis/contracts';
import type { AssignmentSeries } from '@trellis/data';
import { nextSeriesOccurrence, seriesRuleProblems, type SeriesRule } from '@trellis/domain';
import type { StaffActor } from '../actor/actor';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { AuditService } from '../audit/audit.service';
import { CouplesRepository } from '../couples/couples.repository';
import { CouplesService } from '../couples/couples.service';
import { validationProblem } from '../http/problem.exception';
import { SafetyService } from '../safety/safety.service';
import { CreateAssignmentSeriesDto, UpdateAssignmentSeriesDto } from './assignment-series.dto';
import { AssignmentSeriesRepository, positionOf, type SeriesListRow } from './assignment-series.repository';
import { ruleOf, SERIES_MIN_NOTICE_MS, SeriesAdvancer } from './series-advancer';

const seriesNotFound = () => new NotFoundException('No such series.');

function checkedRule(rule: SeriesRule): SeriesRule {
  const problems = seriesRuleProblems(rule);
  if (problems.length) throw validationProblem(problems);
  return rule;
}

/** Days are chosen only for a weekdays rhythm: on another, a list (even an empty one) is a mistake. */
function refuseStrayWeekdays(weekdays: number[] | undefined, rhythm: string): void {
  if (weekdays !== undefined && rhythm !== 'weekdays')
    throw validationProblem([{ field: 'weekdays', message: "goes only with rhythm 'weekdays'" }]);
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw validationProblem([{ field, message: 'is required' }]);
  return value;
}

function toView({ series, exerciseTitle, lastAssignmentId, coupleStatus }: SeriesListRow): AssignmentSeriesView {
  const next =
    series.status === 'active' && coupleStatus === 'active'
      ? nextSeriesOccurrence(ruleOf(series), series.timeZone, positionOf(series))
      : null;
  return {
    id: series.id,
    coupleId: series.coupleId,
    exerciseId: series.exerciseId,
    exerciseTitle,
    rhythm: series.rhythm,
    weekdays: series.rhythm === 'weekdays' ? series.weekdays : [],
    dueTime: series.dueTime,
    timeZone: series.timeZone,
    startsOn: series.startsOn,
    endsOn: series.endsOn,
    count: series.count,
    message: series.message,
    shareAnswersAfterBoth: series.shareAnswersAfterBoth,
    status: series.status,
    stoppedReason: series.stoppedReason,
    occurrencesSoFar: series.lastOccurrence,
    lastAssignmentId,
    nextDueAt: next ? new Date(next.dueAtMs).toISOString() : null,
    createdAt: series.createdAt.toISOString(),
  };
}

/**
 * Recurring homework as therapists manage it: a series per couple and exercise whose occurrences
 * are each ordinary homework. Whoever sees the couple (its therapist, an admin of the clinic)
 * sees and changes its series; anything else is a 404. Every read and write is audited, ids only.
 */
@Injectable()
export class AssignmentSeriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seriesRows: AssignmentSeriesRepository,
    private readonly advancer: SeriesAdvancer,
    private readonly assignments: AssignmentsRepository,
    private readonly couples: CouplesService,
    private readonly coupleRows: CouplesRepository,
    private readonly safety: SafetyService,
    private readonly audit: AuditService,
  ) {}

  /** Makes the series and issues its first occurrence now (due on its first date), all or nothing. */
  async create(actor: StaffActor, dto: CreateAssignmentSeriesDto): Promise<AssignmentSeriesView> {
    const user = actor.staff;
    refuseStrayWeekdays(dto.weekdays, required(dto.rhythm, 'rhythm'));
    const rule = checkedRule({
      rhythm: required(dto.rhythm, 'rhythm'),
      weekdays: dto.weekdays ?? [],
      dueTime: required(dto.dueTime, 'dueTime'),
      startsOn: required(dto.startsOn, 'startsOn'),
      endsOn: dto.endsOn ?? null,
      count: dto.count ?? null,
    });
    const attempt = { action: 'assignment_series.create', recordType: 'couple', recordId: dto.coupleId } as const;
    const id = await this.audit.read(actor, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        const couple = await this.couples.findVisible(manager, user, dto.coupleId, true);
        const exercise = await this.assignments.findAssignableExercise(manager, user.clinicId, dto.exerciseId);
        if (!exercise)
          throw validationProblem([{ field: 'exerciseId', message: 'must be an exercise in your library' }]);
        if (couple.status !== 'active')
          throw new ConflictException(
            `${couple.displayName} is ${couple.status}: reactivate the couple to assign homework.`,
          );
        await this.safety.refuseJointWorkWhilePaused(manager, actor, [couple]);
        const now = new Date();
        const timeZone = await this.seriesRows.clinicTimeZone(manager, user.clinicId);
        const first = nextSeriesOccurrence(rule, timeZone, null);
        if (!first || first.dueAtMs < now.getTime() + SERIES_MIN_NOTICE_MS)
          throw validationProblem([
            { field: 'startsOn', message: 'the first occurrence must fall due at least an hour from now' },
          ]);
        const series = await this.seriesRows.insert(manager, {
          clinicId: user.clinicId,
          coupleId: couple.id,
          exerciseId: exercise.id,
          assignedBy: user.id,
          ...rule,
          weekdays: [...rule.weekdays],
          timeZone,
          message: dto.message ?? '',
          shareAnswersAfterBoth: dto.shareAnswersAfterBoth ?? false,
        });
        await this.record(actor, 'assignment_series.create', series.id, manager, { coupleId: couple.id });
        const issued = await this.advancer.advance(
          manager,
          { series, coupleStatus: couple.status, safetyPaused: false },
          null,
          actor,
          now,
        );
        if (!issued) throw new Error(`series ${series.id} issued no first occurrence`);
        await this.coupleRows.touch(manager, [couple.id]);
        return series.id;
      }),
    );
    return this.view(user.clinicId, id);
  }

  async listForCouple(actor: StaffActor, coupleId: string): Promise<ListResponse<AssignmentSeriesView>> {
    const attempt = { action: 'assignment_series.list', recordType: 'couple', recordId: coupleId } as const;
    return this.audit.read(actor, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        await this.couples.findVisible(manager, actor.staff, coupleId);
        const data = (await this.seriesRows.listForCouple(manager, actor.staff.clinicId, coupleId)).map(toView);
        await this.record(actor, 'assignment_series.list', coupleId, manager, { rows: data.length }, 'couple');
        return { data, total: data.length };
      }),
    );
  }

  /**
   * A new rule, time, note or end from the next occurrence on: occurrences already issued keep
   * theirs. The job planned for the old rule goes stale; one for the new rule replaces it.
   */
  async update(actor: StaffActor, seriesId: string, dto: UpdateAssignmentSeriesDto): Promise<AssignmentSeriesView> {
    if (dto.endsOn !== undefined && dto.count !== undefined)
      throw validationProblem([{ field: 'endsOn', message: 'give exactly one of endsOn or count' }]);
    const fields = Object.keys(dto).filter((k) => dto[k as keyof UpdateAssignmentSeriesDto] !== undefined);
    if (fields.length === 0)
      throw validationProblem([
        { field: 'rhythm', message: 'say what changes: rhythm, weekdays, dueTime, startsOn, endsOn, count or message' },
      ]);
    const attempt = {
      action: 'assignment_series.update',
      recordType: 'assignment_series',
      recordId: seriesId,
    } as const;
    await this.audit.read(actor, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        const series = await this.visible(manager, actor, seriesId);
        if (series.status !== 'active') throw new ConflictException(`This series has ${series.status}.`);
        refuseStrayWeekdays(dto.weekdays, dto.rhythm ?? series.rhythm);
        const rule = checkedRule({
          rhythm: dto.rhythm ?? series.rhythm,
          weekdays: dto.weekdays ?? (dto.rhythm && dto.rhythm !== 'weekdays' ? [] : series.weekdays),
          dueTime: dto.dueTime ?? series.dueTime,
          startsOn: dto.startsOn ?? series.startsOn,
          endsOn: dto.count !== undefined ? null : (dto.endsOn ?? series.endsOn),
          count: dto.endsOn !== undefined ? null : (dto.count ?? series.count),
        });
        if (rule.count !== null && rule.count < series.lastOccurrence)
          throw validationProblem([
            { field: 'count', message: `must be at least the ${series.lastOccurrence} occurrences already issued` },
          ]);
        Object.assign(series, { ...rule, weekdays: [...rule.weekdays], message: dto.message ?? series.message });
        await this.seriesRows.saveRule(manager, series);
        await this.advancer.planNext(manager, series, new Date());
        await this.record(actor, 'assignment_series.update', series.id, manager, { fields: fields.join(',') });
      }),
    );
    return this.view(actor.staff.clinicId, seriesId);
  }

  /** No more occurrences; those already issued stay (each can be cancelled on its own). */
  async stop(actor: StaffActor, seriesId: string): Promise<AssignmentSeriesView> {
    const attempt = { action: 'assignment_series.stop', recordType: 'assignment_series', recordId: seriesId } as const;
    await this.audit.read(actor, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        const series = await this.visible(manager, actor, seriesId);
        if (series.status === 'active') await this.seriesRows.stop(manager, series, 'therapist');
        await this.record(actor, 'assignment_series.stop', series.id, manager);
      }),
    );
    return this.view(actor.staff.clinicId, seriesId);
  }

  /** The series, locked, if the actor sees its couple; a 404 otherwise. */
  private async visible(manager: EntityManager, actor: StaffActor, seriesId: string): Promise<AssignmentSeries> {
    const series = await this.seriesRows.lock(manager, actor.staff.clinicId, seriesId);
    if (!series) throw seriesNotFound();
    await this.couples.findVisible(manager, actor.staff, series.coupleId).catch((error: unknown) => {
      throw error instanceof NotFoundException ? seriesNotFound() : error;
    });
    return series;
  }

  private async view(clinicId: string, seriesId: string): Promise<AssignmentSeriesView> {
    const row = await this.seriesRows.listRow(this.dataSource.manager, clinicId, seriesId);
    if (!row) throw seriesNotFound();
    return toView(row);
  }

  private record(
    actor: StaffActor,
    action: AuditAction,
    recordId: string,
    manager: EntityManager,
    details: Record<string, string | number | boolean | null> = {},
    recordType = 'assignment_series',
  ): Promise<void> {
    return this.audit.record(actor, { action, outcome: 'success', recordType, recordId, details }, manager);
  }
}
