import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@trellis/config';
import type { CalendarFeedView } from '@trellis/contracts';
import { hashSecretToken, mintSecretToken } from '@trellis/data';
import type { Actor, StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../config/config.tokens';
import { sessionsCalendar } from './calendar-feed.ics';
import { CalendarFeedsRepository, type FeedSession } from './calendar-feeds.repository';

const DAY_MS = 86_400_000;
/** A feed lives a year; the therapist makes a new one from their account (calendars need a stable URL). */
const FEED_LIFETIME_DAYS = 365;
/** What a feed shows: the last month and the coming year. */
const PAST_DAYS = 31;
const FUTURE_DAYS = 366;
const feedNotFound = () => new NotFoundException('No such calendar feed.');

/**
 * Each therapist's private, revocable iCalendar feed. The URL carries a random token whose hash
 * alone is stored. The feed carries times, place and a link to the couple's page: no names, no
 * attendance, no notes, since a calendar app is outside the clinic.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feeds: CalendarFeedsRepository,
    private readonly audit: AuditService,
  ) {}

  async status(actor: StaffActor): Promise<CalendarFeedView> {
    const feed = await this.feeds.liveFor(actor.staff.id);
    return {
      active: Boolean(feed),
      createdAt: feed?.createdAt.toISOString() ?? null,
      expiresAt: feed?.expiresAt.toISOString() ?? null,
      url: null,
    };
  }

  /** A new feed URL (the old one stops working), shown this once. */
  async create(actor: StaffActor): Promise<CalendarFeedView> {
    const { token, hash } = mintSecretToken();
    const feed = await this.dataSource.transaction(async (manager) => {
      await this.feeds.revoke(manager, actor.staff.id);
      const created = await this.feeds.insert(
        manager,
        actor.staff.clinicId,
        actor.staff.id,
        hash,
        new Date(Date.now() + FEED_LIFETIME_DAYS * DAY_MS),
      );
      await this.audit.record(
        actor,
        { action: 'calendar_feed.create', outcome: 'success', recordType: 'calendar_feed', recordId: created.id },
        manager,
      );
      return created;
    });
    return {
      active: true,
      createdAt: feed.createdAt.toISOString(),
      expiresAt: feed.expiresAt.toISOString(),
      url: `${this.config.http.publicUrl}/api/v1/calendar-feeds/${token}`,
    };
  }

  async revoke(actor: StaffActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const revoked = await this.feeds.revoke(manager, actor.staff.id);
      if (revoked)
        await this.audit.record(
          actor,
          { action: 'calendar_feed.revoke', outcome: 'success', recordType: 'calendar_feed' },
          manager,
        );
    });
  }

  /** The feed's iCalendar text; 404 (recorded as denied) for an unknown, revoked or expired token. */
  async render(actor: Actor, token: string): Promise<string> {
    const feed = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.feeds.findByTokenHash(hashSecretToken(token)) : null;
    if (!feed) {
      await this.audit.record(actor, { action: 'calendar_feed.read', outcome: 'denied', recordType: 'calendar_feed' });
      throw feedNotFound();
    }
    const now = Date.now();
    const sessions = await this.feeds.sessionsOf(
      feed.clinicId,
      feed.staffId,
      new Date(now - PAST_DAYS * DAY_MS),
      new Date(now + FUTURE_DAYS * DAY_MS),
    );
    await this.audit.record(actor, {
      action: 'calendar_feed.read',
      outcome: 'success',
      recordType: 'calendar_feed',
      recordId: feed.id,
      details: { rows: sessions.length },
      // The reader is a calendar app holding the therapist's secret: the row names the therapist.
      attributedTo: { clinicId: feed.clinicId, actorId: feed.staffId },
    });
    return this.calendar(sessions);
  }

  private calendar(sessions: readonly FeedSession[]): string {
    return sessionsCalendar(sessions, this.config.http.publicUrl);
  }
}
