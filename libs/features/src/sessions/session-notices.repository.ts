import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CoupleStatus, SessionStatus } from '@trellis/contracts';
import type { NoticeSession } from './emails/session-notice.template';

/** A partner as the schedule's emails need them, with their couple's state. */
export interface NoticePartner {
  clientId: string;
  timezone: string;
  emailConsent: boolean;
  coupleStatus: CoupleStatus;
}

/** What a partner's appointment email is addressed with, read at send time. */
export interface NoticeRecipient {
  clientId: string;
  coupleId: string;
  name: string;
  email: string;
  timezone: string;
  emailConsent: boolean;
  coupleStatus: CoupleStatus;
  clinicName: string;
  neutralPartnerEmails: boolean;
}

export interface NoticeSessionState extends NoticeSession {
  status: SessionStatus;
}

/** The SQL behind partners' appointment invitations and reminders. */
@Injectable()
export class SessionNoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Both partners of a couple (consenting or not: consent is checked again when anything fires). */
  partnersOf(manager: EntityManager, coupleId: string): Promise<NoticePartner[]> {
    return manager.query(
      `SELECT p.id AS "clientId", p.timezone, p.email_consent AS "emailConsent", c.status AS "coupleStatus"
       FROM client p JOIN couple c ON c.id = p.couple_id
       WHERE p.couple_id = $1 ORDER BY p.position`,
      [coupleId],
    );
  }

  /** Sessions' current times, places, versions and statuses; only the couple's own, in one statement. */
  async sessions(
    manager: EntityManager | null,
    coupleId: string,
    ids: readonly string[],
  ): Promise<NoticeSessionState[]> {
    const rows: {
      id: string;
      sequence: number;
      starts_at: Date;
      duration_minutes: number;
      location: string | null;
      video_url: string | null;
      status: SessionStatus;
    }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id, sequence, starts_at, duration_minutes, location, video_url, status
       FROM session WHERE couple_id = $1 AND id = ANY($2::uuid[]) ORDER BY starts_at, id`,
      [coupleId, [...ids]],
    );
    return rows.map((r) => ({
      id: r.id,
      sequence: r.sequence,
      startsAt: new Date(r.starts_at),
      durationMinutes: r.duration_minutes,
      location: r.location,
      videoUrl: r.video_url,
      status: r.status,
    }));
  }

  /** The partner an email goes to, in the delivery's clinic only; null when they are gone. */
  async recipient(manager: EntityManager, clientId: string, clinicId: string | null): Promise<NoticeRecipient | null> {
    const rows: NoticeRecipient[] = await manager.query(
      `SELECT p.id AS "clientId", p.couple_id AS "coupleId", p.name, p.email, p.timezone,
              p.email_consent AS "emailConsent", c.status AS "coupleStatus", cl.name AS "clinicName",
              cl.neutral_partner_emails AS "neutralPartnerEmails"
       FROM client p JOIN couple c ON c.id = p.couple_id JOIN clinic cl ON cl.id = p.clinic_id
       WHERE p.id = $1 AND p.clinic_id = $2`,
      [clientId, clinicId],
    );
    return rows[0] ?? null;
  }

  /** What a firing reminder checks: the session as it is now, with its partner's consent and couple. */
  async reminderState(
    manager: EntityManager,
    sessionId: string,
    clientId: string,
    clinicId: string,
  ): Promise<{ status: SessionStatus; startsAt: Date; emailConsent: boolean; coupleStatus: CoupleStatus } | null> {
    const rows: { status: SessionStatus; starts_at: Date; email_consent: boolean; couple_status: CoupleStatus }[] =
      await manager.query(
        `SELECT s.status, s.starts_at, p.email_consent, c.status AS couple_status
         FROM session s JOIN couple c ON c.id = s.couple_id JOIN client p ON p.couple_id = s.couple_id
         WHERE s.id = $1 AND p.id = $2 AND s.clinic_id = $3`,
        [sessionId, clientId, clinicId],
      );
    const row = rows[0];
    return row
      ? {
          status: row.status,
          startsAt: new Date(row.starts_at),
          emailConsent: row.email_consent,
          coupleStatus: row.couple_status,
        }
      : null;
  }
}
