import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager, FindOptionsWhere, IsNull, SelectQueryBuilder } from 'typeorm';
import type { AuditAction, ExerciseDetail, ExerciseSummary, ListResponse, SessionUser } from '@trellis/contracts';
import { Exercise } from '@trellis/data';
import { STRATEGY_KEYS } from '@trellis/domain';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CreateExerciseDto, UpdateExerciseDto } from './exercise.dto';
import { firstFreeKey, keyBaseFromTitle } from './exercise-key';
import { ExerciseListQueryDto } from './exercise-list-query.dto';
import { checkedPrompts } from './exercise-prompts';
import { toExerciseDetail, toExerciseSummary } from './exercise.view';

const TITLE_MAX_LENGTH = 200;
const COPY_SUFFIX = ' (copy)';

/** Everything the list shows; instructions stay in the database until someone opens the exercise. */
const LIST_COLUMNS = [
  'e.id',
  'e.clinicId',
  'e.key',
  'e.title',
  'e.strategy',
  'e.purpose',
  'e.estimatedMinutes',
  'e.prompts',
  'e.version',
  'e.basedOnId',
];

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

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
  ) {}

  /** Filtered, sorted and paged in SQL: two queries (rows and count) whatever the page size or data. */
  async list(clinicId: string, query: ExerciseListQueryDto): Promise<ListResponse<ExerciseSummary>> {
    const qb = this.dataSource
      .getRepository(Exercise)
      .createQueryBuilder('e')
      .select(LIST_COLUMNS)
      .where('(e.clinic_id IS NULL OR e.clinic_id = :clinicId)', { clinicId })
      .andWhere('e.archived_at IS NULL');
    if (query.source === 'builtin') qb.andWhere('e.clinic_id IS NULL');
    if (query.source === 'clinic') qb.andWhere('e.clinic_id = :clinicId');
    if (query.strategy) qb.andWhere('e.strategy = :strategy', { strategy: query.strategy });
    if (query.q?.trim()) {
      qb.andWhere('(e.title ILIKE :q OR e.purpose ILIKE :q)', { q: `%${escapeLike(query.q.trim())}%` });
    }
    // Rows and count side by side: always these two queries (getManyAndCount would drop the count
    // on a short first page, so the statement count would depend on the data).
    const [rows, total] = await Promise.all([
      this.ordered(qb.clone(), query)
        .offset((query.page - 1) * query.perPage)
        .limit(query.perPage)
        .getMany(),
      qb.getCount(),
    ]);
    return { data: rows.map(toExerciseSummary), total };
  }

  async get(clinicId: string, id: string): Promise<ExerciseDetail> {
    const exercise = await this.dataSource.getRepository(Exercise).findOneBy(this.visible(clinicId, id));
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
      });
      await this.record(manager, actor, 'exercise.create', exercise.id);
      return toExerciseDetail(exercise);
    });
  }

  /** A clinic copy of a built-in or own exercise, with its own deep copy of the prompts. */
  async duplicate(actor: StaffActor, id: string): Promise<ExerciseDetail> {
    return this.dataSource.transaction(async (manager) => {
      const source = await manager.findOneBy(Exercise, this.visible(actor.staff.clinicId, id));
      if (!source) throw notFound();
      const exercise = await this.insert(manager, actor.staff, {
        title: copyTitle(source.title),
        strategy: source.strategy,
        purpose: source.purpose,
        instructions: source.instructions,
        estimatedMinutes: source.estimatedMinutes,
        prompts: structuredClone(source.prompts),
        basedOnId: source.id,
      });
      await this.record(manager, actor, 'exercise.create', exercise.id, { basedOnId: source.id });
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
      const changes: Partial<Exercise> = {};
      if (dto.title !== undefined && dto.title !== exercise.title) changes.title = dto.title;
      if (dto.strategy !== undefined && dto.strategy !== exercise.strategy) changes.strategy = dto.strategy;
      if (dto.purpose !== undefined && dto.purpose !== exercise.purpose) changes.purpose = dto.purpose;
      if (dto.instructions !== undefined && dto.instructions !== exercise.instructions)
        changes.instructions = dto.instructions;
      if (dto.estimatedMinutes !== undefined && dto.estimatedMinutes !== exercise.estimatedMinutes) {
        changes.estimatedMinutes = dto.estimatedMinutes;
      }
      if (prompts !== undefined && !isDeepStrictEqual(prompts, exercise.prompts)) changes.prompts = prompts;
      const fields = Object.keys(changes);
      if (fields.length === 0) return toExerciseDetail(exercise);
      if (changes.prompts) changes.version = exercise.version + 1;

      await manager.update(Exercise, { id: exercise.id }, changes);
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
      await manager.update(Exercise, { id: exercise.id }, { archivedAt: new Date() });
      await this.record(manager, actor, 'exercise.archive', exercise.id);
    });
  }

  /** A built-in, or one of the clinic's own exercises that is not archived. */
  private visible(clinicId: string, id: string): FindOptionsWhere<Exercise>[] {
    return [
      { id, clinicId: IsNull(), archivedAt: IsNull() },
      { id, clinicId, archivedAt: IsNull() },
    ];
  }

  /** The clinic's own exercise, locked for the change; a built-in is a 409 (it is visible, just read-only). */
  private async editable(
    manager: EntityManager,
    clinicId: string,
    id: string,
    builtInMessage: string,
  ): Promise<Exercise> {
    const exercise = await manager.findOne(Exercise, {
      where: this.visible(clinicId, id),
      lock: { mode: 'pessimistic_write' },
    });
    if (!exercise) throw notFound();
    if (exercise.clinicId === null) throw new ConflictException(builtInMessage);
    return exercise;
  }

  private ordered(qb: SelectQueryBuilder<Exercise>, query: ExerciseListQueryDto): SelectQueryBuilder<Exercise> {
    const byTitle = 'lower(e.title)';
    if (query.sort === 'title') return qb.orderBy(byTitle, query.order).addOrderBy('e.id', 'ASC');
    if (query.sort === 'strategy') {
      // The seed article's order (the catalog's), which is how therapists know the strategies.
      qb.orderBy('array_position(CAST(:strategyOrder AS text[]), e.strategy)', query.order).setParameter(
        'strategyOrder',
        STRATEGY_KEYS,
      );
    } else {
      qb.orderBy('e.estimatedMinutes', query.order);
    }
    return qb.addOrderBy(byTitle, 'ASC').addOrderBy('e.id', 'ASC');
  }

  /**
   * Inserts a clinic exercise under the first free key for its title. Keys are unique within the
   * clinic's library, built-ins included; a per-clinic transaction lock keeps two same-titled
   * creates from racing for one key.
   */
  private async insert(
    manager: EntityManager,
    staff: SessionUser,
    fields: Pick<
      Exercise,
      'title' | 'strategy' | 'purpose' | 'instructions' | 'estimatedMinutes' | 'prompts' | 'basedOnId'
    >,
  ): Promise<Exercise> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`exercise-key:${staff.clinicId}`]);
    const base = keyBaseFromTitle(fields.title);
    const taken: { key: string }[] = await manager.query(
      `SELECT key FROM exercise WHERE (clinic_id = $1 OR clinic_id IS NULL) AND (key = $2 OR key LIKE $3)`,
      [staff.clinicId, base, `${escapeLike(base)}-%`],
    );
    return manager.save(
      manager.create(Exercise, {
        ...fields,
        clinicId: staff.clinicId,
        key: firstFreeKey(
          base,
          taken.map((row) => row.key),
        ),
        version: 1,
        createdBy: staff.id,
        archivedAt: null,
      }),
    );
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
