import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { planReminders } from '@trellis/domain';
import { type AnyOutboxJob, type EmailRequest, JobName, queueEmailsAndJobsInTransaction } from '@trellis/jobs';
import { SessionNoticesRepository } from './session-notices.repository';

/** The appointment reminder goes out a day before (moved out of the partner's quiet hours). */
export const SESSION_REMINDER_HOURS = 24;

export type NoticeKind = 'invitation' | 'cancellation';

export function sessionReminderJobId(sessionId: string, clientId: string, startsAtMs: number): string {
  return `session-reminder-${sessionId}-${clientId}-${startsAtMs}`;
}

/** "id:sequence,…": which version of each session an email was queued for (ids and numbers only). */
export function encodeVersions(sessions: readonly { id: string; sequence: number }[]): string {
  return sessions.map((s) => `${s.id}:${s.sequence}`).join(',');
}

export function decodeVersions(value: string | undefined): Map<string, number> {
  const versions = new Map<string, number>();
  for (const part of (value ?? '').split(',')) {
    const [id, sequence] = part.split(':');
    if (id && /^\d+$/.test(sequence ?? '')) versions.set(id, Number(sequence));
  }
  return versions;
}

/**
 * What partners hear when their schedule changes, queued in the change's transaction: one
 * invitation (or cancellation) email per consenting partner per change, with an .ics for every
 * session it touched, and a reminder job a day before each scheduled session for each partner.
 *
 * Exactly once: the email's idempotency key names the first session's new SEQUENCE, so repeating a
 * change's work queues nothing new; a session changed again before its email went out is left out
 * of that email at send time (the newer email carries it). Reminder jobs have deterministic ids per
 * session, partner and start time: a session moved elsewhere gets a new job, and the old one finds
 * the start changed when it fires and does nothing.
 */
@Injectable()
export class SessionNotices {
  constructor(private readonly notices: SessionNoticesRepository) {}

  async queueInTransaction(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    sessionIds: readonly string[],
    kind: NoticeKind,
  ): Promise<void> {
    if (!sessionIds.length) return;
    const [partners, sessions] = await Promise.all([
      this.notices.partnersOf(manager, coupleId),
      this.notices.sessions(manager, coupleId, sessionIds),
    ]);
    if (!sessions.length) return;
    const active = partners.length > 0 && partners[0].coupleStatus === 'active';
    const emails: EmailRequest[] = active
      ? partners
          .filter((p) => p.emailConsent)
          .map((p) => ({
            clinicId,
            template: 'session-invitation',
            subjectIds: { clientId: p.clientId, kind, sessions: encodeVersions(sessions) },
            idempotencyKey: `session-${kind}-${p.clientId}-${sessions[0].id}-${sessions[0].sequence}`,
          }))
      : [];
    const now = Date.now();
    const jobs: AnyOutboxJob[] = [];
    if (kind === 'invitation') {
      // Every partner, consenting or not: consent (and the couple's state) is read when it fires.
      for (const s of sessions) {
        if (s.status !== 'scheduled') continue;
        for (const p of partners) {
          const [slot] = planReminders({
            dueAt: s.startsAt,
            timezone: p.timezone,
            now,
            offsetsHours: [SESSION_REMINDER_HOURS],
            overdueNudgeHours: null,
          });
          if (!slot) continue;
          const startsAtMs = s.startsAt.getTime();
          jobs.push({
            name: JobName.SendSessionReminder,
            data: { sessionId: s.id, clientId: p.clientId, clinicId, startsAtMs },
            jobId: sessionReminderJobId(s.id, p.clientId, startsAtMs),
            runAt: slot.sendAt,
          });
        }
      }
    }
    await queueEmailsAndJobsInTransaction(manager, { emails, jobs });
  }
}
