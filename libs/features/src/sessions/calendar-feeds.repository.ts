import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface LiveFeed {
  id: string;
  clinicId: string;
  staffId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** One session as the feed shows it: times and place, nothing clinical. */
export interface FeedSession {
  id: string;
  coupleId: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  status: string;
}

interface FeedRow {
  id: string;
  clinic_id: string;
  staff_id: string;
  created_at: Date;
  expires_at: Date;
}

const toFeed = (r: FeedRow): LiveFeed => ({
  id: r.id,
  clinicId: r.clinic_id,
  staffId: r.staff_id,
  createdAt: new Date(r.created_at),
  expiresAt: new Date(r.expires_at),
});

/** Calendar feeds (token hashes only) and the sessions a feed shows. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async liveFor(staffId: string): Promise<LiveFeed | null> {
    const rows: FeedRow[] = await this.dataSource.query(
      `SELECT id, clinic_id, staff_id, created_at, expires_at FROM calendar_feed
       WHERE staff_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [staffId],
    );
    return rows[0] ? toFeed(rows[0]) : null;
  }

  /** Revokes the person's live feed, if any; true when there was one. */
  async revoke(manager: EntityManager, staffId: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE calendar_feed SET revoked_at = now() WHERE staff_id = $1 AND revoked_at IS NULL`,
      [staffId],
    );
    return affected > 0;
  }

  async insert(manager: EntityManager, clinicId: string, staffId: string, tokenHash: string, expiresAt: Date) {
    const rows: FeedRow[] = await manager.query(
      `INSERT INTO calendar_feed (clinic_id, staff_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)
       RETURNING id, clinic_id, staff_id, created_at, expires_at`,
      [clinicId, staffId, tokenHash, expiresAt.toISOString()],
    );
    return toFeed(rows[0]);
  }

  /** The live, unexpired feed with this token hash, whose owner is still active. */
  async findByTokenHash(tokenHash: string): Promise<LiveFeed | null> {
    const rows: FeedRow[] = await this.dataSource.query(
      `SELECT f.id, f.clinic_id, f.staff_id, f.created_at, f.expires_at FROM calendar_feed f
       JOIN staff_user s ON s.id = f.staff_id AND s.status = 'active'
       WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND f.expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ? toFeed(rows[0]) : null;
  }

  /** The therapist's sessions from `from` to `to`, cancelled ones included (calendars remove them). */
  async sessionsOf(clinicId: string, therapistId: string, from: Date, to: Date): Promise<FeedSession[]> {
    const rows: {
      id: string;
      couple_id: string;
      starts_at: Date;
      duration_minutes: number;
      location: string | null;
      video_url: string | null;
      status: string;
    }[] = await this.dataSource.query(
      `SELECT id, couple_id, starts_at, duration_minutes, location, video_url, status FROM session
       WHERE clinic_id = $1 AND therapist_id = $2 AND starts_at >= $3 AND starts_at < $4
       ORDER BY starts_at, id`,
      [clinicId, therapistId, from.toISOString(), to.toISOString()],
    );
    return rows.map((r) => ({
      id: r.id,
      coupleId: r.couple_id,
      startsAt: new Date(r.starts_at),
      durationMinutes: r.duration_minutes,
      location: r.location,
      videoUrl: r.video_url,
      status: r.status,
    }));
  }
}
