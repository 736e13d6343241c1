import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, BookedSessions, ListResponse, SessionView } from '@trellis/contracts';
import type { TherapySession } from '@trellis/data';
import { NO_SHOW_ATTENDANCE, outcomeProblems, type PartnerAttendance } from '@trellis/domain';
import { advanceProgramInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CouplesService } from '../couples/couples.service';
import { validationProblem } from '../http/problem.exception';
import {
  BookSessionDto,
  CalendarQueryDto,
  CancelSessionDto,
  RescheduleSessionDto,
  SessionOutcomeDto,
} from './session.dto';
import { DEFAULT_SESSION_MINUTES, SessionScheduler } from './session-scheduler';
import { SessionsRepository } from './sessions.repository';

const sessionNotFound = () => new NotFoundException('No such session.');
const DAY_MS = 86_400_000;
/** The widest calendar range one request reads: two months (a month view with its edges). */
const CALENDAR_MAX_DAYS = 62;

/**
 * Sessions: a couple's schedule, its outcomes and attendance. Whoever sees the couple (its
 * therapist, or an admin of the clinic) sees and changes its sessions; anything else is a 404.
 * Every read and write is audited with ids only.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly scheduler: SessionScheduler,
    private readonly couples: CouplesService,
    private readonly audit: AuditService,
  ) {}

  async listForCouple(actor: StaffActor, coupleId: string): Promise<ListResponse<SessionView>> {
    const attempt = { action: 'session.list', recordType: 'couple', recordId: coupleId } as const;
    return this.audit.read(actor, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        await this.couples.findVisible(manager, actor.staff, coupleId);
        const data = await this.sessions.views(manager, actor.staff, { kind: 'couple', coupleId });
        await this.record(actor, 'session.list', coupleId, manager, { coupleId, rows: data.length }, 'couple');
        return { data, total: data.length };
      }),
    );
  }

  /**
   * The calendar: a therapist's own sessions in a range; an admin's, anyone's in the clinic. A
   * therapist asking for someone else's calendar gets a 403, recorded as a denied read naming the
   * therapist asked for.
   */
  async calendar(actor: StaffActor, query: CalendarQueryDto): Promise<ListResponse<SessionView>> {
    const user = actor.staff;
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to.getTime() <= from.getTime()) throw validationProblem([{ field: 'to', message: 'must be after from' }]);
    if (to.getTime() - from.getTime() > CALENDAR_MAX_DAYS * DAY_MS)
      throw validationProblem([{ field: 'to', message: `must be at most ${CALENDAR_MAX_DAYS} days after from` }]);
    const attempt = {
      action: 'session.list',
      recordType: 'staff',
      recordId: query.therapistId ?? user.id,
      details: { therapistId: query.therapistId ?? null },
    } as const;
    return this.audit.read(actor, attempt, async () => {
      if (query.therapistId && query.therapistId !== user.id && user.role !== 'admin')
        throw new ForbiddenException('Only admins can view another therapist’s calendar.');
      const therapistId = user.role === 'admin' ? (query.therapistId ?? null) : user.id;
      const data = await this.sessions.views(null, user, { kind: 'range', from, to, therapistId });
      await this.audit.record(actor, {
        action: 'session.list',
        outcome: 'success',
        recordType: 'session',
        details: { rows: data.length, therapistId },
      });
      return { data, total: data.length };
    });
  }

  async get(actor: StaffActor, sessionId: string): Promise<SessionView> {
    return this.audit.read(actor, { action: 'session.view', recordType: 'session', recordId: sessionId }, () =>
      this.dataSource.transaction(async (manager) => {
        const session = await this.visible(manager, actor, sessionId);
        await this.record(actor, 'session.view', session.id, manager);
        return this.view(manager, actor, session.id);
      }),
    );
  }

  async book(actor: StaffActor, coupleId: string, dto: BookSessionDto): Promise<BookedSessions> {
    if (dto.occurrences !== undefined && dto.frequency === undefined)
      throw validationProblem([{ field: 'frequency', message: 'is required with occurrences' }]);
    if (dto.frequency !== undefined && dto.occurrences === undefined)
      throw validationProblem([{ field: 'occurrences', message: 'is required with frequency' }]);
    return this.dataSource.transaction(async (manager) => {
      const couple = await this.couples.findVisible(manager, actor.staff, coupleId, true);
      if (couple.status === 'discharged')
        throw new ConflictException('This couple is discharged: reactivate them before booking a session.');
      const ids = await this.scheduler.book(manager, couple, {
        startsAt: new Date(dto.startsAt),
        durationMinutes: dto.durationMinutes ?? DEFAULT_SESSION_MINUTES,
        location: dto.location ?? null,
        videoUrl: dto.videoUrl ?? null,
        repeat: dto.frequency && dto.occurrences ? { frequency: dto.frequency, occurrences: dto.occurrences } : null,
      });
      for (const id of ids) await this.record(actor, 'session.create', id, manager, { coupleId });
      const data = await this.sessions.views(manager, actor.staff, { kind: 'ids', ids });
      return { data, total: data.length };
    });
  }

  async reschedule(actor: StaffActor, sessionId: string, dto: RescheduleSessionDto): Promise<SessionView> {
    const changes = {
      ...(dto.startsAt !== undefined ? { startsAt: new Date(dto.startsAt) } : {}),
      ...(dto.durationMinutes !== undefined ? { durationMinutes: dto.durationMinutes } : {}),
      ...(dto.location !== undefined ? { location: dto.location } : {}),
      ...(dto.videoUrl !== undefined ? { videoUrl: dto.videoUrl } : {}),
    };
    if (!Object.keys(changes).length)
      throw validationProblem([
        { field: 'startsAt', message: 'say what changes: startsAt, durationMinutes, location or videoUrl' },
      ]);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.visible(manager, actor, sessionId, true);
      const ids = await this.scheduler.move(manager, session, changes, dto.scope ?? 'this');
      for (const id of ids)
        await this.record(actor, 'session.update', id, manager, {
          fields: Object.keys(changes).join(','),
          scope: dto.scope ?? 'this',
        });
      return this.view(manager, actor, session.id);
    });
  }

  async cancel(actor: StaffActor, sessionId: string, dto: CancelSessionDto): Promise<SessionView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.visible(manager, actor, sessionId, true);
      const ids = await this.scheduler.cancel(manager, session, dto.reason, dto.scope ?? 'this');
      for (const id of ids) await this.record(actor, 'session.cancel', id, manager, { scope: dto.scope ?? 'this' });
      return this.view(manager, actor, session.id);
    });
  }

  /** Held or no-show, with each partner's attendance; only once the session has started. */
  async recordOutcome(actor: StaffActor, sessionId: string, dto: SessionOutcomeDto): Promise<SessionView> {
    const attendance: readonly [PartnerAttendance, PartnerAttendance] =
      dto.status === 'no_show' && dto.partner1 === undefined && dto.partner2 === undefined
        ? NO_SHOW_ATTENDANCE
        : [dto.partner1 ?? 'absent', dto.partner2 ?? 'absent'];
    const problems = outcomeProblems(dto.status, attendance);
    if (problems.length) throw validationProblem(problems);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.visible(manager, actor, sessionId, true);
      if (session.status === 'cancelled')
        throw new ConflictException('This session was cancelled: it has no outcome to record.');
      if (session.startsAt.getTime() > Date.now())
        throw new ConflictException('This session has not started yet: record its outcome once it has.');
      await this.sessions.recordOutcome(manager, session.id, dto.status, attendance);
      await this.scheduler.refreshNextSession(manager, session.clinicId, session.coupleId);
      // A held session may open the next step of the couple's program (the job decides; none, no-op).
      if (dto.status === 'held')
        await advanceProgramInTransaction(manager, session.clinicId, session.coupleId, `session-${session.id}`);
      await this.record(actor, 'session.outcome', session.id, manager, {
        status: dto.status,
        partner1: attendance[0],
        partner2: attendance[1],
      });
      return this.view(manager, actor, session.id);
    });
  }

  private async visible(
    manager: EntityManager,
    actor: StaffActor,
    sessionId: string,
    lock = false,
  ): Promise<TherapySession> {
    const session = await this.sessions.findVisible(manager, actor.staff, sessionId, lock);
    if (!session) throw sessionNotFound();
    return session;
  }

  private async view(manager: EntityManager, actor: StaffActor, sessionId: string): Promise<SessionView> {
    const [view] = await this.sessions.views(manager, actor.staff, { kind: 'ids', ids: [sessionId] });
    if (!view) throw sessionNotFound();
    return view;
  }

  private record(
    actor: StaffActor,
    action: AuditAction,
    recordId: string,
    manager: EntityManager,
    details?: Record<string, string | number | null>,
    recordType = 'session',
  ) {
    return this.audit.record(actor, { action, outcome: 'success', recordType, recordId, details }, manager);
  }
}
