import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Exercise } from '@trellis/data';
import type { CoupleSafety } from '@trellis/contracts';
import { SAFETY_CHECK_IN_KEY, type SafetyCheckInScreen, type SafetyPauseSource } from '@trellis/domain';

/** How many lifted pauses the couple page lists (the audit trail keeps them all). */
const LIFTED_SHOWN = 10;

export interface OpenPause {
  id: string;
  raisedAt: Date;
}

export interface NewSafetyFlag {
  clinicId: string;
  pauseId: string;
  clientId: string;
  responseId: string;
  source: SafetyPauseSource;
}

/** Who the alert goes to, read when it is sent. */
export interface SafetyAlertFacts {
  couple_id: string;
  lifted_at: Date | null;
  therapist_email: string;
  therapist_status: string;
  clinic_name: string;
}

interface CoupleSafetyRow {
  open_pause: { id: string; raised_at: string } | null;
  flags: {
    id: string;
    partner_name: string;
    source: SafetyPauseSource;
    assignment_id: string;
    title: string;
    at: string;
  }[];
  lifted: { id: string; raised_at: string; lifted_at: string; lifted_by_name: string; note: string }[];
}

const iso = (timestamp: string) => new Date(timestamp).toISOString();

/**
 * Safety pauses and the flags that open them: where the safety feature's SQL lives. Every
 * statement names the clinic; writes take the caller's transaction.
 */
@Injectable()
export class SafetyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The couple's open pause, opened now if there is none. The unique index on open pauses makes a
   * second flag (or both partners at once) join the first pause: `opened` is true exactly once.
   */
  async openOrJoin(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
  ): Promise<OpenPause & { opened: boolean }> {
    const inserted: { id: string; raised_at: Date }[] = await manager.query(
      `INSERT INTO safety_pause (clinic_id, couple_id) VALUES ($1, $2)
       ON CONFLICT (couple_id) WHERE lifted_at IS NULL DO NOTHING
       RETURNING id, raised_at`,
      [clinicId, coupleId],
    );
    if (inserted.length) return { id: inserted[0].id, raisedAt: inserted[0].raised_at, opened: true };
    const open = await this.openPause(manager, clinicId, coupleId);
    if (!open) throw new Error('A safety pause conflicted on insert but is not open');
    return { ...open, opened: false };
  }

  async openPause(db: EntityManager | DataSource, clinicId: string, coupleId: string): Promise<OpenPause | null> {
    const [row]: { id: string; raised_at: Date }[] = await db.query(
      `SELECT id, raised_at FROM safety_pause WHERE clinic_id = $1 AND couple_id = $2 AND lifted_at IS NULL`,
      [clinicId, coupleId],
    );
    return row ? { id: row.id, raisedAt: row.raised_at } : null;
  }

  /** The open pause, locked until the caller's transaction ends (lifting it). */
  async lockOpenPause(manager: EntityManager, clinicId: string, coupleId: string): Promise<OpenPause | null> {
    const [row]: { id: string; raised_at: Date }[] = await manager.query(
      `SELECT id, raised_at FROM safety_pause WHERE clinic_id = $1 AND couple_id = $2 AND lifted_at IS NULL FOR UPDATE`,
      [clinicId, coupleId],
    );
    return row ? { id: row.id, raisedAt: row.raised_at } : null;
  }

  /** Which of these couples have an open pause (one statement for any number). */
  async pausedAmong(manager: EntityManager, clinicId: string, coupleIds: readonly string[]): Promise<Set<string>> {
    const rows: { couple_id: string }[] = await manager.query(
      `SELECT couple_id FROM safety_pause WHERE clinic_id = $1 AND couple_id = ANY($2::uuid[]) AND lifted_at IS NULL`,
      [clinicId, coupleIds],
    );
    return new Set(rows.map((r) => r.couple_id));
  }

  /** This response's own "not safe" under the open pause, if it already said so. */
  async flagUnderPause(manager: EntityManager, pauseId: string, responseId: string): Promise<Date | null> {
    const [row]: { created_at: Date }[] = await manager.query(
      `SELECT created_at FROM safety_flag WHERE pause_id = $1 AND response_id = $2 ORDER BY created_at LIMIT 1`,
      [pauseId, responseId],
    );
    return row?.created_at ?? null;
  }

  async insertFlag(manager: EntityManager, flag: NewSafetyFlag): Promise<{ id: string; createdAt: Date }> {
    const [row]: { id: string; created_at: Date }[] = await manager.query(
      `INSERT INTO safety_flag (clinic_id, pause_id, client_id, response_id, source)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
      [flag.clinicId, flag.pauseId, flag.clientId, flag.responseId, flag.source],
    );
    return { id: row.id, createdAt: row.created_at };
  }

  /** When this partner said, from this homework page, that it does not feel safe (the latest time). */
  async partnerFlagAt(clinicId: string, responseId: string): Promise<Date | null> {
    const [row]: { at: Date | null }[] = await this.dataSource.query(
      `SELECT max(created_at) AS at FROM safety_flag
       WHERE clinic_id = $1 AND response_id = $2 AND source = 'partner_flag'`,
      [clinicId, responseId],
    );
    return row?.at ?? null;
  }

  async lift(manager: EntityManager, pauseId: string, staffId: string, note: string): Promise<void> {
    await manager.query(
      `UPDATE safety_pause SET lifted_at = now(), lifted_by = $2, lift_note = $3 WHERE id = $1 AND lifted_at IS NULL`,
      [pauseId, staffId, note],
    );
  }

  /**
   * The couple's joint-homework responses that may still want reminders (not submitted, homework
   * not cancelled): re-planned when a pause opens (their queued reminders go) and when it is lifted
   * (they come back). Planning re-checks every rule; this only keeps the re-plan small.
   */
  async openJointResponses(manager: EntityManager, clinicId: string, coupleId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT r.id FROM homework_response r JOIN assignment a ON a.id = r.assignment_id AND a.clinic_id = r.clinic_id
       WHERE a.clinic_id = $1 AND a.couple_id = $2 AND a.kind = 'homework'
         AND a.cancelled_at IS NULL AND a.reviewed_at IS NULL AND r.submitted_at IS NULL
       ORDER BY r.id`,
      [clinicId, coupleId],
    );
    return rows.map((r) => r.id);
  }

  /** The couple page's safety panel in one statement: the open pause with its flags, and the last lifted. */
  async coupleSafety(manager: EntityManager, clinicId: string, coupleId: string): Promise<CoupleSafety> {
    const [row]: CoupleSafetyRow[] = await manager.query(
      `WITH open_pause AS (
         SELECT id, raised_at FROM safety_pause WHERE clinic_id = $1 AND couple_id = $2 AND lifted_at IS NULL
       )
       SELECT
         (SELECT row_to_json(o) FROM open_pause o) AS open_pause,
         (SELECT coalesce(json_agg(x ORDER BY x.at, x.id), '[]') FROM (
            SELECT f.id, cl.name AS partner_name, f.source, a.id AS assignment_id, a.title, f.created_at AS at
            FROM safety_flag f
            JOIN open_pause o ON o.id = f.pause_id
            JOIN client cl ON cl.id = f.client_id
            JOIN homework_response r ON r.id = f.response_id
            JOIN assignment a ON a.id = r.assignment_id
            WHERE f.clinic_id = $1) x) AS flags,
         (SELECT coalesce(json_agg(x ORDER BY x.lifted_at DESC, x.id), '[]') FROM (
            SELECT p.id, p.raised_at, p.lifted_at, s.name AS lifted_by_name, p.lift_note AS note
            FROM safety_pause p JOIN staff_user s ON s.id = p.lifted_by
            WHERE p.clinic_id = $1 AND p.couple_id = $2 AND p.lifted_at IS NOT NULL
            ORDER BY p.lifted_at DESC, p.id LIMIT ${LIFTED_SHOWN}) x) AS lifted`,
      [clinicId, coupleId],
    );
    return {
      openPause: row.open_pause
        ? {
            id: row.open_pause.id,
            raisedAt: iso(row.open_pause.raised_at),
            flags: row.flags.map((f) => ({
              id: f.id,
              partnerName: f.partner_name,
              source: f.source,
              assignmentId: f.assignment_id,
              homeworkTitle: f.title,
              at: iso(f.at),
            })),
          }
        : null,
      lifted: row.lifted.map((p) => ({
        id: p.id,
        raisedAt: iso(p.raised_at),
        liftedAt: iso(p.lifted_at),
        liftedByName: p.lifted_by_name,
        note: p.note,
      })),
    };
  }

  /** The therapist the alert for this pause goes to, as things stand when it is sent. */
  async alertFacts(manager: EntityManager, pauseId: string, clinicId: string | null): Promise<SafetyAlertFacts | null> {
    const [row]: SafetyAlertFacts[] = await manager.query(
      `SELECT p.couple_id, p.lifted_at, s.email AS therapist_email, s.status AS therapist_status, k.name AS clinic_name
       FROM safety_pause p
       JOIN couple c ON c.id = p.couple_id AND c.clinic_id = p.clinic_id
       JOIN staff_user s ON s.id = c.therapist_id
       JOIN clinic k ON k.id = p.clinic_id
       WHERE p.id = $1 AND p.clinic_id = $2`,
      [pauseId, clinicId],
    );
    return row ?? null;
  }
}

/** A couple the check-in sweep looks at: active, in a clinic that sends check-ins. */
export interface CheckInCandidate {
  coupleId: string;
  clinicId: string;
  therapistId: string;
  intervalDays: number;
  lastSentAt: Date | null;
  /** The screen the clinic sends: the built-in check-in or its own. */
  screen: SafetyCheckInScreen;
}

interface CandidateRow {
  couple_id: string;
  clinic_id: string;
  therapist_id: string;
  interval_days: number;
  last_sent_at: Date | null;
  screen: SafetyCheckInScreen;
}

const CANDIDATES_SQL = `
  SELECT c.id AS couple_id, c.clinic_id, c.therapist_id, k.safety_check_in_interval_days AS interval_days,
         k.safety_check_in_screen AS screen,
         (SELECT max(a.created_at) FROM assignment a
          WHERE a.couple_id = c.id AND a.kind = 'safety_check_in') AS last_sent_at
  FROM couple c JOIN clinic k ON k.id = c.clinic_id
  WHERE k.safety_check_in_interval_days IS NOT NULL AND c.status = 'active'`;

const toCandidate = (r: CandidateRow): CheckInCandidate => ({
  coupleId: r.couple_id,
  clinicId: r.clinic_id,
  therapistId: r.therapist_id,
  intervalDays: r.interval_days,
  lastSentAt: r.last_sent_at,
  screen: r.screen,
});

/** The check-in sweep's SQL (the safety feature owns the check-in; the assignment rows are the assignments feature's). */
@Injectable()
export class SafetyCheckInsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every couple that might be due, one statement; whether it is due is the domain's rule. */
  async candidates(): Promise<CheckInCandidate[]> {
    const rows: CandidateRow[] = await this.dataSource.query(CANDIDATES_SQL);
    return rows.map(toCandidate);
  }

  /** The same couple re-read under its row lock, so two sweeps never send one check-in twice. */
  async lockCandidate(manager: EntityManager, coupleId: string): Promise<CheckInCandidate | null> {
    await manager.query(`SELECT id FROM couple WHERE id = $1 FOR UPDATE`, [coupleId]);
    const [row]: CandidateRow[] = await manager.query(`${CANDIDATES_SQL} AND c.id = $1`, [coupleId]);
    return row ? toCandidate(row) : null;
  }

  /**
   * What the clinic's check-ins send: its own screen when it chose it (and has one), otherwise the
   * built-in check-in's library row (synced from the domain at start-up).
   */
  async checkInExercise(
    manager: EntityManager,
    clinicId: string,
    screen: SafetyCheckInScreen,
  ): Promise<Exercise | null> {
    const own =
      screen === 'clinic'
        ? await manager.findOneBy(Exercise, { clinicId, kind: 'safety_check_in', archivedAt: IsNull() })
        : null;
    return (
      own ?? manager.findOneBy(Exercise, { key: SAFETY_CHECK_IN_KEY, clinicId: IsNull(), kind: 'safety_check_in' })
    );
  }
}
