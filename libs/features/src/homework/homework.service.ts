import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { HomeworkView, NotSafeReceipt } from '@trellis/contracts';
import type { Assignment, HomeworkResponse } from '@trellis/data';
import {
  AnswerMap,
  deriveResponseStatus,
  firstName,
  formatDueLabel,
  isConcerningCheckIn,
  partnerAnswersVisibleTo,
  partnerRoleOf,
  pathPosition,
  type PartnerRole,
  type Prompt,
  promptsForRole,
  validateAnswers,
} from '@trellis/domain';
import { advanceProgramInTransaction, replanRemindersInTransaction } from '@trellis/jobs';
import { identifiedPartner, type PartnerActor } from '../actor/actor';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import { ProgramsRepository } from '../programs/programs.repository';
import { SafetyService } from '../safety/safety.service';
import { HomeworkResponsesRepository, type PartnerHomework } from './homework-responses.repository';

// Answers bodies are capped well below the global limit: 6 prompts × 5000 characters fits easily.
const MAX_ANSWERS_JSON = 64 * 1024;

/** A partner's own answers to the prompts they are shown now (a role change hides the others). */
function answersTo(prompts: readonly Prompt[], answers: AnswerMap): AnswerMap {
  const asked = new Set(prompts.map((prompt) => prompt.id));
  return Object.fromEntries(Object.entries(answers).filter(([promptId]) => asked.has(promptId)));
}

/** The partner's side of one response: read, save a draft, submit once. */
@Injectable()
export class HomeworkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly responses: HomeworkResponsesRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly audit: AuditService,
    private readonly safety: SafetyService,
    private readonly programs: ProgramsRepository,
  ) {}

  private audited(
    actor: PartnerActor,
    response: HomeworkResponse,
    action: 'homework.view' | 'homework.draft' | 'homework.submit',
    manager?: EntityManager,
  ) {
    return this.audit.record(
      identifiedPartner(actor, response),
      { action, outcome: 'success', recordType: 'homework_response', recordId: response.id },
      manager,
    );
  }

  // Runs in the caller's transaction (locked for writes), or on the data source's own manager to read.
  private async load(manager: EntityManager, actor: PartnerActor, lock = false): Promise<PartnerHomework> {
    const homework = lock
      ? await this.responses.lockWithAssignment(manager, actor.responseId)
      : await this.responses.findWithAssignment(manager, actor.responseId);
    if (!homework) throw new UnauthorizedException('Open the link from your email again.');
    if (homework.assignment.cancelledAt) throw new UnauthorizedException('Open the link from your email again.');
    // The therapist revoked or resent the link after this session was opened: it is over, on
    // every phone that had it open.
    const validAfter = homework.response.sessionsValidAfter?.getTime();
    if (validAfter !== undefined && actor.sessionOpenedAt <= validAfter) {
      throw new UnauthorizedException('Open the link from your email again to continue.');
    }
    return homework;
  }

  async view(actor: PartnerActor): Promise<HomeworkView> {
    const homework = await this.load(this.dataSource.manager, actor);
    const { response, assignment } = homework;
    const { client, clinic, therapist, assignmentResponses, exercise } = await this.responses.pageRows(homework);
    const partnerResponse = assignmentResponses.find((r) => r.id !== response.id) ?? null;
    const [sharingPausedSince, notSafeReportedAt] = await Promise.all([
      this.safety.sharingPausedSince(response.clinicId, assignment.coupleId),
      this.safety.partnerFlagAt(response.clinicId, response.id),
    ]);
    // Only the prompts for this partner's role (the one rule, in the domain): the other side's
    // questions, and so the role itself, never reach the page.
    const myPrompts = promptsForRole(assignment.prompts, partnerRoleOf(client.role));
    // Sealed until both have submitted; then shared only if the therapist allowed it, never the
    // answers to counselor-only prompts, only answers to prompts this partner was asked too, and
    // nothing new while a safety pause is open (the one rule, in the domain).
    const partnerAnswers = partnerResponse
      ? partnerAnswersVisibleTo({
          sharesAnswersAfterBoth: assignment.shareAnswersAfterBoth,
          mySubmittedAt: response.submittedAt,
          partnerSubmittedAt: partnerResponse.submittedAt,
          prompts: myPrompts,
          partnerAnswers: partnerResponse.answers,
          sharingPausedSince,
        })
      : null;
    const partnerName =
      partnerAnswers && partnerResponse ? await this.responses.clientName(partnerResponse.clientId) : null;
    // Written by the therapist to the couple: both partners read them, from the first review on.
    const comments = await this.assignments.reviewComments(response.clinicId, assignment.id);
    const path = assignment.programStepId
      ? await this.programs.pathOfAssignment(this.dataSource.manager, assignment.id)
      : null;
    await this.audited(actor, response, 'homework.view');
    return {
      responseId: response.id,
      partnerFirstName: firstName(client.name),
      clinicName: clinic.name,
      therapistName: therapist.name,
      title: assignment.title,
      purpose: assignment.purpose,
      instructions: assignment.instructions,
      message: assignment.message,
      dueAt: assignment.dueAt.toISOString(),
      dueLabel: formatDueLabel(assignment.dueAt, client.timezone),
      estimatedMinutes: exercise?.estimatedMinutes ?? null,
      prompts: myPrompts,
      answers: answersTo(myPrompts, response.answers),
      status: deriveResponseStatus(response),
      lastSavedAt: response.lastSavedAt?.toISOString() ?? null,
      submittedAt: response.submittedAt?.toISOString() ?? null,
      sharesAnswersAfterBoth: assignment.shareAnswersAfterBoth,
      partnerAnswers,
      partnerName: partnerName === null ? null : firstName(partnerName),
      therapistComments: comments.map(({ authorName, body, createdAt }) => ({ authorName, body, createdAt })),
      notSafeReportedAt: notSafeReportedAt?.toISOString() ?? null,
      path: path ? pathPosition(path.steps, path.stepPosition) : null,
    };
  }

  /** Checked against the prompts this partner is asked: an answer to the other side's is refused. */
  private check(
    assignment: Assignment,
    role: PartnerRole,
    answers: Record<string, unknown>,
    mode: 'draft' | 'submit',
  ): AnswerMap {
    if (JSON.stringify(answers).length > MAX_ANSWERS_JSON)
      throw validationProblem([{ field: 'answers', message: 'are too long to save' }]);
    const problems = validateAnswers(promptsForRole(assignment.prompts, role), answers, { mode });
    if (problems.length)
      throw validationProblem(
        problems.map((p) => ({ field: p.promptId ? `answers.${p.promptId}` : 'answers', message: p.message })),
      );
    return answers as AnswerMap;
  }

  async saveDraft(actor: PartnerActor, answers: Record<string, unknown>): Promise<{ savedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const { response, assignment } = await this.load(manager, actor, true);
      if (response.submittedAt)
        throw new ConflictException('These answers were already submitted and can no longer change.');
      const role = await this.responses.partnerRole(manager, response.clientId);
      const clean = this.check(assignment, role, answers, 'draft');
      const now = new Date();
      await this.responses.saveDraft(manager, response.id, {
        answers: clean,
        startedAt: response.startedAt ?? now,
        savedAt: now,
      });
      await this.responses.recordCoupleActivity(manager, assignment.coupleId, now);
      await this.audited(actor, response, 'homework.draft', manager);
      return { savedAt: now.toISOString() };
    });
  }

  async submit(actor: PartnerActor, answers: Record<string, unknown>): Promise<{ submittedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const { response, assignment } = await this.load(manager, actor, true);
      // The row lock makes a double tap wait here and then see the first submission.
      if (response.submittedAt) throw new ConflictException('These answers were already submitted.');
      const role = await this.responses.partnerRole(manager, response.clientId);
      const clean = this.check(assignment, role, answers, 'submit');
      const now = new Date();
      await this.responses.submit(manager, response.id, {
        answers: clean,
        startedAt: response.startedAt ?? now,
        savedAt: now,
      });
      // Submitted: the re-plan clears this partner's pending reminders.
      await replanRemindersInTransaction(manager, response.clinicId, [response.id]);
      await this.responses.recordCoupleActivity(manager, assignment.coupleId, now);
      await this.audited(actor, response, 'homework.submit', manager);
      // A program step's homework: both partners done may open the couple's next step (the job decides).
      if (assignment.programStepId)
        await advanceProgramInTransaction(manager, response.clinicId, assignment.coupleId, `submit-${response.id}`);
      // A concerning check-in answer pauses joint work at once, in this same transaction. Judged by
      // the check-in as it was sent (the built-in one or the clinic's screen, at that version).
      if (assignment.kind === 'safety_check_in' && isConcerningCheckIn(assignment, clean)) {
        await this.safety.raise(manager, identifiedPartner(actor, response), {
          clinicId: response.clinicId,
          coupleId: assignment.coupleId,
          clientId: response.clientId,
          responseId: response.id,
          source: 'check_in',
        });
      } else if (assignment.kind === 'safety_check_in') {
        // A calm one may close the couple's safety concern: a program step held for it may open now.
        await advanceProgramInTransaction(manager, response.clinicId, assignment.coupleId, `check-in-${response.id}`);
      }
      return { submittedAt: now.toISOString() };
    });
  }

  /**
   * "I don't feel safe doing this exercise": pauses sharing and joint homework for the couple and
   * alerts the therapist (SafetyService.raise), in one transaction. Allowed before or after
   * submitting; saying it twice changes nothing more. The other partner is not told.
   */
  async reportNotSafe(actor: PartnerActor): Promise<NotSafeReceipt> {
    return this.dataSource.transaction(async (manager) => {
      const { response, assignment } = await this.load(manager, actor, true);
      const at = await this.safety.raise(manager, identifiedPartner(actor, response), {
        clinicId: response.clinicId,
        coupleId: assignment.coupleId,
        clientId: response.clientId,
        responseId: response.id,
        source: 'partner_flag',
      });
      return { reportedAt: at.toISOString() };
    });
  }
}
