import { ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { SessionChangeScope, SessionFrequency } from '@trellis/contracts';
import type { TherapySession } from '@trellis/data';
import { moveOccurrence, planOccurrences } from '@trellis/domain';
import {
  planCheckInsInTransaction,
  planPreSessionDigestInTransaction,
  replanRemindersInTransaction,
} from '@trellis/jobs';
import { ProblemException } from '../http/problem.exception';
import { SessionNotices } from './session-notices';
import { SessionsRepository, type SessionTimes } from './sessions.repository';

/** The length of a session booked without one (and of each migrated next session). */
export const DEFAULT_SESSION_MINUTES = 50;
/** Why a session is cancelled when the couple's "next session" is cleared through the couple. */
export const CLEARED_FROM_COUPLE = 'Next session cleared from the couple’s record';

export interface SessionPlan {
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  repeat: { frequency: SessionFrequency; occurrences: number } | null;
}

export interface SessionChanges {
  startsAt?: Date;
  durationMinutes?: number;
  location?: string | null;
  videoUrl?: string | null;
}

interface CoupleRef {
  id: string;
  clinicId: string;
  therapistId: string;
}

/**
 * Every change to the schedule goes through here, inside the caller's transaction: the clash
 * check (serialized per therapist), the series rules, re-deriving the couple's `next_session_at`
 * (with whatever depends on it re-planned when it changed), and the partners' invitations and
 * reminders.
 * The couples feature uses it too, for the old "next session" field.
 */
@Injectable()
export class SessionScheduler {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly notices: SessionNotices,
  ) {}

  /** Books a one-off session or a series; the new sessions' ids, earliest first. */
  async book(manager: EntityManager, couple: CoupleRef, plan: SessionPlan): Promise<string[]> {
    const timeZone = await this.sessions.clinicTimeZone(manager, couple.clinicId);
    const starts = plan.repeat
      ? planOccurrences(plan.startsAt.getTime(), timeZone, plan.repeat.frequency, plan.repeat.occurrences)
      : [plan.startsAt.getTime()];
    const slots = starts.map((ms) => ({ startsAt: new Date(ms), durationMinutes: plan.durationMinutes }));
    await this.ensureFree(manager, couple.therapistId, timeZone, slots, []);
    const seriesId = plan.repeat ? randomUUID() : null;
    const ids = await this.sessions.insertMany(
      manager,
      slots.map((slot) => ({
        clinicId: couple.clinicId,
        coupleId: couple.id,
        therapistId: couple.therapistId,
        seriesId,
        frequency: plan.repeat?.frequency ?? null,
        startsAt: slot.startsAt,
        durationMinutes: slot.durationMinutes,
        location: plan.location,
        videoUrl: plan.videoUrl,
      })),
    );
    await this.refreshNextSession(manager, couple.clinicId, couple.id);
    await this.notices.queueInTransaction(manager, couple.clinicId, couple.id, ids, 'invitation');
    return ids;
  }

  /**
   * Moves (or re-times, or re-places) a scheduled session; with scope "following", every later
   * scheduled session of its series too, by the same local days and to the same local time.
   */
  async move(
    manager: EntityManager,
    session: TherapySession,
    changes: SessionChanges,
    scope: SessionChangeScope,
  ): Promise<string[]> {
    if (session.status !== 'scheduled')
      throw new ConflictException(
        `This session is ${session.status.replace('_', '-')}: only a scheduled session can change.`,
      );
    const timeZone = await this.sessions.clinicTimeZone(manager, session.clinicId);
    const targets =
      scope === 'following' && session.seriesId
        ? await this.sessions.followingInSeries(manager, session.seriesId, session.startsAt)
        : [session];
    const from = session.startsAt.getTime();
    const to = (changes.startsAt ?? session.startsAt).getTime();
    const times: SessionTimes[] = targets.map((t) => ({
      id: t.id,
      startsAt: new Date(t.id === session.id ? to : moveOccurrence(from, to, t.startsAt.getTime(), timeZone)),
      durationMinutes: changes.durationMinutes ?? t.durationMinutes,
    }));
    await this.ensureFree(
      manager,
      session.therapistId,
      timeZone,
      times,
      times.map((t) => t.id),
    );
    await this.sessions.updateTimes(manager, times, { location: changes.location, videoUrl: changes.videoUrl });
    await this.refreshNextSession(manager, session.clinicId, session.coupleId);
    const ids = times.map((t) => t.id);
    // Homework due "before this session" moves with it, and so do its reminders.
    const responseIds = await this.sessions.moveDueDates(manager, ids);
    if (responseIds.length) await replanRemindersInTransaction(manager, session.clinicId, responseIds);
    await this.notices.queueInTransaction(manager, session.clinicId, session.coupleId, ids, 'invitation');
    return ids;
  }

  /** Cancels a scheduled session (with scope "following", the rest of its series too). */
  async cancel(
    manager: EntityManager,
    session: TherapySession,
    reason: string,
    scope: SessionChangeScope,
  ): Promise<string[]> {
    if (session.status !== 'scheduled')
      throw new ConflictException(
        `This session is ${session.status.replace('_', '-')}: only a scheduled session can be cancelled.`,
      );
    const targets =
      scope === 'following' && session.seriesId
        ? await this.sessions.followingInSeries(manager, session.seriesId, session.startsAt)
        : [session];
    const ids = targets.map((t) => t.id);
    await this.sessions.cancel(manager, ids, reason);
    await this.refreshNextSession(manager, session.clinicId, session.coupleId);
    // Homework due "before this session" is due before the next one now, reminders and all.
    const responseIds = await this.sessions.relinkDueDatesFromCancelled(manager, ids);
    if (responseIds.length) await replanRemindersInTransaction(manager, session.clinicId, responseIds);
    await this.notices.queueInTransaction(manager, session.clinicId, session.coupleId, ids, 'cancellation');
    return ids;
  }

  /**
   * A couple moving to another therapist takes its future sessions along, provided none overlaps
   * the new therapist's own schedule; otherwise a 409 names both times and nothing changes.
   */
  async reassign(manager: EntityManager, clinicId: string, coupleId: string, therapistId: string): Promise<void> {
    const future = await this.sessions.futureScheduled(manager, coupleId);
    await this.sessions.lockTherapistSchedule(manager, therapistId);
    const clash = await this.sessions.findClash(
      manager,
      therapistId,
      future,
      future.map((s) => s.id),
    );
    if (clash) {
      const timeZone = await this.sessions.clinicTimeZone(manager, clinicId);
      const end = clash.startsAt.getTime() + clash.durationMinutes * 60_000;
      const theirs = future.find(
        (s) =>
          s.startsAt.getTime() < end && clash.startsAt.getTime() < s.startsAt.getTime() + s.durationMinutes * 60_000,
      );
      throw new ProblemException(
        HttpStatus.CONFLICT,
        `The new therapist already has a session ${describeSlot(clash.startsAt, clash.durationMinutes, timeZone)}` +
          (theirs
            ? `, which overlaps this couple’s session ${describeSlot(theirs.startsAt, theirs.durationMinutes, timeZone)}`
            : '') +
          ': move or cancel one of them before reassigning.',
      );
    }
    await this.sessions.reassignFuture(manager, coupleId, therapistId);
  }

  /**
   * The couple's old "next session" field, kept for existing clients: a date moves the couple's
   * next scheduled session there (or books a one-off when there is none); null cancels it.
   */
  async setNextSession(manager: EntityManager, couple: CoupleRef, at: Date | null): Promise<void> {
    const next = await this.sessions.nextScheduled(manager, couple.id);
    if (at === null) {
      if (next) await this.cancel(manager, next, CLEARED_FROM_COUPLE, 'this');
      else await this.refreshNextSession(manager, couple.clinicId, couple.id);
      return;
    }
    if (next) await this.move(manager, next, { startsAt: at }, 'this');
    else
      await this.book(manager, couple, {
        startsAt: at,
        durationMinutes: DEFAULT_SESSION_MINUTES,
        location: null,
        videoUrl: null,
        repeat: null,
      });
  }

  /**
   * Re-derives `couple.next_session_at`; when it changed, re-plans what follows it. Anything new
   * that reacts to a couple's next session belongs here.
   */
  async refreshNextSession(manager: EntityManager, clinicId: string, coupleId: string): Promise<void> {
    const { before, after } = await this.sessions.refreshNextSession(manager, coupleId);
    if (before?.getTime() === after?.getTime()) return;
    await planPreSessionDigestInTransaction(manager, clinicId, coupleId);
    // Check-ins timed before or after a session move, or are cancelled, with it.
    await planCheckInsInTransaction(manager, clinicId, coupleId);
  }

  private async ensureFree(
    manager: EntityManager,
    therapistId: string,
    timeZone: string,
    slots: readonly { startsAt: Date; durationMinutes: number }[],
    ignoreIds: readonly string[],
  ): Promise<void> {
    await this.sessions.lockTherapistSchedule(manager, therapistId);
    const clash = await this.sessions.findClash(manager, therapistId, slots, ignoreIds);
    if (!clash) return;
    throw new ProblemException(
      HttpStatus.CONFLICT,
      `The therapist already has a session ${describeSlot(clash.startsAt, clash.durationMinutes, timeZone)}: choose another time.`,
    );
  }
}

/** "on Tue 8 Dec 2026, 10:00–10:50 (Europe/London)": the clinic's wall clock. */
export function describeSlot(startsAt: Date, minutes: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(startsAt);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const end = new Date(startsAt.getTime() + minutes * 60_000);
  return `on ${day}, ${time.format(startsAt)}–${time.format(end)} (${timeZone})`;
}
