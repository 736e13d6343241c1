import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import type { SafetyScreenView } from '@trellis/contracts';
import type { Exercise } from '@trellis/data';
import {
  SAFETY_CHECK_IN_EXERCISE,
  type SafetyCheckInScreen,
  safetyScreenMinutes,
  safetyScreenPrompts,
  safetyScreenQuestionsOf,
  type SafetyScreenQuestions,
  validateSafetyScreenQuestions,
} from '@trellis/domain';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import type { SafetyScreenDto } from './safety-screen.dto';
import { type SafetyScreenChanges, SafetyScreenRepository } from './safety-screen.repository';

/** `questions[1].options[0].label` → `questions.1.options.0.label`, the dotted form every field error uses. */
const toField = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

function toView(screen: Exercise, chosen: SafetyCheckInScreen): SafetyScreenView {
  const { questions, freeTextQuestion } = safetyScreenQuestionsOf(screen.prompts);
  return {
    id: screen.id,
    title: screen.title,
    instructions: screen.instructions,
    questions,
    freeTextQuestion,
    version: screen.version,
    inUse: chosen === 'clinic',
    prompts: screen.prompts,
    updatedAt: screen.updatedAt.toISOString(),
  };
}

/**
 * The clinic's own safety screen (issue 18): an admin writes it, the clinic settings choose it,
 * and the check-in sweep sends it instead of the built-in one. Saving it again makes a new version
 * when the questions change; check-ins already sent keep the version they were sent with, and their
 * answers are judged by it.
 */
@Injectable()
export class SafetyScreenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly screens: SafetyScreenRepository,
    private readonly audit: AuditService,
  ) {}

  async view(actor: StaffActor): Promise<SafetyScreenView> {
    const { clinicId } = actor.staff;
    const screen = await this.screens.find(this.dataSource, clinicId);
    if (!screen) throw new NotFoundException('Your clinic has no safety screen of its own yet.');
    return toView(screen, await this.screens.chosenScreen(clinicId));
  }

  async save(actor: StaffActor, dto: SafetyScreenDto): Promise<SafetyScreenView> {
    const freeTextQuestion = dto.freeTextQuestion ?? null;
    const problems = validateSafetyScreenQuestions(dto.questions, freeTextQuestion);
    if (problems.length) throw validationProblem(problems.map((p) => ({ field: toField(p.path), message: p.message })));
    const written: SafetyScreenQuestions = { questions: dto.questions, freeTextQuestion };
    const prompts = safetyScreenPrompts(written);
    const estimatedMinutes = safetyScreenMinutes(written);
    const { clinicId } = actor.staff;

    return this.dataSource.transaction(async (manager) => {
      const chosen = await this.screens.lockClinic(manager, clinicId);
      const existing = await this.screens.find(manager, clinicId);
      if (!existing) {
        const screen = await this.screens.insert(manager, {
          clinicId,
          title: dto.title,
          purpose: SAFETY_CHECK_IN_EXERCISE.purpose,
          instructions: dto.instructions,
          estimatedMinutes,
          prompts,
          createdBy: actor.staff.id,
        });
        await this.audit.record(
          actor,
          {
            action: 'safety_screen.create',
            outcome: 'success',
            recordType: 'exercise',
            recordId: screen.id,
            details: { version: 1 },
          },
          manager,
        );
        return toView(screen, chosen);
      }
      const changes: SafetyScreenChanges = {};
      if (dto.title !== existing.title) changes.title = dto.title;
      if (dto.instructions !== existing.instructions) changes.instructions = dto.instructions;
      if (estimatedMinutes !== existing.estimatedMinutes) changes.estimatedMinutes = estimatedMinutes;
      // New questions, new version: what was sent before stays judged by what it was sent with.
      if (!isDeepStrictEqual(prompts, existing.prompts)) {
        changes.prompts = prompts;
        changes.version = existing.version + 1;
      }
      const fields = Object.keys(changes).filter((field) => field !== 'version');
      if (fields.length === 0) return toView(existing, chosen);
      await this.screens.update(manager, clinicId, existing.id, changes);
      const saved = await this.screens.find(manager, clinicId);
      if (!saved) throw new Error('The safety screen disappeared while it was being saved');
      await this.audit.record(
        actor,
        {
          action: 'safety_screen.update',
          outcome: 'success',
          recordType: 'exercise',
          recordId: existing.id,
          details: { fields: fields.join(','), version: saved.version },
        },
        manager,
      );
      return toView(saved, chosen);
    });
  }
}
