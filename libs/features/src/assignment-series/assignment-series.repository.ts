import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { AssignmentSeries, Clinic, Exercise, type SeriesStoppedReason } from '@trellis/data';
import type { CoupleStatus } from '@trellis/contracts';
import type { SeriesOccurrence, SeriesPosition } from '@trellis/domain';
import { openSafetyPauseSql } from '../safety/open-safety-pause.sql';

export type NewAssignmentSeries = Pick<
  AssignmentSeries,
  | 'clinicId'
  | 'coupleId'
  | 'exerciseId'
  | 'assignedBy'
  | 'rhythm'
  | 'weekdays'
  | 'dueTime'
  | 'timeZone'
  | 'startsOn'
  | 'endsOn'
  | 'count'
  | 'message'
  | 'shareAnswersAfterBoth'
>;

/** A locked series with what deciding its next occurrence needs to know about its couple. */
export interface SeriesToAdvance {
  series: AssignmentSeries;
  coupleStatus: CoupleStatus;
  /** A partner raised a safety concern and the therapist has not lifted the pause yet. */
  safetyPaused: boolean;
}

/** A series as the couple page lists it: its row with the exercise's title and its latest occurrence. */
export interface SeriesListRow {
  series: AssignmentSeries;
  exerciseTitle: string;
  lastAssignmentId: string | null;
  /** A paused or discharged couple's series issues nothing more (and stops when its job fires). */
  coupleStatus: CoupleStatus;
}

/** Recurring homework's SQL: the series rows and how far each has got. */
@Injectable()
export class AssignmentSeriesRepository {
  async insert(manager: EntityManager, series: NewAssignmentSeries): Promise<AssignmentSeries> {
    return manager.save(
      manager.create(AssignmentSeries, { ...series, status: 'active', revision: 1, lastOccurrence: 0 }),
    );
  }

  /** The clinic's time zone: a new series reads its wall-clock times in it. */
  async clinicTimeZone(manager: EntityManager, clinicId: string): Promise<string> {
    return (await manager.findOneByOrFail(Clinic, { id: clinicId })).timezone;
  }

  /**
   * The series' exercise, archived or not: archiving takes an exercise out of the library for new
   * homework, but a series already running keeps issuing what the therapist chose.
   */
  exerciseOf(manager: EntityManager, series: AssignmentSeries): Promise<Exercise | null> {
    return manager.findOne(Exercise, {
      where: [
        { id: series.exerciseId, clinicId: series.clinicId },
        { id: series.exerciseId, clinicId: IsNull() },
      ],
    });
  }

  /** One series of the clinic, locked for a change (two runs of one job wait for each other here). */
  lock(manager: EntityManager, clinicId: string, seriesId: string): Promise<AssignmentSeries | null> {
    return manager.findOne(AssignmentSeries, {
      where: { id: seriesId, clinicId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The series locked, with its couple's status and safety pause: everything a job re-checks. */
  async lockToAdvance(manager: EntityManager, clinicId: string, seriesId: string): Promise<SeriesToAdvance | null> {
    const series = await this.lock(manager, clinicId, seriesId);
    if (!series) return null;
    const [couple]: { status: CoupleStatus; paused: boolean }[] = await manager.query(
      `SELECT c.status,
              ${openSafetyPauseSql('c.id')} AS paused
       FROM couple c WHERE c.id = $1 AND c.clinic_id = $2`,
      [series.coupleId, clinicId],
    );
    return { series, coupleStatus: couple.status, safetyPaused: couple.paused };
  }

  /** Records how far the series has got: an occurrence issued or passed over. */
  async moveTo(manager: EntityManager, series: AssignmentSeries, position: SeriesOccurrence): Promise<void> {
    series.lastOccurrence = position.number;
    series.lastOccurrenceOn = position.date;
    series.lastDueAt = new Date(position.dueAtMs);
    await manager.update(
      AssignmentSeries,
      { id: series.id },
      { lastOccurrence: series.lastOccurrence, lastOccurrenceOn: series.lastOccurrenceOn, lastDueAt: series.lastDueAt },
    );
  }

  async end(manager: EntityManager, series: AssignmentSeries): Promise<void> {
    series.status = 'ended';
    await manager.update(AssignmentSeries, { id: series.id }, { status: 'ended' });
  }

  async stop(manager: EntityManager, series: AssignmentSeries, reason: SeriesStoppedReason): Promise<void> {
    series.status = 'stopped';
    series.stoppedReason = reason;
    series.stoppedAt = new Date();
    await manager.update(
      AssignmentSeries,
      { id: series.id },
      { status: 'stopped', stoppedReason: reason, stoppedAt: series.stoppedAt },
    );
  }

  /** Saves an edited rule under a new revision: jobs planned for the old one find themselves stale. */
  async saveRule(manager: EntityManager, series: AssignmentSeries): Promise<void> {
    series.revision += 1;
    await manager.update(
      AssignmentSeries,
      { id: series.id },
      {
        rhythm: series.rhythm,
        weekdays: series.weekdays,
        dueTime: series.dueTime,
        startsOn: series.startsOn,
        endsOn: series.endsOn,
        count: series.count,
        message: series.message,
        revision: series.revision,
      },
    );
  }

  /** A couple's series, newest first, with titles and latest occurrences: one statement. */
  async listForCouple(manager: EntityManager, clinicId: string, coupleId: string): Promise<SeriesListRow[]> {
    return this.rows(manager, `s.clinic_id = $1 AND s.couple_id = $2`, [clinicId, coupleId]);
  }

  async listRow(manager: EntityManager, clinicId: string, seriesId: string): Promise<SeriesListRow | null> {
    return (await this.rows(manager, `s.clinic_id = $1 AND s.id = $2`, [clinicId, seriesId]))[0] ?? null;
  }

  private async rows(manager: EntityManager, where: string, params: unknown[]): Promise<SeriesListRow[]> {
    const rows: (Record<string, unknown> & {
      exercise_title: string;
      last_assignment_id: string | null;
      couple_status: CoupleStatus;
    })[] = await manager.query(
      `SELECT s.id, s.clinic_id, s.couple_id, s.exercise_id, s.assigned_by, s.rhythm, s.weekdays, s.due_time,
                s.time_zone, s.starts_on::text AS starts_on, s.ends_on::text AS ends_on, s.occurrence_count,
                s.message, s.share_answers_after_both, s.status, s.stopped_reason, s.revision,
                s.last_occurrence, s.last_occurrence_on::text AS last_occurrence_on, s.last_due_at,
                s.stopped_at, s.created_at, s.updated_at,
                e.title AS exercise_title, c.status AS couple_status,
                (SELECT a.id FROM assignment a WHERE a.series_id = s.id
                 ORDER BY a.series_occurrence DESC LIMIT 1) AS last_assignment_id
         FROM assignment_series s JOIN exercise e ON e.id = s.exercise_id JOIN couple c ON c.id = s.couple_id
         WHERE ${where}
         ORDER BY s.created_at DESC, s.id`,
      params,
    );
    return rows.map((r) => ({
      series: Object.assign(new AssignmentSeries(), {
        id: r['id'],
        clinicId: r['clinic_id'],
        coupleId: r['couple_id'],
        exerciseId: r['exercise_id'],
        assignedBy: r['assigned_by'],
        rhythm: r['rhythm'],
        weekdays: (r['weekdays'] as number[]).map(Number),
        dueTime: r['due_time'],
        timeZone: r['time_zone'],
        startsOn: r['starts_on'],
        endsOn: r['ends_on'],
        count: r['occurrence_count'],
        message: r['message'],
        shareAnswersAfterBoth: r['share_answers_after_both'],
        status: r['status'],
        stoppedReason: r['stopped_reason'],
        revision: r['revision'],
        lastOccurrence: r['last_occurrence'],
        lastOccurrenceOn: r['last_occurrence_on'],
        lastDueAt: r['last_due_at'],
        stoppedAt: r['stopped_at'],
        createdAt: r['created_at'],
        updatedAt: r['updated_at'],
      }) as AssignmentSeries,
      exerciseTitle: r.exercise_title,
      lastAssignmentId: r.last_assignment_id,
      coupleStatus: r.couple_status,
    }));
  }
}

/** Where a series stands, as the rule counts from. */
export function positionOf(series: AssignmentSeries): SeriesPosition | null {
  return series.lastOccurrence === 0 || series.lastOccurrenceOn === null
    ? null
    : { number: series.lastOccurrence, date: series.lastOccurrenceOn };
}
