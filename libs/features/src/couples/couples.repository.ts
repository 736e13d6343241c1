import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type {
  CaseloadRow,
  CoupleExportAgreement,
  CoupleExportMeasure,
  CoupleView,
  ListResponse,
  SessionUser,
} from '@trellis/contracts';
import {
  Assignment,
  AssignmentReviewComment,
  Client,
  Couple,
  HomeworkResponse,
  SessionNote,
  StaffUser,
} from '@trellis/data';
import { accountsDiffer } from '@trellis/domain';
import { responseOpenSql } from '../assignments/assignment-state.sql';
import { PROGRAM_CHECK_IN_HELD_SQL } from '../check-ins/program-check-in-held.sql';
import { CaseloadQueryDto } from './caseload-query.dto';
import { queryCaseload } from './caseload.query';
import { queryCoupleDetail } from './couple-detail.query';

export type NewCouple = Pick<Couple, 'clinicId' | 'displayName' | 'therapistId' | 'nextSessionAt'>;
export type NewPartner = Pick<Client, 'name' | 'email' | 'timezone' | 'emailConsent'>;
export type PartnerChanges = Partial<NewPartner & Pick<Client, 'role'>>;

/** Everything a couple's record is made of, for its timeline and export. */
export interface CoupleRecordParts {
  assignments: Assignment[];
  responses: HomeworkResponse[];
  clients: Client[];
  notes: SessionNote[];
  /** The therapist's comments to the couple on reviewed homework, oldest first. */
  reviewComments: AssignmentReviewComment[];
  /** Names of the staff who wrote the notes, reviewed the homework or commented on it, by id. */
  staff: Map<string, string>;
}

/**
 * The couple aggregate (a couple and its two partners): the couples feature's SQL. The caseload
 * and couple-detail statements are built in `caseload.query.ts` and `couple-detail.query.ts`,
 * which the benchmarks also run raw.
 */
@Injectable()
export class CouplesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  caseload(user: SessionUser, query: CaseloadQueryDto): Promise<ListResponse<CaseloadRow>> {
    return queryCaseload(this.dataSource, user, query);
  }

  /** The couple if this person may see it (their own, or any in the clinic for an admin), else null. */
  findVisible(manager: EntityManager, user: SessionUser, coupleId: string, lock = false): Promise<Couple | null> {
    return manager.findOne(Couple, {
      where: { id: coupleId, clinicId: user.clinicId, ...(user.role === 'admin' ? {} : { therapistId: user.id }) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The same, outside a transaction. */
  findVisibleNow(user: SessionUser, coupleId: string): Promise<Couple | null> {
    return this.findVisible(this.dataSource.manager, user, coupleId);
  }

  /** The couple only if it is this therapist's own (exports are for the treating therapist alone). */
  findOwn(user: SessionUser, coupleId: string): Promise<Couple | null> {
    return this.dataSource
      .getRepository(Couple)
      .findOneBy({ id: coupleId, clinicId: user.clinicId, therapistId: user.id });
  }

  /** The couple page's view: the couple, its partners and its therapist's name, in one statement. */
  detail(manager: EntityManager, user: SessionUser, coupleId: string): Promise<CoupleView | null> {
    return queryCoupleDetail(manager, user, coupleId);
  }

  /** An active staff member of the clinic, who may be given couples. */
  findActiveStaff(manager: EntityManager, clinicId: string, staffId: string): Promise<StaffUser | null> {
    return manager.findOneBy(StaffUser, { id: staffId, clinicId, status: 'active' });
  }

  async insert(manager: EntityManager, couple: NewCouple, partners: readonly NewPartner[]): Promise<Couple> {
    const saved = await manager.save(
      manager.create(Couple, { ...couple, status: 'active', lastActivityAt: new Date() }),
    );
    await manager.insert(
      Client,
      partners.map((p, i) => ({ ...p, clinicId: couple.clinicId, coupleId: saved.id, position: (i + 1) as 1 | 2 })),
    );
    return saved;
  }

  /** Applies the changes and marks the couple as just active. */
  async update(manager: EntityManager, coupleId: string, changes: Partial<Couple>): Promise<void> {
    await manager.update(Couple, { id: coupleId }, { ...changes, lastActivityAt: new Date() });
  }

  /** Marks couples as just active (their homework or notes changed). */
  async touch(manager: EntityManager, coupleIds: readonly string[]): Promise<void> {
    await manager.update(Couple, { id: In([...coupleIds]) }, { lastActivityAt: new Date() });
  }

  async updatePartner(manager: EntityManager, coupleId: string, position: number, changes: PartnerChanges) {
    await manager.update(Client, { coupleId, position }, changes);
  }

  /** Whether the partner at this position has agreed to email (read before a change to it). */
  async hasEmailConsent(manager: EntityManager, coupleId: string, position: 1 | 2): Promise<boolean> {
    const client = await manager.findOne(Client, { where: { coupleId, position }, select: { emailConsent: true } });
    return client?.emailConsent ?? false;
  }

  /** The couple's partners' parts still open (their reminders follow the couple's status). */
  async openResponseIds(manager: EntityManager, coupleId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT r.id FROM homework_response r JOIN assignment a ON a.id = r.assignment_id
       WHERE a.couple_id = $1 AND ${responseOpenSql('r', 'a')}`,
      [coupleId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * A partner's open homework (not revoked by the therapist) whose link email never went out and
   * is not on its way: what waited for their consent to email.
   */
  async homeworkAwaitingLinkEmail(manager: EntityManager, coupleId: string, position: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT r.id FROM homework_response r
       JOIN assignment a ON a.id = r.assignment_id
       JOIN client c ON c.id = r.client_id
       WHERE a.couple_id = $1 AND c.position = $2 AND ${responseOpenSql('r', 'a')} AND r.link_revoked_at IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM email_delivery d
           WHERE d.template IN ('homework-assigned', 'homework-link') AND d.subject_ids->>'responseId' = r.id::text
             AND d.status IN ('pending', 'sent'))
       ORDER BY a.due_at`,
      [coupleId, position],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The couple's program check-ins that waited and may now be sent — made for the open step,
   * unanswered, never emailed and no email on its way — to each partner (or the one at `position`)
   * with email consent, not holding a safety pause, the couple active. Locked, so two releases at
   * once (consent given, a pause lifted) send once.
   */
  async programCheckInsAwaitingEmail(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    position: number | null,
  ): Promise<{ checkInId: string; clinicId: string; timezone: string }[]> {
    return manager.query(
      `SELECT k.id AS "checkInId", k.clinic_id AS "clinicId", p.timezone
       FROM check_in k
       JOIN couple_program_step s ON s.id = k.program_step_id AND s.status = 'open'
       JOIN couple c ON c.id = k.couple_id AND c.status = 'active'
       JOIN client p ON p.id = k.client_id
       WHERE k.clinic_id = $1 AND k.couple_id = $2 AND ($3::int IS NULL OR p.position = $3)
         AND k.submitted_at IS NULL AND k.link_expires_at IS NULL AND p.email_consent
         AND NOT ${PROGRAM_CHECK_IN_HELD_SQL}
         AND NOT EXISTS (
           SELECT 1 FROM email_delivery d
           WHERE d.clinic_id = k.clinic_id AND d.template = 'check-in' AND d.status IN ('pending', 'sent')
             AND d.subject_ids->>'checkInId' = k.id::text)
       FOR UPDATE OF k`,
      [clinicId, coupleId, position],
    );
  }

  /** The couple's assignments, answers, partners and (when asked) session notes, oldest first. */
  async recordParts(coupleId: string, includeNotes: boolean): Promise<CoupleRecordParts> {
    const manager = this.dataSource.manager;
    const assignments = await manager.find(Assignment, { where: { coupleId }, order: { createdAt: 'ASC' } });
    const ids = assignments.map((a) => a.id);
    const responses = ids.length ? await manager.findBy(HomeworkResponse, { assignmentId: In(ids) }) : [];
    const clients = await manager.findBy(Client, { coupleId });
    const notes = includeNotes
      ? await manager.find(SessionNote, { where: { coupleId }, order: { createdAt: 'ASC' } })
      : [];
    const reviewComments = ids.length
      ? await manager.find(AssignmentReviewComment, {
          where: { assignmentId: In(ids) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const staffIds = [
      ...new Set([
        ...notes.map((n) => n.authorId),
        ...assignments.map((a) => a.reviewedBy).filter((x): x is string => !!x),
        ...reviewComments.map((c) => c.authorId),
      ]),
    ];
    const staff = new Map(
      (staffIds.length ? await manager.findBy(StaffUser, { id: In(staffIds) }) : []).map((s) => [s.id, s.name]),
    );
    return { assignments, responses, clients, notes, reviewComments, staff };
  }

  /**
   * The couple's check-ins for its export, grouped by measure (by title), each measure's oldest
   * first: one statement however many. Read by couple and clinic, like every clinical read.
   */
  async measuresForExport(clinicId: string, coupleId: string): Promise<CoupleExportMeasure[]> {
    const rows: (Omit<CoupleExportMeasure, 'items'> & { items: { id: string; label: string }[] })[] =
      await this.dataSource.query(
        `SELECT m.id AS "measureId", m.title, m.kind,
                (SELECT coalesce(json_agg(json_build_object('id', i->>'id', 'label', i->>'label')), '[]')
                 FROM jsonb_array_elements(cv.definition->'items') AS i) AS items,
                json_agg(json_build_object('partner', cl.position, 'occurrence', r.occurrence,
                  'submittedAt', r.submitted_at, 'measureVersion', v.version, 'score', r.score, 'band', r.band,
                  'prorated', r.prorated, 'answers', r.answers, 'itemScores', r.item_scores)
                  ORDER BY r.submitted_at, cl.position, r.id) AS responses
         FROM measure_response r
         JOIN client cl ON cl.id = r.client_id
         JOIN measure m ON m.id = r.measure_id
         JOIN measure_version v ON v.id = r.measure_version_id
         JOIN measure_version cv ON cv.measure_id = m.id AND cv.version = m.current_version
         WHERE r.clinic_id = $1 AND r.couple_id = $2
         GROUP BY m.id, m.title, m.kind, cv.definition
         ORDER BY lower(m.title), m.id`,
        [clinicId, coupleId],
      );
    // Timestamps arrive inside JSON as PostgreSQL writes them: normalise to ISO.
    return rows.map((row) => ({
      ...row,
      responses: row.responses.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt).toISOString() })),
    }));
  }
  /**
   * Every agreement of the couple for its export, in one statement whatever their number: each
   * wording (oldest first) with the partners' confirmations of it, and each week (oldest first) a
   * review went out while it was active or it was answered, with both partners' answers and their
   * counselor-only notes. The weekly grid on the couple page shows the last twelve; this, all of them.
   */
  async agreementsForExport(clinicId: string, coupleId: string): Promise<CoupleExportAgreement[]> {
    type Row = Omit<CoupleExportAgreement, 'weeks'> & {
      weeks: Omit<CoupleExportAgreement['weeks'][number], 'accountsDiffer'>[];
    };
    const rows: Row[] = await this.dataSource.query(
      `SELECT a.id, a.status, a.source, a.created_at AS "createdAt", a.retired_at AS "retiredAt",
              (SELECT json_agg(json_build_object('version', v.version, 'text', v.text, 'editedBy', s.name,
                  'createdAt', v.created_at,
                  'confirmations', (SELECT coalesce(json_agg(json_build_object('partner', p.position,
                      'confirmedAt', k.confirmed_at) ORDER BY p.position), '[]'::json)
                    FROM agreement_confirmation k JOIN client p ON p.id = k.client_id
                    WHERE k.agreement_version_id = v.id AND k.clinic_id = a.clinic_id)) ORDER BY v.version)
               FROM agreement_version v JOIN staff_user s ON s.id = v.edited_by
               WHERE v.agreement_id = a.id AND v.clinic_id = a.clinic_id) AS versions,
              (SELECT coalesce(json_agg(json_build_object('weekOf', w.week_of::text, 'partners',
                  (SELECT json_agg(json_build_object('partner', p.position, 'answer', r.answer, 'note', r.note,
                      'version', rv.version) ORDER BY p.position)
                   FROM client p
                   LEFT JOIN agreement_review r ON r.agreement_id = a.id AND r.client_id = p.id AND r.week_of = w.week_of
                   LEFT JOIN agreement_version rv ON rv.id = r.agreement_version_id
                   WHERE p.clinic_id = a.clinic_id AND p.couple_id = a.couple_id)) ORDER BY w.week_of), '[]'::json)
               FROM (SELECT q.week_of FROM agreement_review_request q
                     WHERE q.clinic_id = a.clinic_id AND q.couple_id = a.couple_id AND q.created_at >= a.created_at
                       AND (a.retired_at IS NULL OR q.created_at <= a.retired_at)
                     UNION SELECT r.week_of FROM agreement_review r
                     WHERE r.clinic_id = a.clinic_id AND r.agreement_id = a.id) w) AS weeks
       FROM agreement a
       WHERE a.clinic_id = $1 AND a.couple_id = $2
       ORDER BY a.created_at, a.id`,
      [clinicId, coupleId],
    );
    // Timestamps arrive inside JSON as PostgreSQL writes them: normalise to ISO.
    const iso = (value: string | Date) => new Date(value).toISOString();
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      source: row.source,
      createdAt: iso(row.createdAt),
      retiredAt: row.retiredAt === null ? null : iso(row.retiredAt),
      versions: (row.versions ?? []).map((v) => ({
        ...v,
        createdAt: iso(v.createdAt),
        confirmations: v.confirmations.map((c) => ({ ...c, confirmedAt: iso(c.confirmedAt) })),
      })),
      weeks: row.weeks.map((w) => ({ ...w, accountsDiffer: accountsDiffer(w.partners.map((p) => p.answer)) })),
    }));
  }
}
