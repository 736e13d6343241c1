import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  AddedProgramStepResponse,
  AuditAction,
  CoupleProgramResponse,
  ListResponse,
  ProgramStepWarning,
  ProgramView,
} from '@trellis/contracts';
import type { CoupleProgram, Program, StoredProgramStep } from '@trellis/data';
import { programStepProblems, stepProblems } from '@trellis/domain';
import { replanRemindersInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { AuditService } from '../audit/audit.service';
import { CouplesService } from '../couples/couples.service';
import { validationProblem } from '../http/problem.exception';
import {
  AddStepDto,
  CreateProgramDto,
  EnrolDto,
  ProgramStepDto,
  ReorderStepsDto,
  UpdateEnrolmentDto,
  UpdateProgramDto,
} from './program.dto';
import { programMeasureIds, stepWarnings, toCoupleProgramView, toProgramView } from './program.view';
import { ProgramAdvancer } from './program-advancer';
import { ProgramsRepository } from './programs.repository';

const DEFAULT_DUE_IN_DAYS = 7;
// Another clinic's measure looks like one that does not exist, as for exercises.
const MEASURE_NOT_ASSIGNABLE = 'must be a measure in your library that is not archived';

/** A couple's path as answered, with every step's cautions kept aside (by step id) for `addStep`. */
type PathResponse = CoupleProgramResponse & { cautions: Map<string, ProgramStepWarning[]> };
const programNotFound = () => new NotFoundException('No such program in your library.');
const notOnAProgram = () => new ConflictException('This couple is not on a program: start one first.');

function stored(step: ProgramStepDto): StoredProgramStep {
  return {
    title: step.title,
    kind: step.kind,
    exercise: step.exerciseId ?? null,
    measure: step.measureId ?? null,
    opensWhen: step.opensWhen,
    afterSessions: step.afterSessions ?? null,
    dueInDays: step.dueInDays ?? DEFAULT_DUE_IN_DAYS,
  };
}

/**
 * Programs: the library of paths (built-in read-only, each clinic's own), and each couple's walk
 * along one. Who sees the couple manages its path; every read and change of it is audited.
 */
@Injectable()
export class ProgramsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly advancer: ProgramAdvancer,
    private readonly couples: CouplesService,
    private readonly audit: AuditService,
    private readonly assignments: AssignmentsRepository,
  ) {}

  async list(clinicId: string): Promise<ListResponse<ProgramView>> {
    const programs = await this.programs.list(clinicId);
    const titles = await this.programs.measureTitles(this.dataSource.manager, programs.flatMap(programMeasureIds));
    return { data: programs.map((p) => toProgramView(p, titles)), total: programs.length };
  }

  async get(clinicId: string, id: string): Promise<ProgramView> {
    const program = await this.programs.findVisible(clinicId, id);
    if (!program) throw programNotFound();
    return toProgramView(
      program,
      await this.programs.measureTitles(this.dataSource.manager, programMeasureIds(program)),
    );
  }

  async create(actor: StaffActor, dto: CreateProgramDto): Promise<ProgramView> {
    return this.dataSource.transaction(async (manager) => {
      const steps = await this.checkedSteps(manager, actor.staff.clinicId, dto.steps);
      const program = await this.programs.insert(manager, {
        clinicId: actor.staff.clinicId,
        title: dto.title,
        description: dto.description ?? '',
        steps,
        createdBy: actor.staff.id,
      });
      await this.audit.record(
        actor,
        { action: 'program.create', outcome: 'success', recordType: 'program', recordId: program.id },
        manager,
      );
      return toProgramView(program, await this.programs.measureTitles(manager, programMeasureIds(program)));
    });
  }

  async update(actor: StaffActor, id: string, dto: UpdateProgramDto): Promise<ProgramView> {
    await this.dataSource.transaction(async (manager) => {
      const program = await this.programs.findVisible(actor.staff.clinicId, id, manager);
      if (!program) throw programNotFound();
      if (program.clinicId === null) throw new ConflictException('A built-in program is read-only: build your own.');
      const changes: Partial<Program> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.steps !== undefined) changes.steps = await this.checkedSteps(manager, actor.staff.clinicId, dto.steps);
      if (dto.archived !== undefined) changes.archivedAt = dto.archived ? (program.archivedAt ?? new Date()) : null;
      if (Object.keys(changes).length === 0) return;
      await this.programs.update(manager, id, changes);
      await this.audit.record(
        actor,
        {
          action: 'program.update',
          outcome: 'success',
          recordType: 'program',
          recordId: id,
          details: { fields: Object.keys(changes).join(',') },
        },
        manager,
      );
    });
    return this.get(actor.staff.clinicId, id);
  }

  /** Every exercise named is in the clinic's library, and the steps keep the domain's rules. */
  private async checkedSteps(
    manager: EntityManager,
    clinicId: string,
    dtos: readonly ProgramStepDto[],
  ): Promise<StoredProgramStep[]> {
    const steps = dtos.map(stored);
    const exercises = await this.programs.assignableExercises(
      manager,
      clinicId,
      steps.flatMap((s) => (s.exercise ? [s.exercise] : [])),
    );
    const unknown = steps.findIndex((s) => s.exercise !== null && !exercises.has(s.exercise));
    if (unknown >= 0)
      throw validationProblem([
        { field: `steps.${unknown}.exerciseId`, message: 'must be an exercise in your library' },
      ]);
    const measures = await this.programs.assignableMeasures(
      manager,
      clinicId,
      steps.flatMap((s) => (s.measure ? [s.measure] : [])),
    );
    const unknownMeasure = steps.findIndex((s) => s.measure && !measures.has(s.measure));
    if (unknownMeasure >= 0)
      throw validationProblem([{ field: `steps.${unknownMeasure}.measureId`, message: MEASURE_NOT_ASSIGNABLE }]);
    const problems = programStepProblems(steps, (id) => exercises.get(id)?.coercionSensitive ?? false);
    if (problems.length) throw validationProblem(problems);
    return steps;
  }

  /** The couple's path: the one under way, or else the last one it walked; null when none. */
  async enrolment(actor: StaffActor, coupleId: string): Promise<CoupleProgramResponse> {
    return this.audit.read(actor, { action: 'couple_program.view', recordType: 'couple', recordId: coupleId }, () =>
      this.dataSource.transaction(async (manager) => {
        await this.couples.findVisible(manager, actor.staff, coupleId);
        const enrolment = await this.programs.latestEnrolment(manager, actor.staff.clinicId, coupleId);
        await this.audit.record(
          actor,
          { action: 'couple_program.view', outcome: 'success', recordType: 'couple', recordId: coupleId },
          manager,
        );
        return { enrolment: (await this.response(manager, enrolment)).enrolment };
      }),
    );
  }

  /** Puts the couple on a program: its steps are copied, and the first opens at once. */
  async enrol(actor: StaffActor, coupleId: string, dto: EnrolDto): Promise<CoupleProgramResponse> {
    return this.changing(actor, coupleId, 'couple_program.enrol', async (manager, couple) => {
      if (couple.status !== 'active')
        throw new ConflictException(`${couple.displayName} is ${couple.status}: reactivate the couple first.`);
      const program = await this.programs.findVisible(actor.staff.clinicId, dto.programId, manager);
      if (!program || program.archivedAt)
        throw validationProblem([{ field: 'programId', message: 'must be a program in your library' }]);
      if (await this.programs.currentEnrolment(manager, actor.staff.clinicId, coupleId, true))
        throw new ConflictException('This couple is already on a program: stop it before starting another.');
      const enrolment = await this.programs.insertEnrolment(manager, {
        clinicId: actor.staff.clinicId,
        coupleId,
        programId: program.id,
        title: program.title,
        enrolledBy: actor.staff.id,
      });
      await this.programs.insertSteps(
        manager,
        enrolment,
        program.steps.map((step, position) => ({ ...step, position })),
      );
      await this.advancer.advance(manager, actor.staff.clinicId, coupleId, actor);
      return { recordId: enrolment.id, details: { programId: program.id } };
    });
  }

  /** Pause, resume (the next step opens now if it is due) or stop for good. */
  async updateEnrolment(actor: StaffActor, coupleId: string, dto: UpdateEnrolmentDto): Promise<CoupleProgramResponse> {
    return this.changing(actor, coupleId, 'couple_program.update', async (manager) => {
      const enrolment = await this.current(manager, actor, coupleId);
      if (enrolment.status !== dto.status) await this.programs.setEnrolmentStatus(manager, enrolment.id, dto.status);
      if (dto.status === 'active') {
        const opened = await this.advancer.advance(manager, actor.staff.clinicId, coupleId, actor);
        // Resumed from a pause: an open check-in step whose sends came due meanwhile made nothing.
        if (!opened && enrolment.status === 'paused')
          await this.advancer.sendMissedCheckIns(manager, actor.staff.clinicId, coupleId);
      }
      return { recordId: enrolment.id, details: { status: dto.status } };
    });
  }

  /** Skips a step not yet done; skipping the open one opens the next now (unless paused). */
  async skip(actor: StaffActor, coupleId: string, stepId: string): Promise<CoupleProgramResponse> {
    return this.changing(actor, coupleId, 'couple_program.step_skip', async (manager) => {
      const enrolment = await this.current(manager, actor, coupleId);
      const step = (await this.programs.steps(manager, enrolment.id)).find((s) => s.id === stepId);
      if (!step) throw new NotFoundException('No such step on this couple’s path.');
      if (step.status === 'done' || step.status === 'skipped')
        throw new ConflictException(`This step is already ${step.status === 'done' ? 'done' : 'skipped'}.`);
      await this.programs.setStep(manager, step.id, { status: 'skipped', finishedAt: new Date() });
      // Its homework, if neither partner has sent anything yet, is withdrawn with it (no more reminders);
      // answers already sent stay for the therapist to read.
      if (step.assignmentId && (await this.assignments.submissionCounts(manager, step.assignmentId)).submitted === 0) {
        await this.assignments.update(manager, step.assignmentId, { cancelledAt: new Date() });
        await replanRemindersInTransaction(
          manager,
          actor.staff.clinicId,
          await this.assignments.responseIds(manager, step.assignmentId),
        );
      }
      if (step.status === 'open') await this.advancer.advance(manager, actor.staff.clinicId, coupleId, actor);
      return { recordId: step.id, details: { enrolmentId: enrolment.id } };
    });
  }

  /**
   * Adds a step before a step not yet open, or at the end of the path. The answer names the step
   * added and the cautions the assign dialog would give for it (they never block).
   */
  async addStep(actor: StaffActor, coupleId: string, dto: AddStepDto): Promise<AddedProgramStepResponse> {
    let added = -1;
    const response = await this.changingPath(actor, coupleId, 'couple_program.step_add', async (manager) => {
      const enrolment = await this.current(manager, actor, coupleId);
      const step = stored(dto);
      const exercises = await this.programs.assignableExercises(
        manager,
        actor.staff.clinicId,
        step.exercise ? [step.exercise] : [],
      );
      if (step.exercise && !exercises.has(step.exercise))
        throw validationProblem([{ field: 'exerciseId', message: 'must be an exercise in your library' }]);
      const measures = await this.programs.assignableMeasures(
        manager,
        actor.staff.clinicId,
        step.measure ? [step.measure] : [],
      );
      if (step.measure && !measures.has(step.measure))
        throw validationProblem([{ field: 'measureId', message: MEASURE_NOT_ASSIGNABLE }]);
      const problems = stepProblems(step, false, (id) => exercises.get(id)?.coercionSensitive ?? false);
      if (problems.length) throw validationProblem(problems);
      const steps = await this.programs.steps(manager, enrolment.id);
      let position = steps.length ? Math.max(...steps.map((s) => s.position)) + 1 : 0;
      if (dto.beforeStepId !== undefined) {
        const before = steps.find((s) => s.id === dto.beforeStepId && s.status === 'pending');
        if (!before)
          throw validationProblem([{ field: 'beforeStepId', message: 'must be a step of this path not yet open' }]);
        position = before.position;
        await this.programs.movePositions(
          manager,
          steps.filter((s) => s.position >= position).map((s) => ({ id: s.id, position: s.position + 1 })),
        );
      }
      await this.programs.insertSteps(manager, enrolment, [{ ...step, position }]);
      // A path whose steps were all finished or skipped waits with none open: this one opens now.
      await this.advancer.advance(manager, actor.staff.clinicId, coupleId, actor);
      added = position;
      return { recordId: enrolment.id, details: { position } };
    });
    const { enrolment, cautions } = response;
    const step = enrolment?.steps.find((s) => s.position === added);
    if (!enrolment || !step) throw new Error('the step just added is not on the path');
    return { enrolment, added: { stepId: step.id, warnings: cautions.get(step.id) ?? [] } };
  }

  /** A new order for the steps not yet open; the steps already walked stay where they are. */
  async reorder(actor: StaffActor, coupleId: string, dto: ReorderStepsDto): Promise<CoupleProgramResponse> {
    return this.changing(actor, coupleId, 'couple_program.reorder', async (manager) => {
      const enrolment = await this.current(manager, actor, coupleId);
      const pending = (await this.programs.steps(manager, enrolment.id)).filter((s) => s.status === 'pending');
      const ids = new Set(pending.map((s) => s.id));
      if (dto.stepIds.length !== pending.length || dto.stepIds.some((id) => !ids.has(id)))
        throw validationProblem([
          { field: 'stepIds', message: 'must list every step of this path not yet open, once' },
        ]);
      const positions = pending.map((s) => s.position).sort((a, b) => a - b);
      await this.programs.movePositions(
        manager,
        dto.stepIds.map((id, i) => ({ id, position: positions[i] })),
      );
      return { recordId: enrolment.id };
    });
  }

  private async current(manager: EntityManager, actor: StaffActor, coupleId: string): Promise<CoupleProgram> {
    const enrolment = await this.programs.currentEnrolment(manager, actor.staff.clinicId, coupleId, true);
    if (!enrolment) throw notOnAProgram();
    return enrolment;
  }

  /**
   * A change to a couple's path: the couple must be visible to this person (else 404, recorded as
   * denied), and the change, its audit row and the path it leaves commit together.
   */
  private changingPath(
    actor: StaffActor,
    coupleId: string,
    action: AuditAction,
    change: (
      manager: EntityManager,
      couple: Awaited<ReturnType<CouplesService['findVisible']>>,
    ) => Promise<{ recordId: string; details?: Record<string, string | number | null> }>,
  ): Promise<PathResponse> {
    return this.audit.read(actor, { action, recordType: 'couple', recordId: coupleId }, () =>
      this.dataSource.transaction(async (manager) => {
        const couple = await this.couples.findVisible(manager, actor.staff, coupleId, true);
        const { recordId, details } = await change(manager, couple);
        await this.audit.record(
          actor,
          {
            action,
            outcome: 'success',
            recordType: 'couple_program',
            recordId,
            details: { coupleId, ...details },
          },
          manager,
        );
        return this.response(manager, await this.programs.latestEnrolment(manager, actor.staff.clinicId, coupleId));
      }),
    );
  }

  /** `changingPath`, answering the path alone. */
  private async changing(...args: Parameters<ProgramsService['changingPath']>): Promise<CoupleProgramResponse> {
    return { enrolment: (await this.changingPath(...args)).enrolment };
  }

  /**
   * The path with each step to come's cautions, in a fixed number of statements however long it
   * is: its steps, their exercises, and the couple's phase, roles and safety concern (and, for an
   * open check-in step, where each partner's check-in stands). `cautions`
   * holds every step's (open ones too), for the answer to adding a step.
   */
  private async response(manager: EntityManager, enrolment: CoupleProgram | null): Promise<PathResponse> {
    if (!enrolment) return { enrolment: null, cautions: new Map() };
    const steps = await this.programs.steps(manager, enrolment.id);
    const exercises = await this.programs.stepExercises(manager, enrolment.id);
    const couple = await this.programs.coupleGate(manager, enrolment.clinicId, enrolment.coupleId);
    if (!couple) throw new Error(`the couple of enrolment ${enrolment.id} is missing`);
    const measureTitles = await this.programs.measureTitles(
      manager,
      steps.flatMap((s) => (s.measureId ? [s.measureId] : [])),
    );
    const open = steps.find((s) => s.status === 'open' && s.kind === 'check_in');
    const openCheckIn = open ? await this.programs.checkInStepPartners(manager, open.id, enrolment.coupleId) : [];
    const facts = { couple, exercises, measureTitles, openCheckIn };
    return {
      enrolment: toCoupleProgramView(enrolment, steps, facts),
      cautions: new Map(steps.map((step) => [step.id, stepWarnings(step, facts)])),
    };
  }
}
