import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { HomeworkView } from '@trellis/contracts';
import { Assignment, Client, Clinic, Couple, Exercise, HomeworkResponse, StaffUser } from '@trellis/data';
import { AnswerMap, deriveResponseStatus, firstName, formatDueLabel, validateAnswers } from '@trellis/domain';
import { replanRemindersInTransaction } from '@trellis/jobs';
import { identifiedPartner, type PartnerActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';

// Answers bodies are capped well below the global limit: 6 prompts × 5000 characters fits easily.
const MAX_ANSWERS_JSON = 64 * 1024;

/** The partner's side of one response: read, save a draft, submit once. */
@Injectable()
export class HomeworkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
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

  private async load(manager: EntityManager, responseId: string, lock = false) {
    const response = await manager.findOne(HomeworkResponse, {
      where: { id: responseId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!response) throw new UnauthorizedException('Open the link from your email again.');
    const assignment = await manager.findOneByOrFail(Assignment, { id: response.assignmentId });
    if (assignment.cancelledAt) throw new UnauthorizedException('Open the link from your email again.');
    return { response, assignment };
  }

  async view(actor: PartnerActor): Promise<HomeworkView> {
    const manager = this.dataSource.manager;
    const { response, assignment } = await this.load(manager, actor.responseId);
    const [client, clinic, couple, others, exercise] = await Promise.all([
      manager.findOneByOrFail(Client, { id: response.clientId }),
      manager.findOneByOrFail(Clinic, { id: response.clinicId }),
      manager.findOneByOrFail(Couple, { id: assignment.coupleId }),
      manager.find(HomeworkResponse, { where: { assignmentId: assignment.id } }),
      manager.findOneBy(Exercise, { id: assignment.exerciseId }),
    ]);
    const therapist = await manager.findOneByOrFail(StaffUser, { id: couple.therapistId });
    const partnerResponse = others.find((r) => r.id !== response.id) ?? null;
    // Sealed until both have submitted; then shared only if the therapist allowed it.
    const shared = assignment.shareAnswersAfterBoth && response.submittedAt && partnerResponse?.submittedAt;
    const partner = shared ? await manager.findOneByOrFail(Client, { id: partnerResponse.clientId }) : null;
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
      prompts: assignment.prompts,
      answers: response.answers,
      status: deriveResponseStatus(response),
      lastSavedAt: response.lastSavedAt?.toISOString() ?? null,
      submittedAt: response.submittedAt?.toISOString() ?? null,
      partnerAnswers: shared && partnerResponse ? partnerResponse.answers : null,
      partnerName: partner ? firstName(partner.name) : null,
    };
  }

  private check(assignment: Assignment, answers: Record<string, unknown>, mode: 'draft' | 'submit'): AnswerMap {
    if (JSON.stringify(answers).length > MAX_ANSWERS_JSON)
      throw validationProblem([{ field: 'answers', message: 'are too long to save' }]);
    const problems = validateAnswers(assignment.prompts, answers, { mode });
    if (problems.length)
      throw validationProblem(
        problems.map((p) => ({ field: p.promptId ? `answers.${p.promptId}` : 'answers', message: p.message })),
      );
    return answers as AnswerMap;
  }

  async saveDraft(actor: PartnerActor, answers: Record<string, unknown>): Promise<{ savedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const { response, assignment } = await this.load(manager, actor.responseId, true);
      if (response.submittedAt)
        throw new ConflictException('These answers were already submitted and can no longer change.');
      const clean = this.check(assignment, answers, 'draft');
      const now = new Date();
      await manager.update(
        HomeworkResponse,
        { id: response.id },
        { answers: clean, startedAt: response.startedAt ?? now, lastSavedAt: now },
      );
      await manager.update(Couple, { id: assignment.coupleId }, { lastActivityAt: now });
      await this.audited(actor, response, 'homework.draft', manager);
      return { savedAt: now.toISOString() };
    });
  }

  async submit(actor: PartnerActor, answers: Record<string, unknown>): Promise<{ submittedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const { response, assignment } = await this.load(manager, actor.responseId, true);
      // The row lock makes a double tap wait here and then see the first submission.
      if (response.submittedAt) throw new ConflictException('These answers were already submitted.');
      const clean = this.check(assignment, answers, 'submit');
      const now = new Date();
      await manager.update(
        HomeworkResponse,
        { id: response.id },
        { answers: clean, startedAt: response.startedAt ?? now, lastSavedAt: now, submittedAt: now },
      );
      // Submitted: the re-plan clears this partner's pending reminders.
      await replanRemindersInTransaction(manager, response.clinicId, [response.id]);
      await manager.update(Couple, { id: assignment.coupleId }, { lastActivityAt: now });
      await this.audited(actor, response, 'homework.submit', manager);
      return { submittedAt: now.toISOString() };
    });
  }
}
