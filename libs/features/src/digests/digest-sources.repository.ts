import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Assignment, Client, Clinic, Couple, HomeworkResponse, StaffUser } from '@trellis/data';
import { offTrackInputColumns, offTrackReasonsSql } from '../measures/off-track.sql';
import { WEEKLY_DIGEST_RECIPIENT } from './weekly-digest-recipient.sql';

/** An active therapist who wants the weekly digest, and the time zone their clinic's digests run in. */
export interface WeeklyDigestRecipient {
  therapistId: string;
  clinicId: string;
  timezone: string;
}

export type AssignmentWithResponses = Assignment & { responses: HomeworkResponse[] };

/**
 * What digests are planned and built from: therapists, clinics, couples, partners, assignments
 * and their responses. Read-only, and never inside a transaction: a digest reads at send time.
 */
@Injectable()
export class DigestSourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async weeklyDigestRecipients(): Promise<WeeklyDigestRecipient[]> {
    const rows: { id: string; clinic_id: string; timezone: string }[] = await this.dataSource.query(
      `SELECT s.id, s.clinic_id, c.timezone FROM staff_user s JOIN clinic c ON c.id = s.clinic_id
       WHERE ${WEEKLY_DIGEST_RECIPIENT}`,
    );
    return rows.map((r) => ({ therapistId: r.id, clinicId: r.clinic_id, timezone: r.timezone }));
  }

  /** Whether a scheduled weekly run should still make a digest for this therapist. */
  async isWeeklyDigestRecipient(therapistId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM staff_user s WHERE s.id = $1 AND ${WEEKLY_DIGEST_RECIPIENT}`,
      [therapistId],
    );
    return rows.length > 0;
  }

  findCouple(coupleId: string): Promise<Couple | null> {
    return this.dataSource.getRepository(Couple).findOneBy({ id: coupleId });
  }

  findActiveCouple(coupleId: string): Promise<Couple | null> {
    return this.dataSource.getRepository(Couple).findOneBy({ id: coupleId, status: 'active' });
  }

  findActiveTherapist(therapistId: string): Promise<StaffUser | null> {
    return this.dataSource.getRepository(StaffUser).findOneBy({ id: therapistId, status: 'active' });
  }

  staffMember(staffId: string): Promise<StaffUser> {
    return this.dataSource.getRepository(StaffUser).findOneByOrFail({ id: staffId });
  }

  clinic(clinicId: string): Promise<Clinic> {
    return this.dataSource.getRepository(Clinic).findOneByOrFail({ id: clinicId });
  }

  /** The therapist's active couples, by name. */
  activeCaseload(clinicId: string, therapistId: string): Promise<Couple[]> {
    return this.dataSource
      .getRepository(Couple)
      .find({ where: { clinicId, therapistId, status: 'active' }, order: { displayName: 'ASC' } });
  }

  /** The couple's partners, partner A first. */
  async partners(coupleId: string): Promise<Client[]> {
    return (await this.dataSource.getRepository(Client).findBy({ coupleId })).sort((a, b) => a.position - b.position);
  }

  /** The partners of all these couples, in one query. */
  async partnersOfCouples(coupleIds: readonly string[]): Promise<Client[]> {
    if (coupleIds.length === 0) return [];
    return this.dataSource
      .getRepository(Client)
      .createQueryBuilder('c')
      .where('c.couple_id IN (:...ids)', { ids: coupleIds })
      .getMany();
  }

  /** The couples' assignments not cancelled, by due date, each with its responses: two queries in all. */
  async assignmentsWithResponses(coupleIds: readonly string[]): Promise<AssignmentWithResponses[]> {
    if (coupleIds.length === 0) return [];
    const assignments = await this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .where('a.couple_id IN (:...ids)', { ids: coupleIds })
      .andWhere('a.cancelled_at IS NULL')
      // Never the private safety check-in: its answers stay on the couple page, out of any email.
      .andWhere("a.kind = 'homework'")
      .orderBy('a.due_at', 'ASC')
      .getMany();
    const responses = assignments.length
      ? await this.dataSource
          .getRepository(HomeworkResponse)
          .createQueryBuilder('r')
          .where('r.assignment_id IN (:...ids)', { ids: assignments.map((a) => a.id) })
          .getMany()
      : [];
    return assignments.map((a) => Object.assign(a, { responses: responses.filter((r) => r.assignmentId === a.id) }));
  }

  /**
   * The therapist's active couples that are off track, by name: one statement, from the one SQL
   * definition of the rule (off-track.sql.ts), as the home screen's panel reads it.
   */
  offTrackCouples(clinicId: string, therapistId: string): Promise<{ coupleId: string; coupleName: string }[]> {
    return this.dataSource.query(
      `SELECT c.id AS "coupleId", c.display_name AS "coupleName"
       FROM couple c
       JOIN (${offTrackReasonsSql(
         `(SELECT ${offTrackInputColumns('tc', 'k')} FROM couple tc JOIN clinic k ON k.id = tc.clinic_id
           WHERE tc.clinic_id = $1 AND tc.therapist_id = $2 AND tc.status = 'active')`,
       )}) ot ON ot.couple_id = c.id
       WHERE jsonb_array_length(ot.reasons) > 0
       ORDER BY c.display_name, c.id`,
      [clinicId, therapistId],
    );
  }
}
