import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Assignment, AssignmentSeries } from '@trellis/data';
import { nextSeriesOccurrence, seriesIssueAtMs, type SeriesOccurrence, type SeriesRule } from '@trellis/domain';
import { enqueueInTransaction, JobName } from '@trellis/jobs';
import type { Actor } from '../actor/actor';
import { AssignmentIssuer } from '../assignments/assignment-issuer';
import { AuditService } from '../audit/audit.service';
import { AssignmentSeriesRepository, positionOf, type SeriesToAdvance } from './assignment-series.repository';

/**
 * An occurrence whose due date is closer than this when it would be issued is passed over: the
 * couple would get homework due almost at once (the worker was down, or the couple was paused).
 */
export const SERIES_MIN_NOTICE_MS = 3600 * 1000;

/** The job that issues occurrence `occurrence` of revision `revision`: the same work, the same id. */
export function seriesJobId(seriesId: string, occurrence: number, revision: number): string {
  return `series-${seriesId}-${occurrence}-r${revision}`;
}

export function ruleOf(series: AssignmentSeries): SeriesRule {
  return {
    rhythm: series.rhythm,
    weekdays: series.weekdays,
    dueTime: series.dueTime,
    startsOn: series.startsOn,
    endsOn: series.endsOn,
    count: series.count,
  };
}

/** What a job expects to do: a run whose occurrence or revision is no longer current does nothing. */
export interface PlannedOccurrence {
  occurrence: number;
  revision: number;
}

/**
 * Moves a series on by one occurrence, in the caller's transaction with the series row locked:
 * re-checks the series and the couple, issues the occurrence through the shared AssignmentIssuer
 * (its own assignment, links and reminders) and plans the job for the next one. Used when a
 * series is made (its first occurrence) and by that job (every later one).
 */
@Injectable()
export class SeriesAdvancer {
  constructor(
    private readonly seriesRows: AssignmentSeriesRepository,
    private readonly issuer: AssignmentIssuer,
    private readonly audit: AuditService,
  ) {}

  /** The assignment issued, or null when nothing was (stale job, stopped, paused, ended). */
  async advance(
    manager: EntityManager,
    { series, coupleStatus, safetyPaused }: SeriesToAdvance,
    planned: PlannedOccurrence | null,
    actor: Actor,
    now: Date,
  ): Promise<Assignment | null> {
    if (series.status !== 'active') return null;
    // Stale: an edit planned another job, or this one already ran (a retry, a duplicate).
    if (planned && (planned.revision !== series.revision || planned.occurrence !== series.lastOccurrence + 1))
      return null;
    if (coupleStatus !== 'active') {
      await this.seriesRows.stop(
        manager,
        series,
        coupleStatus === 'discharged' ? 'couple_discharged' : 'couple_paused',
      );
      return null;
    }
    const next = await this.nextWithNotice(manager, series, now);
    if (!next) {
      await this.seriesRows.end(manager, series);
      return null;
    }
    if (safetyPaused) {
      // Joint work waits for the therapist: this occurrence is passed over, the series goes on.
      await this.seriesRows.moveTo(manager, series, next);
      await this.planNext(manager, series, now);
      return null;
    }
    const exercise = await this.seriesRows.exerciseOf(manager, series);
    if (!exercise) throw new Error(`exercise ${series.exerciseId} of series ${series.id} is gone`);
    const [assignment] = await this.issuer.issue(manager, {
      clinicId: series.clinicId,
      exercise,
      coupleIds: [series.coupleId],
      dueAt: new Date(next.dueAtMs),
      message: series.message,
      shareAnswersAfterBoth: series.shareAnswersAfterBoth,
      assignedBy: series.assignedBy,
      extra: { seriesId: series.id, seriesOccurrence: next.number },
    });
    await this.seriesRows.moveTo(manager, series, next);
    await this.audit.record(
      actor,
      {
        action: 'assignment.create',
        outcome: 'success',
        recordType: 'assignment',
        recordId: assignment.id,
        details: {
          coupleId: series.coupleId,
          exerciseId: series.exerciseId,
          seriesId: series.id,
          occurrence: next.number,
        },
        // A job has no person behind it: the row belongs to the series' clinic.
        ...(actor.kind === 'anonymous'
          ? { attributedTo: { clinicId: series.clinicId, actorId: null, actorType: 'system' as const } }
          : {}),
      },
      manager,
    );
    await this.planNext(manager, series, now);
    return assignment;
  }

  /**
   * Plans the job for the occurrence after the last one, to run when that one falls due (the
   * first still-open occurrence); or ends the series when the rule has no more.
   */
  async planNext(manager: EntityManager, series: AssignmentSeries, now: Date): Promise<void> {
    if (!nextSeriesOccurrence(ruleOf(series), series.timeZone, positionOf(series))) {
      await this.seriesRows.end(manager, series);
      return;
    }
    const occurrence = series.lastOccurrence + 1;
    await enqueueInTransaction(manager, {
      name: JobName.IssueSeriesOccurrence,
      data: { seriesId: series.id, clinicId: series.clinicId, occurrence, revision: series.revision },
      jobId: seriesJobId(series.id, occurrence, series.revision),
      runAt: new Date(seriesIssueAtMs(series.lastDueAt?.getTime() ?? null, now.getTime())),
    });
  }

  /** The next occurrence of the rule, passing over (and counting) any due too soon to be fair. */
  private async nextWithNotice(
    manager: EntityManager,
    series: AssignmentSeries,
    now: Date,
  ): Promise<SeriesOccurrence | null> {
    const rule = ruleOf(series);
    let next = nextSeriesOccurrence(rule, series.timeZone, positionOf(series));
    while (next && next.dueAtMs < now.getTime() + SERIES_MIN_NOTICE_MS) {
      await this.seriesRows.moveTo(manager, series, next);
      next = nextSeriesOccurrence(rule, series.timeZone, next);
    }
    return next;
  }
}
