import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AssignmentDetail, AssignmentSummary, SessionUser } from '@trellis/contracts';
import { Assignment, Couple } from '@trellis/data';
import {
  advanceProgramInTransaction,
  queueEmailsAndJobsInTransaction,
  queueEmailInTransaction,
  replanRemindersInTransaction,
} from '@trellis/jobs';
import { randomUUID } from 'node:crypto';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CouplesRepository } from '../couples/couples.repository';
import { CouplesService } from '../couples/couples.service';
import { SafetyService } from '../safety/safety.service';
import { validationProblem } from '../http/problem.exception';
import { CreateAssignmentsDto, ReviewAssignmentDto, UpdateAssignmentDto } from './assignment.dto';
import { toDetail, toSummary } from './assignment.view';
import { AssignmentIssuer } from './assignment-issuer';
import { AssignmentsRepository } from './assignments.repository';
import { homeworkReplyEmail } from './homework-link-emails';

function futureDate(value: string, field: string): Date {
  const date = new Date(value);
  if (date.getTime() <= Date.now()) throw validationProblem([{ field, message: 'must be in the future' }]);
  return date;
}

/** Homework: assigning (frozen prompts, one response per partner), rescheduling, cancelling, reviewing. */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly couples: CouplesService,
    private readonly audit: AuditService,
    private readonly assignments: AssignmentsRepository,
    private readonly coupleRows: CouplesRepository,
    private readonly safety: SafetyService,
    private readonly issuer: AssignmentIssuer,
  ) {}

  /** One exercise to one or many couples, all or nothing. */
  async create(actor: StaffActor, dto: CreateAssignmentsDto): Promise<AssignmentSummary[]> {
    const user = actor.staff;
    if ((dto.dueAt === undefined) === (dto.dueBeforeSessionHours === undefined))
      throw validationProblem([
        { field: 'dueAt', message: 'give either dueAt or dueBeforeSessionHours (hours before the next session)' },
      ]);
    const fixedDueAt = dto.dueAt !== undefined ? futureDate(dto.dueAt, 'dueAt') : null;
    return this.dataSource.transaction(async (manager) => {
      const exercise = await this.assignments.findAssignableExercise(manager, user.clinicId, dto.exerciseId);
      if (!exercise) throw validationProblem([{ field: 'exerciseId', message: 'must be an exercise in your library' }]);
      const couples: Couple[] = [];
      for (const coupleId of dto.coupleIds) couples.push(await this.couples.findVisible(manager, user, coupleId, true));
      const inactive = couples.find((c) => c.status !== 'active');
      if (inactive)
        throw new ConflictException(
          `${inactive.displayName} is ${inactive.status}: reactivate the couple to assign homework.`,
        );
      // A partner said joint work does not feel safe: nothing new until the therapist has looked.
      await this.safety.refuseJointWorkWhilePaused(manager, actor, couples);
      const perCouple =
        dto.dueBeforeSessionHours !== undefined
          ? await this.dueBeforeNextSessions(manager, couples, dto.dueBeforeSessionHours)
          : undefined;

      const assignments = await this.issuer.issue(manager, {
        clinicId: user.clinicId,
        exercise,
        coupleIds: couples.map((c) => c.id),
        // With per-couple due dates, each couple's own wins; this one is only their earliest.
        dueAt: fixedDueAt ?? new Date(Math.min(...[...(perCouple?.values() ?? [])].map((d) => d.dueAt.getTime()))),
        perCouple,
        message: dto.message ?? '',
        shareAnswersAfterBoth: dto.shareAnswersAfterBoth ?? false,
        assignedBy: user.id,
      });
      await this.coupleRows.touch(
        manager,
        couples.map((c) => c.id),
      );
      for (const a of assignments) {
        await this.audit.record(
          actor,
          {
            action: 'assignment.create',
            outcome: 'success',
            recordType: 'assignment',
            recordId: a.id,
            details: { coupleId: a.coupleId, exerciseId: exercise.id },
          },
          manager,
        );
      }
      return this.summarise(assignments, manager);
    });
  }

  /**
   * "Due before the next session": each couple's homework is due `hours` before its own next
   * scheduled session. A couple with no session ahead, or whose session is too soon for that, is a
   * 400 naming it: nothing is assigned to anyone.
   */
  private async dueBeforeNextSessions(manager: EntityManager, couples: readonly Couple[], hours: number) {
    const next = await this.assignments.nextSessionsOf(
      manager,
      couples.map((c) => c.id),
    );
    const due = new Map<string, { dueAt: Date; dueSessionId: string; dueHoursBeforeSession: number }>();
    for (const couple of couples) {
      const session = next.get(couple.id);
      if (!session)
        throw validationProblem([
          { field: 'dueBeforeSessionHours', message: `${couple.displayName} has no upcoming session: give a dueAt` },
        ]);
      const dueAt = new Date(session.startsAt.getTime() - hours * 3_600_000);
      if (dueAt.getTime() <= Date.now())
        throw validationProblem([
          {
            field: 'dueBeforeSessionHours',
            message: `${couple.displayName}’s next session is sooner than ${hours} hours from now: choose fewer hours or a dueAt`,
          },
        ]);
      due.set(couple.id, { dueAt, dueSessionId: session.sessionId, dueHoursBeforeSession: hours });
    }
    return due;
  }

  async listForCouple(actor: StaffActor, coupleId: string): Promise<AssignmentSummary[]> {
    await this.audit.read(actor, { action: 'assignment.list', recordType: 'couple', recordId: coupleId }, () =>
      this.couples.findVisibleOrFail(actor.staff, coupleId),
    );
    const assignments = await this.assignments.listForCouple(actor.staff.clinicId, coupleId);
    await this.audit.record(actor, {
      action: 'assignment.list',
      outcome: 'success',
      recordType: 'couple',
      recordId: coupleId,
    });
    return this.summarise(assignments);
  }

  async get(actor: StaffActor, id: string): Promise<AssignmentDetail> {
    const assignment = await this.audit.read(
      actor,
      { action: 'assignment.view', recordType: 'assignment', recordId: id },
      () => this.findVisible(actor.staff, id),
    );
    const responses = await this.assignments.responsesWithPartners([assignment.id]);
    const comments = await this.assignments.reviewComments(actor.staff.clinicId, assignment.id);
    await this.audit.record(actor, {
      action: 'assignment.view',
      outcome: 'success',
      recordType: 'assignment',
      recordId: id,
    });
    return toDetail(assignment, responses.get(assignment.id) ?? [], comments);
  }

  async update(actor: StaffActor, id: string, dto: UpdateAssignmentDto): Promise<AssignmentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.findVisible(actor.staff, id, manager);
      if (assignment.cancelledAt) throw new ConflictException('This homework was cancelled.');
      const changes: Partial<Assignment> = {};
      if (dto.dueAt !== undefined) {
        changes.dueAt = futureDate(dto.dueAt, 'dueAt');
        // A date set by hand is the therapist's: it no longer follows the session.
        changes.dueSessionId = null;
        changes.dueHoursBeforeSession = null;
      }
      if (dto.message !== undefined) changes.message = dto.message;
      if (Object.keys(changes).length === 0) return;
      await this.assignments.update(manager, id, changes);
      if (changes.dueAt) await this.replan(manager, actor.staff.clinicId, id);
      await this.audit.record(
        actor,
        {
          action: 'assignment.update',
          outcome: 'success',
          recordType: 'assignment',
          recordId: id,
          details: {
            fields: Object.keys(changes)
              .filter((k) => !k.startsWith('due') || k === 'dueAt')
              .join(','),
          },
        },
        manager,
      );
    });
    return this.get(actor, id);
  }

  async cancel(actor: StaffActor, id: string): Promise<AssignmentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.findVisible(actor.staff, id, manager);
      if (assignment.cancelledAt) throw new ConflictException('This homework is already cancelled.');
      await this.assignments.update(manager, id, { cancelledAt: new Date() });
      await this.replan(manager, actor.staff.clinicId, id);
      await this.audit.record(
        actor,
        { action: 'assignment.cancel', outcome: 'success', recordType: 'assignment', recordId: id },
        manager,
      );
    });
    return this.get(actor, id);
  }

  async review(actor: StaffActor, id: string, dto: ReviewAssignmentDto): Promise<AssignmentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.findVisible(actor.staff, id, manager);
      if (assignment.cancelledAt) throw new ConflictException('This homework was cancelled.');
      const { submitted } = await this.assignments.submissionCounts(manager, id);
      if (submitted === 0) throw new ConflictException('Neither partner has submitted yet.');
      const reviewedAt = new Date();
      await this.assignments.update(manager, id, { reviewedAt, reviewedBy: actor.staff.id });
      // A program step's homework, reviewed: the couple's next step may open (the job decides).
      if (assignment.programStepId)
        await advanceProgramInTransaction(
          manager,
          actor.staff.clinicId,
          assignment.coupleId,
          `review-${id}-${reviewedAt.getTime()}`,
        );
      const body = dto.comment?.trim();
      // A comment joins the history (a second review no longer replaces the first), and each
      // partner who agreed to email is told a reply is waiting: the email carries no words of it.
      const comment = body
        ? await this.assignments.addReviewComment(manager, {
            clinicId: actor.staff.clinicId,
            assignmentId: id,
            authorId: actor.staff.id,
            body,
          })
        : null;
      if (comment) {
        const responseIds = await this.assignments.responsesWithEmailConsent(manager, id);
        await queueEmailsAndJobsInTransaction(manager, {
          emails: responseIds.map((responseId) => homeworkReplyEmail(actor.staff.clinicId, responseId, comment.id)),
        });
      }
      await this.coupleRows.touch(manager, [assignment.coupleId]);
      await this.audit.record(
        actor,
        {
          action: 'assignment.review',
          outcome: 'success',
          recordType: 'assignment',
          recordId: id,
          ...(comment ? { details: { commentId: comment.id } } : {}),
        },
        manager,
      );
    });
    return this.get(actor, id);
  }

  private async replan(manager: EntityManager, clinicId: string, assignmentId: string): Promise<void> {
    await replanRemindersInTransaction(manager, clinicId, await this.assignments.responseIds(manager, assignmentId));
  }

  /** Sends the partner a fresh link; minting it (in the worker) invalidates the old one. */
  async resendLink(actor: StaffActor, id: string, clientId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { assignment, response, client } = await this.partnerResponse(manager, actor.staff, id, clientId);
      if (response.submittedAt) throw new ConflictException('This partner has already submitted.');
      if (!client.emailConsent)
        throw new ConflictException('This partner has not agreed to receive email: update their consent first.');
      // The old link dies when the new one is minted; a phone already in with it stops now.
      await this.assignments.endHomeworkSessions(manager, response.id);
      await queueEmailInTransaction(manager, {
        clinicId: actor.staff.clinicId,
        template: 'homework-link',
        subjectIds: { responseId: response.id },
        idempotencyKey: `homework-link-${response.id}-${randomUUID()}`,
      });
      await this.audit.record(
        actor,
        {
          action: 'homework.link_resend',
          outcome: 'success',
          recordType: 'homework_response',
          recordId: response.id,
          details: { assignmentId: assignment.id },
        },
        manager,
      );
    });
  }

  /** Stops the partner's current link at once. */
  async revokeLink(actor: StaffActor, id: string, clientId: string): Promise<AssignmentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const { assignment, response } = await this.partnerResponse(manager, actor.staff, id, clientId);
      await this.assignments.revokeLink(manager, response.id);
      await replanRemindersInTransaction(manager, actor.staff.clinicId, [response.id]);
      await this.audit.record(
        actor,
        {
          action: 'homework.link_revoke',
          outcome: 'success',
          recordType: 'homework_response',
          recordId: response.id,
          details: { assignmentId: assignment.id },
        },
        manager,
      );
    });
    return this.get(actor, id);
  }

  private async partnerResponse(manager: EntityManager, user: SessionUser, id: string, clientId: string) {
    const assignment = await this.findVisible(user, id, manager);
    if (assignment.cancelledAt) throw new ConflictException('This homework was cancelled.');
    const partner = await this.assignments.partnerResponse(manager, assignment.id, clientId);
    if (!partner) throw new NotFoundException('No such partner on this homework.');
    return { assignment, ...partner };
  }

  /**
   * The assignment if its couple is visible to this person, else 404. Inside a transaction (given
   * its manager) the assignment row is locked: the caller is about to change it.
   */
  private async findVisible(user: SessionUser, id: string, manager?: EntityManager): Promise<Assignment> {
    const assignment = await this.assignments.findInClinic(user.clinicId, id, { manager, lock: !!manager });
    if (!assignment) throw new NotFoundException('No such homework.');
    const visible = manager
      ? this.couples.findVisible(manager, user, assignment.coupleId)
      : this.couples.findVisibleOrFail(user, assignment.coupleId);
    await visible.catch(() => {
      throw new NotFoundException('No such homework.');
    });
    return assignment;
  }

  private async summarise(assignments: Assignment[], manager?: EntityManager): Promise<AssignmentSummary[]> {
    const responses = await this.assignments.responsesWithPartners(
      assignments.map((a) => a.id),
      manager,
    );
    return assignments.map((a) => toSummary(a, responses.get(a.id) ?? []));
  }
}
