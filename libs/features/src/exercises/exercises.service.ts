import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, ExerciseDetail, ExerciseSummary, ListResponse, SessionUser } from '@trellis/contracts';
import { Exercise } from '@trellis/data';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CreateExerciseDto, UpdateExerciseDto } from './exercise.dto';
import { firstFreeKey, keyBaseFromTitle } from './exercise-key';
import { ExerciseListQueryDto } from './exercise-list-query.dto';
import { checkedPrompts } from './exercise-prompts';
import { toExerciseDetail, toExerciseSummary } from './exercise.view';
import { ExerciseChanges, ExercisesRepository, NewExercise } from './exercises.repository';

const TITLE_MAX_LENGTH = 200;
const COPY_SUFFIX = ' (copy)';

/** "<title> (copy)", shortened first if needed so the copy still fits the title limit. */
function copyTitle(title: string): string {
  const room = TITLE_MAX_LENGTH - COPY_SUFFIX.length;
  const head =
    title.length > room
      ? title
          .slice(0, room)
          .replace(/[\uD800-\uDBFF]$/, '')
          .trimEnd()
      : title;
  return `${head}${COPY_SUFFIX}`;
}

const notFound = () => new NotFoundException('No such exercise in your library.');

/**
 * The exercise library of one clinic: the built-in catalog (clinic_id NULL, read-only) plus the
 * clinic's own exercises. Every query is scoped to the caller's clinic; another clinic's exercise
 * and an archived one answer 404.
 */
@Injectable()
export class ExercisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly exercises: ExercisesRepository,
  ) {}

  /** Filtered, sorted and paged in SQL: two queries (rows and count) whatever the page size or data. */
  async list(clinicId: string, query: ExerciseListQueryDto): Promise<ListResponse<ExerciseSummary>> {
    const { rows, total } = await this.exercises.findPage(clinicId, query);
    return { data: rows.map(toExerciseSummary), total };
  }

  async get(clinicId: string, id: string): Promise<ExerciseDetail> {
    const exercise = await this.exercises.findVisible(clinicId, id);
    if (!exercise) throw notFound();
    return toExerciseDetail(exercise);
  }

  async create(actor: StaffActor, dto: CreateExerciseDto): Promise<ExerciseDetail> {
    const prompts = checkedPrompts(dto.prompts);
    return this.dataSource.transaction(async (manager) => {
      const exercise = await this.insert(manager, actor.staff, {
        title: dto.title,
        strategy: dto.strategy,
        purpose: dto.purpose,
        instructions: dto.instructions,
        estimatedMinutes: dto.estimatedMinutes,
        prompts,
        basedOnId: null,
        basedOnVersion: null,
        phase: dto.phase ?? null,
        coercionSensitive: dto.coercionSensitive ?? false,
      });
      await this.record(manager, actor, 'exercise.create', exercise.id);
      return toExerciseDetail(exercise);
    });
  }

  /** A clinic copy of a built-in or own exercise, with its own deep copy of the prompts. */
  async duplicate(actor: StaffActor, id: string): Promise<ExerciseDetail> {
    return this.dataSource.transaction(async (manager) => {
      const source = await this.exercises.findCopySource(manager, actor.staff.clinicId, id);
      if (!source) throw notFound();
      const exercise = await this.insert(manager, actor.staff, {
        title: copyTitle(source.title),
        strategy: source.strategy,
        purpose: source.purpose,
        instructions: source.instructions,
        estimatedMinutes: source.estimatedMinutes,
        prompts: structuredClone(source.prompts),
        basedOnId: source.id,
        basedOnVersion: source.version,
        phase: source.phase,
        coercionSensitive: source.coercionSensitive,
      });
      await this.record(manager, actor, 'exercise.create', exercise.id, {
        basedOnId: source.id,
        basedOnVersion: source.version,
      });
      return toExerciseDetail(exercise);
    });
  }

  /**
   * Changes the clinic's own exercise; the version goes up only when the prompts really change.
   * Assignments hold frozen copies of the prompts, so nothing else is touched.
   */
  async update(actor: StaffActor, id: string, dto: UpdateExerciseDto): Promise<ExerciseDetail> {
    const prompts = dto.prompts === undefined ? undefined : checkedPrompts(dto.prompts);
    return this.dataSource.transaction(async (manager) => {
      const exercise = await this.editable(
        manager,
        actor.staff.clinicId,
        id,
        'Built-in exercises cannot be edited: duplicate it first.',
      );
      const changes: ExerciseChanges = {};
      if (dto.title !== undefined && dto.title !== exercise.title) changes.title = dto.title;
      if (dto.strategy !== undefined && dto.strategy !== exercise.strategy) changes.strategy = dto.strategy;
      if (dto.purpose !== undefined && dto.purpose !== exercise.purpose) changes.purpose = dto.purpose;
      if (dto.instructions !== undefined && dto.instructions !== exercise.instructions)
        changes.instructions = dto.instructions;
      if (dto.estimatedMinutes !== undefined && dto.estimatedMinutes !== exercise.estimatedMinutes) {
        changes.estimatedMinutes = dto.estimatedMinutes;
      }
      if (prompts !== undefined && !isDeepStrictEqual(prompts, exercise.prompts)) changes.prompts = prompts;
      if (dto.phase !== undefined && dto.phase !== exercise.phase) changes.phase = dto.phase;
      if (dto.coercionSensitive !== undefined && dto.coercionSensitive !== exercise.coercionSensitive)
        changes.coercionSensitive = dto.coercionSensitive;
      const fields = Object.keys(changes);
      if (fields.length === 0) return toExerciseDetail(exercise);
      if (changes.prompts) changes.version = exercise.version + 1;

      await this.exercises.applyChanges(manager, exercise.id, changes);
      Object.assign(exercise, changes);
      await this.record(manager, actor, 'exercise.update', exercise.id, {
        fields: fields.join(','),
        version: exercise.version,
      });
      return toExerciseDetail(exercise);
    });
  }

  /** Takes the clinic's own exercise out of the library; existing assignments keep their copies. */
  async archive(actor: StaffActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const exercise = await this.editable(manager, actor.staff.clinicId, id, 'Built-in exercises cannot be deleted.');
      await this.exercises.archive(manager, exercise.id);
      await this.record(manager, actor, 'exercise.archive', exercise.id);
    });
  }

  /** The clinic's own exercise, locked for the change; a built-in is a 409 (it is visible, just read-only). */
  private async editable(
    manager: EntityManager,
    clinicId: string,
    id: string,
    builtInMessage: string,
  ): Promise<Exercise> {
    const exercise = await this.exercises.lockVisible(manager, clinicId, id);
    if (!exercise) throw notFound();
    if (exercise.clinicId === null) throw new ConflictException(builtInMessage);
    return exercise;
  }

  /**
   * Inserts a clinic exercise under the first free key for its title. Keys are unique within the
   * clinic's library, built-ins included; a per-clinic transaction lock keeps two same-titled
   * creates from racing for one key.
   */
  private async insert(
    manager: EntityManager,
    staff: SessionUser,
    fields: Omit<NewExercise, 'clinicId' | 'key' | 'createdBy'>,
  ): Promise<Exercise> {
    await this.exercises.lockKeys(manager, staff.clinicId);
    const base = keyBaseFromTitle(fields.title);
    const taken = await this.exercises.keysLike(manager, staff.clinicId, base);
    return this.exercises.insert(manager, {
      ...fields,
      clinicId: staff.clinicId,
      key: firstFreeKey(base, taken),
      createdBy: staff.id,
    });
  }

  private async record(
    manager: EntityManager,
    actor: StaffActor,
    action: AuditAction,
    exerciseId: string,
    details?: Record<string, string | number>,
  ): Promise<void> {
    await this.audit.record(
      actor,
      { action, outcome: 'success', recordType: 'exercise', recordId: exerciseId, details },
      manager,
    );
  }
}
