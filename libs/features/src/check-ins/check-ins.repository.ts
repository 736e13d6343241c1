import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MeasureDefinition } from '@trellis/domain';
import { partnerFlaggedUnderOpenPauseSql } from '../safety/open-safety-pause.sql';
import { lastSessionSql } from '../sessions/session-schedule.sql';
import { PROGRAM_CHECK_IN_HELD_SQL } from './program-check-in-held.sql';
import type { StoredSchedule } from './check-in-plan';

/** What re-checking a check-in when its job fires needs, read under the schedule's lock. */
export interface SendFacts extends StoredSchedule {
  scheduleId: string;
  clinicId: string;
  coupleId: string;
  measureId: string;
  measureVersionId: string;
  coupleStatus: string;
  nextSessionAt: Date | null;
  lastSessionAt: Date | null;
  timezone: string;
  lastSentOccurrence: string | null;
}

/** What the check-in email needs: names and an address, never the measure or any answer. */
export interface CheckInEmailFacts {
  checkInId: string;
  clientName: string;
  clientEmail: string;
  emailConsent: boolean;
  coupleStatus: string;
  clinicName: string;
  therapistName: string;
  neutralPartnerEmails: boolean;
  submittedAt: Date | null;
  /** Null until the first email minted the link. */
  linkExpiresAt: Date | null;
  /** A program step's check-in to a partner who raised the open safety pause (PROGRAM_CHECK_IN_HELD_SQL). */
  heldBySafetyPause: boolean;
}

/** A check-in behind an active link: the partner, the measure version asked, the sharing choice. */
export interface OpenCheckIn {
  id: string;
  clinicId: string;
  coupleId: string;
  clientId: string;
  clientName: string;
  clinicName: string;
  occurrence: string;
  measureId: string;
  measureVersionId: string;
  title: string;
  definition: MeasureDefinition;
  shareWithPartner: boolean;
  /** The program step that sent it (null for a schedule's): answering it may open the next step. */
  programStepId: string | null;
}

/** What sending a program step's check-in to one partner re-checks when its job fires. */
export interface ProgramStepSendFacts {
  clinicId: string;
  coupleId: string;
  measureId: string;
  measureVersionId: string;
  timezone: string;
  /** Not active (paused, discharged): the row is made, the email waits for the couple to be active again. */
  coupleStatus: string;
  /** The partner raised the couple's open safety pause: their email waits (PROGRAM_CHECK_IN_HELD_SQL). */
  heldBySafetyPause: boolean;
}

export interface TrendRow {
  clientId: string;
  occurrence: string;
  submittedAt: Date;
  score: number | null;
}

/**
 * check_in: each check-in sent to one partner, and its personal link (only the hash). Rows are
 * created by the worker (once per schedule, partner and occurrence), the link by the email
 * composer at send time, and closed by the partner's submit.
 */
@Injectable()
export class CheckInsRepository {
  /**
   * The schedule (locked), its couple with its next and last sessions, the partner and the last
   * occurrence sent to them on it.
   */
  async lockForSend(
    manager: EntityManager,
    clinicId: string,
    scheduleId: string,
    clientId: string,
  ): Promise<SendFacts | null> {
    const rows: SendFacts[] = await manager.query(
      `SELECT s.id AS "scheduleId", s.clinic_id AS "clinicId", s.couple_id AS "coupleId", s.measure_id AS "measureId",
              v.id AS "measureVersionId", s.kind, s.hours, s.weekday, s.local_time AS "localTime", s.once_at AS "onceAt",
              c.status AS "coupleStatus", c.next_session_at AS "nextSessionAt",
              ${lastSessionSql('c.id')} AS "lastSessionAt", p.timezone,
              (SELECT k.occurrence FROM check_in k WHERE k.schedule_id = s.id AND k.client_id = p.id
               ORDER BY k.created_at DESC, k.id DESC LIMIT 1) AS "lastSentOccurrence"
       FROM check_in_schedule s
       JOIN couple c ON c.id = s.couple_id AND c.clinic_id = s.clinic_id
       JOIN client p ON p.couple_id = c.id AND p.clinic_id = c.clinic_id AND p.id = $3
       JOIN measure m ON m.id = s.measure_id AND m.archived_at IS NULL
       JOIN measure_version v ON v.measure_id = m.id AND v.version = m.current_version
       WHERE s.clinic_id = $1 AND s.id = $2
       FOR UPDATE OF s`,
      [clinicId, scheduleId, clientId],
    );
    return rows[0] ?? null;
  }

  /**
   * A program's check-in step, locked, while it is still open, its path active, the partner on the
   * couple and its measure not archived; null otherwise (skipped, path paused, finished meanwhile).
   * The couple may be paused: its check-in is made and waits (`coupleStatus`).
   */
  async lockProgramStepForSend(
    manager: EntityManager,
    clinicId: string,
    stepId: string,
    clientId: string,
  ): Promise<ProgramStepSendFacts | null> {
    const rows: ProgramStepSendFacts[] = await manager.query(
      `SELECT s.clinic_id AS "clinicId", e.couple_id AS "coupleId", m.id AS "measureId", v.id AS "measureVersionId",
              p.timezone, c.status AS "coupleStatus",
              ${partnerFlaggedUnderOpenPauseSql('c.id', 'p.id')} AS "heldBySafetyPause"
       FROM couple_program_step s
       JOIN couple_program e ON e.id = s.couple_program_id AND e.status = 'active'
       JOIN couple c ON c.id = e.couple_id AND c.clinic_id = s.clinic_id
       JOIN client p ON p.couple_id = c.id AND p.clinic_id = c.clinic_id AND p.id = $3
       JOIN measure m ON m.id = s.measure_id AND m.archived_at IS NULL
       JOIN measure_version v ON v.measure_id = m.id AND v.version = m.current_version
       WHERE s.clinic_id = $1 AND s.id = $2 AND s.kind = 'check_in' AND s.status = 'open'
       FOR UPDATE OF s`,
      [clinicId, stepId, clientId],
    );
    return rows[0] ?? null;
  }

  /** Null when the step's check-in to this partner was already created (the job ran twice). */
  async insertProgramStepOnce(
    manager: EntityManager,
    row: { facts: ProgramStepSendFacts; stepId: string; clientId: string; occurrence: string },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO check_in (clinic_id, couple_id, client_id, program_step_id, measure_version_id, occurrence)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (program_step_id, client_id) WHERE program_step_id IS NOT NULL DO NOTHING RETURNING id`,
      [row.facts.clinicId, row.facts.coupleId, row.clientId, row.stepId, row.facts.measureVersionId, row.occurrence],
    );
    return rows[0]?.id ?? null;
  }

  /** Whether the partner already answered this occurrence of the measure (a schedule made again). */
  async answered(manager: EntityManager, clientId: string, measureId: string, occurrence: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM measure_response WHERE client_id = $1 AND measure_id = $2 AND occurrence = $3`,
      [clientId, measureId, occurrence],
    );
    return rows.length > 0;
  }

  /** Null when this check-in was already created (the job ran twice): nothing more to do. */
  async insertOnce(
    manager: EntityManager,
    row: { facts: SendFacts; clientId: string; occurrence: string },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO check_in (clinic_id, couple_id, client_id, schedule_id, measure_version_id, occurrence)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (schedule_id, client_id, occurrence) DO NOTHING RETURNING id`,
      [
        row.facts.clinicId,
        row.facts.coupleId,
        row.clientId,
        row.facts.scheduleId,
        row.facts.measureVersionId,
        row.occurrence,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Locked for the send, so a submission committed meanwhile is seen. */
  async lockEmailFacts(
    manager: EntityManager,
    checkInId: string,
    clinicId: string | null,
  ): Promise<CheckInEmailFacts | null> {
    const rows: CheckInEmailFacts[] = await manager.query(
      `SELECT k.id AS "checkInId", p.name AS "clientName", p.email AS "clientEmail", p.email_consent AS "emailConsent",
              c.status AS "coupleStatus", cl.name AS "clinicName", t.name AS "therapistName",
              cl.neutral_partner_emails AS "neutralPartnerEmails", k.submitted_at AS "submittedAt",
              k.link_expires_at AS "linkExpiresAt", ${PROGRAM_CHECK_IN_HELD_SQL} AS "heldBySafetyPause"
       FROM check_in k
       JOIN client p ON p.id = k.client_id
       JOIN couple c ON c.id = k.couple_id
       JOIN clinic cl ON cl.id = k.clinic_id
       JOIN staff_user t ON t.id = c.therapist_id
       WHERE k.id = $1 AND k.clinic_id = $2
       FOR UPDATE OF k`,
      [checkInId, clinicId],
    );
    return rows[0] ?? null;
  }

  /** The partner's link (its hash), replacing any earlier one for this check-in; it works until expiresAt. */
  /**
   * The ledger key of the check-in's latest email (not a reminder), or null: the send a reminder
   * must follow to go. The clinic narrows the ledger to its index.
   */
  async latestCheckInEmailKey(manager: EntityManager, clinicId: string, checkInId: string): Promise<string | null> {
    const [row]: { key: string }[] = await manager.query(
      `SELECT idempotency_key AS key FROM email_delivery
       WHERE clinic_id = $1 AND template = 'check-in' AND subject_ids->>'checkInId' = $2 AND NOT subject_ids ? 'kind'
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [clinicId, checkInId],
    );
    return row?.key ?? null;
  }

  async storeLink(manager: EntityManager, checkInId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.query(`UPDATE check_in SET link_token_hash = $2, link_expires_at = $3 WHERE id = $1`, [
      checkInId,
      tokenHash,
      expiresAt,
    ]);
  }

  /**
   * The check-in behind an active link: not expired, not yet answered, its couple active and its
   * schedule or program step still there (deleting either deletes its check-ins). `lock` for the submit.
   */
  async findByActiveLink(manager: EntityManager, tokenHash: string, lock: boolean): Promise<OpenCheckIn | null> {
    const rows: OpenCheckIn[] = await manager.query(
      `SELECT k.id, k.clinic_id AS "clinicId", k.couple_id AS "coupleId", k.client_id AS "clientId",
              p.name AS "clientName", cl.name AS "clinicName", k.occurrence, v.measure_id AS "measureId",
              v.id AS "measureVersionId", m.title, v.definition,
              -- A program step's check-in shares nothing with the other partner.
              COALESCE(s.share_with_partner, false) AS "shareWithPartner", k.program_step_id AS "programStepId"
       FROM check_in k
       LEFT JOIN check_in_schedule s ON s.id = k.schedule_id
       JOIN client p ON p.id = k.client_id
       JOIN couple c ON c.id = k.couple_id
       JOIN clinic cl ON cl.id = k.clinic_id
       JOIN measure_version v ON v.id = k.measure_version_id
       JOIN measure m ON m.id = v.measure_id
       WHERE k.link_token_hash = $1 AND k.link_expires_at > now() AND k.submitted_at IS NULL AND c.status = 'active'
       ${lock ? 'FOR UPDATE OF k' : ''}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** The steps of the path a program step belongs to, titles only, for the partner's page. */
  programPath(
    manager: EntityManager,
    stepId: string,
  ): Promise<{ id: string; position: number; status: 'pending' | 'open' | 'done' | 'skipped'; title: string }[]> {
    return manager.query(
      `SELECT s.id, s.position, s.status, s.title FROM couple_program_step s
       WHERE s.couple_program_id = (SELECT couple_program_id FROM couple_program_step WHERE id = $1)
       ORDER BY s.position`,
      [stepId],
    );
  }

  /** Answered: the link is closed (the hash goes, so it finds nothing again). */
  async close(manager: EntityManager, checkInId: string, responseId: string, submittedAt: Date): Promise<void> {
    await manager.query(
      `UPDATE check_in SET submitted_at = $2, measure_response_id = $3, link_token_hash = NULL WHERE id = $1`,
      [checkInId, submittedAt, responseId],
    );
  }

  /** Both partners' scores on the measure, oldest first: one statement however long the history. */
  async trend(manager: EntityManager, clinicId: string, coupleId: string, measureId: string): Promise<TrendRow[]> {
    const rows: (Omit<TrendRow, 'score'> & { score: string | null })[] = await manager.query(
      `SELECT r.client_id AS "clientId", r.occurrence, r.submitted_at AS "submittedAt", r.score
       FROM measure_response r WHERE r.clinic_id = $1 AND r.couple_id = $2 AND r.measure_id = $3
       ORDER BY r.submitted_at, r.id`,
      [clinicId, coupleId, measureId],
    );
    return rows.map((row) => ({ ...row, score: row.score === null ? null : Number(row.score) }));
  }

  /** The other partner's name, for "Sam's scores". */
  async otherPartnerName(manager: EntityManager, coupleId: string, clientId: string): Promise<string | null> {
    const rows: { name: string }[] = await manager.query(`SELECT name FROM client WHERE couple_id = $1 AND id <> $2`, [
      coupleId,
      clientId,
    ]);
    return rows[0]?.name ?? null;
  }
}
