import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AGREEMENT_EXERCISE_KEY,
  AGREEMENT_PROMPT_IDS,
  type AgreementReviewAnswer,
  type IsoWeekday,
} from '@trellis/domain';
import type { AgreementSource, AgreementStatus } from '@trellis/contracts';
import { partnerFlaggedUnderOpenPauseSql } from '../safety/open-safety-pause.sql';

export interface AgreementRow {
  id: string;
  coupleId: string;
  status: AgreementStatus;
  source: AgreementSource;
  sourceAssignmentId: string | null;
  sourcePromptId: string | null;
  sourceClientId: string | null;
  version: number;
  versionId: string;
  text: string;
  createdAt: Date;
  retiredAt: Date | null;
  versions: { version: number; text: string; editedByName: string; createdAt: string }[];
  /** client id → when they confirmed the current version. */
  confirmedAt: Record<string, string>;
}

export interface ReviewCell {
  agreementId: string;
  clientId: string;
  weekOf: string;
  answer: AgreementReviewAnswer;
  note: string | null;
}

export interface CandidateRow {
  assignmentId: string;
  promptId: string;
  prompts: { id: string; label: string }[];
  clientId: string;
  partnerName: string;
  text: string;
  submittedAt: Date;
}

export interface Rhythm {
  weekday: IsoWeekday;
  localTime: string;
}

/** What planning a couple's reviews needs: status, clinic zone, rhythm, partners and what each was sent. */
export interface ReviewPlanning {
  status: string;
  timezone: string;
  rhythm: Rhythm | null;
  partners: { id: string; lastSentWeek: string | null }[];
}

/** What re-checking one partner's review when its job fires needs, read under the rhythm's lock. */
export interface ReviewSendFacts {
  status: string;
  timezone: string;
  /** The partner's own zone: their reminder keeps out of their quiet hours. */
  clientTimezone: string;
  rhythm: Rhythm;
  flaggedUnsafe: boolean;
  activeAgreements: number;
  lastSentWeek: string | null;
}

export interface ReviewEmailFacts {
  requestId: string;
  coupleId: string;
  clientName: string;
  clientEmail: string;
  emailConsent: boolean;
  coupleStatus: string;
  flaggedUnsafe: boolean;
  clinicName: string;
  therapistName: string;
  neutralPartnerEmails: boolean;
  submittedAt: Date | null;
  linkExpiresAt: Date | null;
}

export interface OpenReviewRequest {
  id: string;
  /** review: the weekly "did this hold?"; confirmation: "please confirm" an added or reworded agreement. */
  kind: 'review' | 'confirmation';
  clinicId: string;
  coupleId: string;
  clientId: string;
  clientName: string;
  clinicName: string;
  /** Null for a confirmation: it is about no week. */
  weekOf: string | null;
}

/** What a "please confirm" email re-checks when it is composed, read under the request's lock. */
export interface ConfirmationEmailFacts {
  requestId: string;
  clientName: string;
  clientEmail: string;
  emailConsent: boolean;
  coupleStatus: string;
  flaggedUnsafe: boolean;
  clinicName: string;
  therapistName: string;
  neutralPartnerEmails: boolean;
  agreementActive: boolean;
  versionIsCurrent: boolean;
  confirmed: boolean;
}

/** What a weekly review's reminder re-checks when it fires. */
export interface ReviewReminderFacts {
  emailConsent: boolean;
  coupleStatus: string;
  flaggedUnsafe: boolean;
  submittedAt: Date | null;
  linkExpiresAt: Date | null;
}

export interface ReviewFormRow {
  agreementId: string;
  versionId: string;
  version: number;
  text: string;
  confirmed: boolean;
}

/** An answer as the partner-facing streak reads it: never a note. */
export interface StreakCell {
  agreementId: string;
  clientId: string;
  weekOf: string;
  answer: AgreementReviewAnswer;
}

// Weeks shown in the therapist's grid: about a quarter.
const GRID_WEEKS = 12;

/**
 * agreement, agreement_version, agreement_confirmation, agreement_confirmation_request,
 * agreement_rhythm, agreement_review_request and agreement_review: the only place their SQL lives.
 * Every statement is filtered by clinic (a link look-up, by the token's hash).
 */
@Injectable()
export class AgreementsRepository {
  /** The couple's agreements with their versions and the current version's confirmations: one statement. */
  async list(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    agreementId?: string,
  ): Promise<AgreementRow[]> {
    return manager.query(
      `SELECT a.id, a.couple_id AS "coupleId", a.status, a.source, a.source_assignment_id AS "sourceAssignmentId",
              a.source_prompt_id AS "sourcePromptId", a.source_client_id AS "sourceClientId",
              a.current_version AS version, v.id AS "versionId", v.text, a.created_at AS "createdAt",
              a.retired_at AS "retiredAt",
              (SELECT json_agg(json_build_object('version', h.version, 'text', h.text, 'editedByName', s.name,
                  'createdAt', h.created_at) ORDER BY h.version DESC)
               FROM agreement_version h JOIN staff_user s ON s.id = h.edited_by
               WHERE h.agreement_id = a.id) AS versions,
              (SELECT coalesce(json_object_agg(k.client_id, k.confirmed_at), '{}'::json)
               FROM agreement_confirmation k WHERE k.agreement_version_id = v.id) AS "confirmedAt"
       FROM agreement a
       JOIN agreement_version v ON v.agreement_id = a.id AND v.version = a.current_version
       WHERE a.clinic_id = $1 AND a.couple_id = $2 AND ($3::uuid IS NULL OR a.id = $3)
       ORDER BY a.status, a.created_at, a.id`,
      [clinicId, coupleId, agreementId ?? null],
    );
  }

  /** The partners (in order) and the most recent review weeks: what the grid's rows and columns are. */
  async gridFrame(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
  ): Promise<{ partnerIds: string[]; weeks: string[] }> {
    const [row]: { partnerIds: string[] | null; weeks: string[] | null }[] = await manager.query(
      `SELECT (SELECT array_agg(p.id ORDER BY p.position) FROM client p
               WHERE p.clinic_id = $1 AND p.couple_id = $2) AS "partnerIds",
              (SELECT array_agg(w.week ORDER BY w.week DESC) FROM (
                 SELECT DISTINCT week_of::text AS week FROM (
                   SELECT week_of FROM agreement_review_request WHERE clinic_id = $1 AND couple_id = $2
                   UNION SELECT week_of FROM agreement_review WHERE clinic_id = $1 AND couple_id = $2) u
                 ORDER BY week DESC LIMIT ${GRID_WEEKS}) w) AS weeks`,
      [clinicId, coupleId],
    );
    return { partnerIds: row?.partnerIds ?? [], weeks: row?.weeks ?? [] };
  }

  /** Every answer in the grid's weeks, notes included: the therapist's view only. */
  reviews(manager: EntityManager, clinicId: string, coupleId: string, weeks: string[]): Promise<ReviewCell[]> {
    return manager.query(
      `SELECT r.agreement_id AS "agreementId", r.client_id AS "clientId", r.week_of::text AS "weekOf", r.answer, r.note
       FROM agreement_review r WHERE r.clinic_id = $1 AND r.couple_id = $2 AND r.week_of = ANY($3::date[])`,
      [clinicId, coupleId, weeks],
    );
  }

  /** Partners' submitted answers to the boundaries exercise's agreement prompts, newest first. */
  candidates(manager: EntityManager, clinicId: string, coupleId: string): Promise<CandidateRow[]> {
    return manager.query(
      `SELECT a.id AS "assignmentId", q.prompt_id AS "promptId", a.prompts, r.client_id AS "clientId",
              p.name AS "partnerName", r.answers ->> q.prompt_id AS text, r.submitted_at AS "submittedAt"
       FROM assignment a
       JOIN exercise e ON e.id = a.exercise_id AND e.key = $3
       JOIN homework_response r ON r.assignment_id = a.id AND r.submitted_at IS NOT NULL
       JOIN client p ON p.id = r.client_id
       CROSS JOIN unnest($4::text[]) AS q(prompt_id)
       WHERE a.clinic_id = $1 AND a.couple_id = $2 AND a.cancelled_at IS NULL
         AND length(trim(coalesce(r.answers ->> q.prompt_id, ''))) > 0
       ORDER BY r.submitted_at DESC, a.id, p.position, q.prompt_id`,
      [clinicId, coupleId, AGREEMENT_EXERCISE_KEY, AGREEMENT_PROMPT_IDS],
    );
  }

  /** The agreement, locked for an edit or a retirement. */
  async lock(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    agreementId: string,
  ): Promise<{ status: AgreementStatus; version: number; text: string } | null> {
    const rows: { status: AgreementStatus; version: number; text: string }[] = await manager.query(
      `SELECT a.status, a.current_version AS version, v.text
       FROM agreement a JOIN agreement_version v ON v.agreement_id = a.id AND v.version = a.current_version
       WHERE a.clinic_id = $1 AND a.couple_id = $2 AND a.id = $3 FOR UPDATE OF a`,
      [clinicId, coupleId, agreementId],
    );
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    row: {
      clinicId: string;
      coupleId: string;
      text: string;
      createdBy: string;
      source: { assignmentId: string; promptId: string; clientId: string } | null;
    },
  ): Promise<string> {
    const [created]: { id: string }[] = await manager.query(
      `WITH a AS (
         INSERT INTO agreement (clinic_id, couple_id, source, source_assignment_id, source_prompt_id, source_client_id,
           created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id)
       INSERT INTO agreement_version (clinic_id, agreement_id, version, text, edited_by)
       SELECT $1, a.id, 1, $8, $7 FROM a RETURNING agreement_id AS id`,
      [
        row.clinicId,
        row.coupleId,
        row.source ? 'exercise_answer' : 'session',
        row.source?.assignmentId ?? null,
        row.source?.promptId ?? null,
        row.source?.clientId ?? null,
        row.createdBy,
        row.text,
      ],
    );
    return created.id;
  }

  /** A new version becomes current: the partners' confirmations were of the old one. */
  async addVersion(
    manager: EntityManager,
    clinicId: string,
    agreementId: string,
    version: number,
    text: string,
    editedBy: string,
  ): Promise<void> {
    await manager.query(
      `WITH v AS (INSERT INTO agreement_version (clinic_id, agreement_id, version, text, edited_by)
                  VALUES ($1, $2, $3, $4, $5))
       UPDATE agreement SET current_version = $3 WHERE clinic_id = $1 AND id = $2`,
      [clinicId, agreementId, version, text, editedBy],
    );
  }

  async retire(manager: EntityManager, clinicId: string, agreementId: string): Promise<void> {
    await manager.query(
      `UPDATE agreement SET status = 'retired', retired_at = now() WHERE clinic_id = $1 AND id = $2`,
      [clinicId, agreementId],
    );
  }

  async rhythm(manager: EntityManager, clinicId: string, coupleId: string): Promise<Rhythm | null> {
    const rows: Rhythm[] = await manager.query(
      `SELECT weekday, local_time AS "localTime" FROM agreement_rhythm WHERE clinic_id = $1 AND couple_id = $2`,
      [clinicId, coupleId],
    );
    return rows[0] ?? null;
  }

  async setRhythm(
    manager: EntityManager,
    row: { clinicId: string; coupleId: string; rhythm: Rhythm | null; updatedBy: string },
  ): Promise<void> {
    if (!row.rhythm) {
      await manager.query(`DELETE FROM agreement_rhythm WHERE clinic_id = $1 AND couple_id = $2`, [
        row.clinicId,
        row.coupleId,
      ]);
      return;
    }
    await manager.query(
      `INSERT INTO agreement_rhythm (couple_id, clinic_id, weekday, local_time, updated_by) VALUES ($2, $1, $3, $4, $5)
       ON CONFLICT (couple_id) DO UPDATE SET weekday = $3, local_time = $4, updated_by = $5, updated_at = now()`,
      [row.clinicId, row.coupleId, row.rhythm.weekday, row.rhythm.localTime, row.updatedBy],
    );
  }

  /** One statement: the couple, its clinic's zone, its rhythm and each partner's last review week. */
  async planning(manager: EntityManager, clinicId: string, coupleId: string): Promise<ReviewPlanning | null> {
    const rows: {
      status: string;
      timezone: string;
      weekday: IsoWeekday | null;
      localTime: string | null;
      partners: ReviewPlanning['partners'] | null;
    }[] = await manager.query(
      `SELECT c.status, cl.timezone, r.weekday, r.local_time AS "localTime",
         (SELECT json_agg(json_build_object('id', p.id, 'lastSentWeek',
            (SELECT max(q.week_of)::text FROM agreement_review_request q WHERE q.client_id = p.id)) ORDER BY p.position)
          FROM client p WHERE p.couple_id = c.id AND p.clinic_id = c.clinic_id) AS partners
       FROM couple c JOIN clinic cl ON cl.id = c.clinic_id
       LEFT JOIN agreement_rhythm r ON r.couple_id = c.id
       WHERE c.clinic_id = $1 AND c.id = $2`,
      [clinicId, coupleId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      status: row.status,
      timezone: row.timezone,
      rhythm:
        row.weekday === null ? null : { weekday: Number(row.weekday) as IsoWeekday, localTime: String(row.localTime) },
      partners: row.partners ?? [],
    };
  }

  /** Locks the rhythm: two runs of the same job (or a rhythm change) wait for each other. */
  async lockForSend(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    clientId: string,
  ): Promise<ReviewSendFacts | null> {
    const rows: (Omit<ReviewSendFacts, 'rhythm'> & { weekday: number; localTime: string })[] = await manager.query(
      `SELECT c.status, cl.timezone, p.timezone AS "clientTimezone", r.weekday, r.local_time AS "localTime",
              ${partnerFlaggedUnderOpenPauseSql('c.id', 'p.id')} AS "flaggedUnsafe",
              (SELECT count(*)::int FROM agreement a WHERE a.clinic_id = c.clinic_id AND a.couple_id = c.id
                 AND a.status = 'active') AS "activeAgreements",
              (SELECT max(q.week_of)::text FROM agreement_review_request q WHERE q.client_id = p.id) AS "lastSentWeek"
       FROM agreement_rhythm r
       JOIN couple c ON c.id = r.couple_id AND c.clinic_id = r.clinic_id
       JOIN clinic cl ON cl.id = c.clinic_id
       JOIN client p ON p.couple_id = c.id AND p.clinic_id = c.clinic_id AND p.id = $3
       WHERE r.clinic_id = $1 AND r.couple_id = $2
       FOR UPDATE OF r`,
      [clinicId, coupleId, clientId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      status: row.status,
      timezone: row.timezone,
      clientTimezone: row.clientTimezone,
      rhythm: { weekday: Number(row.weekday) as IsoWeekday, localTime: row.localTime },
      flaggedUnsafe: row.flaggedUnsafe,
      activeAgreements: row.activeAgreements,
      lastSentWeek: row.lastSentWeek,
    };
  }

  /** Null when this partner's review for the week exists already (the job ran twice). */
  async insertRequestOnce(
    manager: EntityManager,
    row: { clinicId: string; coupleId: string; clientId: string; weekOf: string },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO agreement_review_request (clinic_id, couple_id, client_id, week_of) VALUES ($1, $2, $3, $4)
       ON CONFLICT (client_id, week_of) DO NOTHING RETURNING id`,
      [row.clinicId, row.coupleId, row.clientId, row.weekOf],
    );
    return rows[0]?.id ?? null;
  }

  /** Locked for the send, so a submission committed meanwhile is seen. */
  async lockEmailFacts(
    manager: EntityManager,
    requestId: string,
    clinicId: string | null,
  ): Promise<ReviewEmailFacts | null> {
    const rows: ReviewEmailFacts[] = await manager.query(
      `SELECT q.id AS "requestId", q.couple_id AS "coupleId", p.name AS "clientName", p.email AS "clientEmail",
              p.email_consent AS "emailConsent", c.status AS "coupleStatus", cl.name AS "clinicName",
              t.name AS "therapistName", cl.neutral_partner_emails AS "neutralPartnerEmails",
              q.submitted_at AS "submittedAt", q.link_expires_at AS "linkExpiresAt",
              ${partnerFlaggedUnderOpenPauseSql('c.id', 'p.id')} AS "flaggedUnsafe"
       FROM agreement_review_request q
       JOIN client p ON p.id = q.client_id
       JOIN couple c ON c.id = q.couple_id
       JOIN clinic cl ON cl.id = q.clinic_id
       JOIN staff_user t ON t.id = c.therapist_id
       WHERE q.id = $1 AND q.clinic_id = $2
       FOR UPDATE OF q`,
      [requestId, clinicId],
    );
    return rows[0] ?? null;
  }

  /** What the reminder of one weekly review re-checks when it fires (it sends nothing itself). */
  async reviewReminderFacts(
    manager: EntityManager,
    requestId: string,
    clinicId: string,
  ): Promise<ReviewReminderFacts | null> {
    const rows: ReviewReminderFacts[] = await manager.query(
      `SELECT p.email_consent AS "emailConsent", c.status AS "coupleStatus", ${partnerFlaggedUnderOpenPauseSql('c.id', 'p.id')} AS "flaggedUnsafe",
              q.submitted_at AS "submittedAt", q.link_expires_at AS "linkExpiresAt"
       FROM agreement_review_request q
       JOIN client p ON p.id = q.client_id
       JOIN couple c ON c.id = q.couple_id
       WHERE q.id = $1 AND q.clinic_id = $2`,
      [requestId, clinicId],
    );
    return rows[0] ?? null;
  }

  async storeLink(manager: EntityManager, requestId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.query(
      `UPDATE agreement_review_request SET link_token_hash = $2, link_expires_at = $3 WHERE id = $1`,
      [requestId, tokenHash, expiresAt],
    );
  }

  /** The review behind an active link: not expired, not yet sent back, its couple active. `lock` for the submit. */
  async findByActiveLink(manager: EntityManager, tokenHash: string, lock: boolean): Promise<OpenReviewRequest | null> {
    const rows: OpenReviewRequest[] = await manager.query(
      `SELECT q.id, 'review' AS kind, q.clinic_id AS "clinicId", q.couple_id AS "coupleId", q.client_id AS "clientId",
              p.name AS "clientName", cl.name AS "clinicName", q.week_of::text AS "weekOf"
       FROM agreement_review_request q
       JOIN client p ON p.id = q.client_id
       JOIN couple c ON c.id = q.couple_id
       JOIN clinic cl ON cl.id = q.clinic_id
       WHERE q.link_token_hash = $1 AND q.link_expires_at > now() AND q.submitted_at IS NULL AND c.status = 'active'
       ${lock ? 'FOR UPDATE OF q' : ''}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** The couple's active agreements as one partner is asked about them: whether *they* confirmed, nothing more. */
  formAgreements(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    clientId: string,
  ): Promise<ReviewFormRow[]> {
    return manager.query(
      `SELECT a.id AS "agreementId", v.id AS "versionId", v.version, v.text,
              EXISTS (SELECT 1 FROM agreement_confirmation k WHERE k.agreement_version_id = v.id AND k.client_id = $3)
                AS confirmed
       FROM agreement a JOIN agreement_version v ON v.agreement_id = a.id AND v.version = a.current_version
       WHERE a.clinic_id = $1 AND a.couple_id = $2 AND a.status = 'active'
       ORDER BY a.created_at, a.id`,
      [clinicId, coupleId, clientId],
    );
  }

  async confirm(manager: EntityManager, clinicId: string, clientId: string, versionIds: string[]): Promise<void> {
    if (!versionIds.length) return;
    await manager.query(
      `INSERT INTO agreement_confirmation (clinic_id, agreement_version_id, client_id)
       SELECT $1, v, $2 FROM unnest($3::uuid[]) AS v ON CONFLICT (agreement_version_id, client_id) DO NOTHING`,
      [clinicId, clientId, versionIds],
    );
  }

  /** One row per agreement, partner and week: a second submit for the week adds nothing. */
  async insertReviews(
    manager: EntityManager,
    row: {
      clinicId: string;
      coupleId: string;
      clientId: string;
      weekOf: string;
      reviews: { agreementId: string; versionId: string; answer: AgreementReviewAnswer; note: string | null }[];
    },
  ): Promise<void> {
    if (!row.reviews.length) return;
    await manager.query(
      `INSERT INTO agreement_review (clinic_id, couple_id, client_id, week_of, agreement_id, agreement_version_id,
         answer, note)
       SELECT $1, $2, $3, $4, r.agreement_id, r.version_id, r.answer, r.note
       FROM unnest($5::uuid[], $6::uuid[], $7::text[], $8::text[]) AS r(agreement_id, version_id, answer, note)
       ON CONFLICT (agreement_id, client_id, week_of) DO NOTHING`,
      [
        row.clinicId,
        row.coupleId,
        row.clientId,
        row.weekOf,
        row.reviews.map((r) => r.agreementId),
        row.reviews.map((r) => r.versionId),
        row.reviews.map((r) => r.answer),
        row.reviews.map((r) => r.note),
      ],
    );
  }

  async close(manager: EntityManager, requestId: string, submittedAt: Date): Promise<void> {
    await manager.query(`UPDATE agreement_review_request SET submitted_at = $2, link_token_hash = NULL WHERE id = $1`, [
      requestId,
      submittedAt,
    ]);
  }

  /**
   * What the partner's streaks are computed from: the weeks reviews went out to the couple, and
   * every answer given (never a note: this read feeds a partner's page).
   */
  async streakFacts(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
  ): Promise<{ partnerIds: string[]; weeks: string[]; cells: StreakCell[] }> {
    const [row]: { partnerIds: string[] | null; weeks: string[] | null; cells: StreakCell[] | null }[] =
      await manager.query(
        `SELECT (SELECT array_agg(p.id ORDER BY p.position) FROM client p
                 WHERE p.clinic_id = $1 AND p.couple_id = $2) AS "partnerIds",
                (SELECT array_agg(DISTINCT q.week_of::text) FROM agreement_review_request q
                 WHERE q.clinic_id = $1 AND q.couple_id = $2) AS weeks,
                (SELECT json_agg(json_build_object('agreementId', r.agreement_id, 'clientId', r.client_id,
                   'weekOf', r.week_of::text, 'answer', r.answer))
                 FROM agreement_review r WHERE r.clinic_id = $1 AND r.couple_id = $2) AS cells`,
        [clinicId, coupleId],
      );
    return { partnerIds: row?.partnerIds ?? [], weeks: row?.weeks ?? [], cells: row?.cells ?? [] };
  }
  /**
   * "Please confirm" for the agreement's current wording, one row per partner: made in the same
   * transaction as the agreement or its new wording. Returns the rows made (none when they exist).
   */
  async insertConfirmationRequests(
    manager: EntityManager,
    clinicId: string,
    agreementId: string,
  ): Promise<{ id: string; clientId: string; versionId: string }[]> {
    return manager.query(
      `INSERT INTO agreement_confirmation_request (clinic_id, couple_id, client_id, agreement_version_id)
       SELECT a.clinic_id, a.couple_id, p.id, v.id
       FROM agreement a
       JOIN agreement_version v ON v.agreement_id = a.id AND v.version = a.current_version
       JOIN client p ON p.couple_id = a.couple_id AND p.clinic_id = a.clinic_id
       WHERE a.clinic_id = $1 AND a.id = $2
       ORDER BY p.position
       ON CONFLICT (agreement_version_id, client_id) DO NOTHING
       RETURNING id, client_id AS "clientId", agreement_version_id AS "versionId"`,
      [clinicId, agreementId],
    );
  }

  /** Locked for the send, so a confirmation or a new wording committed meanwhile is seen. */
  async lockConfirmationEmailFacts(
    manager: EntityManager,
    requestId: string,
    clinicId: string | null,
  ): Promise<ConfirmationEmailFacts | null> {
    const rows: ConfirmationEmailFacts[] = await manager.query(
      `SELECT q.id AS "requestId", p.name AS "clientName", p.email AS "clientEmail",
              p.email_consent AS "emailConsent", c.status AS "coupleStatus", cl.name AS "clinicName",
              t.name AS "therapistName", cl.neutral_partner_emails AS "neutralPartnerEmails",
              ${partnerFlaggedUnderOpenPauseSql('c.id', 'p.id')} AS "flaggedUnsafe",
              a.status = 'active' AS "agreementActive", a.current_version = v.version AS "versionIsCurrent",
              EXISTS (SELECT 1 FROM agreement_confirmation k
                      WHERE k.agreement_version_id = v.id AND k.client_id = q.client_id) AS confirmed
       FROM agreement_confirmation_request q
       JOIN agreement_version v ON v.id = q.agreement_version_id
       JOIN agreement a ON a.id = v.agreement_id
       JOIN client p ON p.id = q.client_id
       JOIN couple c ON c.id = q.couple_id
       JOIN clinic cl ON cl.id = q.clinic_id
       JOIN staff_user t ON t.id = c.therapist_id
       WHERE q.id = $1 AND q.clinic_id = $2 AND q.closed_at IS NULL
       FOR UPDATE OF q`,
      [requestId, clinicId],
    );
    return rows[0] ?? null;
  }

  async storeConfirmationLink(
    manager: EntityManager,
    requestId: string,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE agreement_confirmation_request SET link_token_hash = $2, link_expires_at = $3 WHERE id = $1`,
      [requestId, tokenHash, expiresAt],
    );
  }

  /** The "please confirm" behind an active link: not expired, not used, its couple active. `lock` for the submit. */
  async findConfirmationByActiveLink(
    manager: EntityManager,
    tokenHash: string,
    lock: boolean,
  ): Promise<OpenReviewRequest | null> {
    const rows: OpenReviewRequest[] = await manager.query(
      `SELECT q.id, 'confirmation' AS kind, q.clinic_id AS "clinicId", q.couple_id AS "coupleId",
              q.client_id AS "clientId", p.name AS "clientName", cl.name AS "clinicName", NULL AS "weekOf"
       FROM agreement_confirmation_request q
       JOIN client p ON p.id = q.client_id
       JOIN couple c ON c.id = q.couple_id
       JOIN clinic cl ON cl.id = q.clinic_id
       WHERE q.link_token_hash = $1 AND q.link_expires_at > now() AND q.closed_at IS NULL AND c.status = 'active'
       ${lock ? 'FOR UPDATE OF q' : ''}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /**
   * After a partner confirmed (from either link): this link is spent, and so is every other open
   * "please confirm" of theirs whose wording they have now confirmed.
   */
  async closeConfirmationRequests(
    manager: EntityManager,
    clinicId: string,
    clientId: string,
    usedId: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE agreement_confirmation_request q SET closed_at = now(), link_token_hash = NULL
       WHERE q.clinic_id = $3 AND q.client_id = $1 AND q.closed_at IS NULL
         AND (q.id = $2 OR EXISTS (SELECT 1 FROM agreement_confirmation k
                                    WHERE k.agreement_version_id = q.agreement_version_id AND k.client_id = q.client_id))`,
      [clientId, usedId, clinicId],
    );
  }
}
