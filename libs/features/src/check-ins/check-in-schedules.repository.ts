import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { lastSessionSql } from '../sessions/session-schedule.sql';
import type { StoredSchedule } from './check-in-plan';

export interface ScheduleRow extends StoredSchedule {
  id: string;
  clinicId: string;
  coupleId: string;
  measureId: string;
  measureTitle: string;
  shareWithPartner: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ScheduleFields extends StoredSchedule {
  shareWithPartner: boolean;
}

/** A partner as planning sees them, with the last occurrence sent to them on each schedule. */
export interface PlanningPartner {
  id: string;
  position: 1 | 2;
  timezone: string;
  /** schedule id → the last occurrence sent to this partner on it. */
  lastSent: Record<string, string>;
}

export interface CouplePlanning {
  status: string;
  nextSessionAt: Date | null;
  lastSessionAt: Date | null;
  partners: PlanningPartner[];
}

const SCHEDULE_COLUMNS = `s.id, s.clinic_id AS "clinicId", s.couple_id AS "coupleId", s.measure_id AS "measureId",
  m.title AS "measureTitle", s.kind, s.hours, s.weekday, s.local_time AS "localTime", s.once_at AS "onceAt",
  s.share_with_partner AS "shareWithPartner", s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

/** check_in_schedule: which measure goes to a couple when. Every statement is filtered by clinic. */
@Injectable()
export class CheckInSchedulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement whatever the number of schedules. */
  listForCouple(clinicId: string, coupleId: string, manager?: EntityManager): Promise<ScheduleRow[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT ${SCHEDULE_COLUMNS} FROM check_in_schedule s JOIN measure m ON m.id = s.measure_id
       WHERE s.clinic_id = $1 AND s.couple_id = $2 ORDER BY s.created_at, s.id`,
      [clinicId, coupleId],
    );
  }

  async find(manager: EntityManager, clinicId: string, coupleId: string, id: string): Promise<ScheduleRow | null> {
    const rows: ScheduleRow[] = await manager.query(
      `SELECT ${SCHEDULE_COLUMNS} FROM check_in_schedule s JOIN measure m ON m.id = s.measure_id
       WHERE s.clinic_id = $1 AND s.couple_id = $2 AND s.id = $3 FOR UPDATE OF s`,
      [clinicId, coupleId, id],
    );
    return rows[0] ?? null;
  }

  /** A measure this clinic may send: built-in or its own, not archived. */
  async isSendableMeasure(manager: EntityManager, clinicId: string, measureId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM measure m WHERE m.id = $2 AND (m.clinic_id IS NULL OR m.clinic_id = $1) AND m.archived_at IS NULL`,
      [clinicId, measureId],
    );
    return rows.length > 0;
  }

  /** Null when the couple already has a schedule for this measure. */
  async insert(
    manager: EntityManager,
    row: ScheduleFields & { clinicId: string; coupleId: string; measureId: string; createdBy: string },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO check_in_schedule (clinic_id, couple_id, measure_id, kind, hours, weekday, local_time, once_at,
         share_with_partner, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (couple_id, measure_id) DO NOTHING RETURNING id`,
      [
        row.clinicId,
        row.coupleId,
        row.measureId,
        row.kind,
        row.hours,
        row.weekday,
        row.localTime,
        row.onceAt,
        row.shareWithPartner,
        row.createdBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async update(manager: EntityManager, clinicId: string, id: string, fields: ScheduleFields): Promise<void> {
    await manager.query(
      `UPDATE check_in_schedule SET kind = $3, hours = $4, weekday = $5, local_time = $6, once_at = $7,
         share_with_partner = $8, updated_at = now()
       WHERE clinic_id = $1 AND id = $2`,
      [
        clinicId,
        id,
        fields.kind,
        fields.hours,
        fields.weekday,
        fields.localTime,
        fields.onceAt,
        fields.shareWithPartner,
      ],
    );
  }

  /** Its check-ins go with it: their links stop working, and scores already given stay. */
  async remove(manager: EntityManager, clinicId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM check_in_schedule WHERE clinic_id = $1 AND id = $2`, [clinicId, id]);
  }

  /**
   * The couple's status, next session and last session started, and each partner with the last
   * occurrence sent to them per schedule: one statement, however many schedules and check-ins.
   */
  async planning(clinicId: string, coupleId: string, manager?: EntityManager): Promise<CouplePlanning | null> {
    const rows: {
      status: string;
      nextSessionAt: Date | null;
      lastSessionAt: Date | null;
      partners: PlanningPartner[] | null;
    }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT c.status, c.next_session_at AS "nextSessionAt", ${lastSessionSql('c.id')} AS "lastSessionAt",
         (SELECT json_agg(json_build_object('id', p.id, 'position', p.position, 'timezone', p.timezone,
            'lastSent', (SELECT coalesce(json_object_agg(l.schedule_id, l.occurrence), '{}'::json) FROM (
               SELECT DISTINCT ON (k.schedule_id) k.schedule_id, k.occurrence FROM check_in k
               WHERE k.client_id = p.id AND k.schedule_id IS NOT NULL -- a program step's has none
               ORDER BY k.schedule_id, k.created_at DESC, k.id DESC) l))
            ORDER BY p.position)
          FROM client p WHERE p.couple_id = c.id AND p.clinic_id = c.clinic_id) AS partners
       FROM couple c WHERE c.clinic_id = $1 AND c.id = $2`,
      [clinicId, coupleId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      status: row.status,
      nextSessionAt: row.nextSessionAt,
      lastSessionAt: row.lastSessionAt,
      partners: row.partners ?? [],
    };
  }
}
