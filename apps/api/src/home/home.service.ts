import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SessionUser, TherapistHome } from '@trellis/contracts';

const LIST_LIMIT = 20;

/**
 * The home screen in five statements whatever the caseload size: each is scoped to the
 * therapist's own couples (an admin sees the clinic) and served by the caseload indexes.
 */
@Injectable()
export class HomeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async home(user: SessionUser): Promise<TherapistHome> {
    const scope = user.role === 'admin' ? 'c.clinic_id = $1' : 'c.clinic_id = $1 AND c.therapist_id = $2';
    const params = user.role === 'admin' ? [user.clinicId] : [user.clinicId, user.id];
    const q = <T>(sql: string) => this.dataSource.query(sql, params) as Promise<T[]>;
    // Per-assignment completion: both partners submitted; completed_at is the later submission.
    const assignmentsWithState = `
      SELECT a.*, c.display_name AS couple_name,
             bool_and(r.submitted_at IS NOT NULL) AS completed,
             max(r.submitted_at) AS completed_at,
             array_agg(cl.name ORDER BY cl.position) FILTER (WHERE r.submitted_at IS NULL) AS waiting_for
      FROM assignment a
      JOIN couple c ON c.id = a.couple_id
      JOIN homework_response r ON r.assignment_id = a.id
      JOIN client cl ON cl.id = r.client_id
      WHERE ${scope} AND a.cancelled_at IS NULL
      GROUP BY a.id, c.display_name`;

    const [awaiting, overdue, upcoming, weeks, strategies] = await Promise.all([
      q<{ id: string; couple_id: string; couple_name: string; title: string; completed_at: Date }>(
        `SELECT * FROM (${assignmentsWithState}) s WHERE completed AND reviewed_at IS NULL ORDER BY completed_at ASC LIMIT ${LIST_LIMIT}`,
      ),
      q<{ id: string; couple_id: string; couple_name: string; title: string; due_at: Date; waiting_for: string[] | null }>(
        `SELECT * FROM (${assignmentsWithState}) s WHERE NOT completed AND reviewed_at IS NULL AND due_at < now() ORDER BY due_at ASC LIMIT ${LIST_LIMIT}`,
      ),
      q<{ id: string; display_name: string; next_session_at: Date }>(
        `SELECT c.id, c.display_name, c.next_session_at FROM couple c
         WHERE ${scope} AND c.status = 'active' AND c.next_session_at BETWEEN now() AND now() + interval '48 hours'
         ORDER BY c.next_session_at ASC LIMIT ${LIST_LIMIT}`,
      ),
      q<{ week_start: Date; due: number; completed: number }>(
        `SELECT w.week_start, count(s.id)::int AS due, count(s.id) FILTER (WHERE s.completed)::int AS completed
         FROM generate_series(date_trunc('week', now()) - interval '7 weeks', date_trunc('week', now()), interval '1 week') AS w(week_start)
         LEFT JOIN (${assignmentsWithState}) s ON date_trunc('week', s.due_at) = w.week_start
         GROUP BY w.week_start ORDER BY w.week_start`,
      ),
      q<{ strategy: string; assigned: number; completed: number }>(
        `SELECT strategy, count(*)::int AS assigned, count(*) FILTER (WHERE completed)::int AS completed
         FROM (${assignmentsWithState}) s GROUP BY strategy ORDER BY assigned DESC, strategy`,
      ),
    ]);
    return {
      awaitingReview: awaiting.map((r) => ({ assignmentId: r.id, coupleId: r.couple_id, coupleName: r.couple_name, title: r.title, completedAt: r.completed_at.toISOString() })),
      overdue: overdue.map((r) => ({ assignmentId: r.id, coupleId: r.couple_id, coupleName: r.couple_name, title: r.title, dueAt: r.due_at.toISOString(), waitingFor: r.waiting_for ?? [] })),
      upcomingSessions: upcoming.map((r) => ({ coupleId: r.id, coupleName: r.display_name, nextSessionAt: r.next_session_at.toISOString() })),
      completionByWeek: weeks.map((w) => ({ weekStart: new Date(w.week_start).toISOString().slice(0, 10), due: w.due, completed: w.completed })),
      completionByStrategy: strategies,
    };
  }
}
