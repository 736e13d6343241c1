import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, IsNull, SelectQueryBuilder } from 'typeorm';
import { Exercise } from '@trellis/data';
import { STRATEGY_KEYS } from '@trellis/domain';
import { ExerciseListQueryDto } from './exercise-list-query.dto';

/**
 * The exercise a copy was made from, as far as the copy's "newer version" notice needs it (read in
 * the same statement as the copy; absent when the source is gone from the library).
 */
export interface ExerciseSource {
  id: string;
  version: number;
}

/** An exercise with the version of the exercise it was copied from. */
export type ExerciseWithSource = Exercise & { source?: ExerciseSource | null };

/** A row of the list: every column but the instructions. */
export type ExerciseListItem = Omit<ExerciseWithSource, 'instructions'>;

export interface ExercisePage {
  rows: ExerciseListItem[];
  total: number;
}

/** A clinic's new exercise, under a key the caller has checked is free. */
export type NewExercise = Pick<
  Exercise,
  | 'clinicId'
  | 'key'
  | 'title'
  | 'strategy'
  | 'purpose'
  | 'instructions'
  | 'estimatedMinutes'
  | 'prompts'
  | 'basedOnId'
  | 'basedOnVersion'
  | 'phase'
  | 'coercionSensitive'
  | 'createdBy'
>;

export type ExerciseChanges = Partial<
  Pick<
    Exercise,
    | 'title'
    | 'strategy'
    | 'purpose'
    | 'instructions'
    | 'estimatedMinutes'
    | 'prompts'
    | 'version'
    | 'phase'
    | 'coercionSensitive'
  >
>;

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
  'e.basedOnVersion',
  'e.phase',
  'e.coercionSensitive',
];

/** Joins the source of a copy (same library rules), so the newer-version notice costs no statement. */
function withSource(qb: SelectQueryBuilder<Exercise>, clinicId: string): SelectQueryBuilder<Exercise> {
  return qb
    .leftJoinAndMapOne(
      'e.source',
      Exercise,
      'src',
      'src.id = e.basedOnId AND (src.clinicId IS NULL OR src.clinicId = :clinicId) AND src.archivedAt IS NULL',
      { clinicId },
    )
    .addSelect(['src.id', 'src.version']);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A built-in, or one of the clinic's own exercises that is not archived. Library homework only:
 * the safety check-in is not an exercise anyone browses, copies or edits.
 */
function visible(clinicId: string, id: string): FindOptionsWhere<Exercise>[] {
  return [
    { id, clinicId: IsNull(), archivedAt: IsNull(), kind: 'homework' },
    { id, clinicId, archivedAt: IsNull(), kind: 'homework' },
  ];
}

function ordered(qb: SelectQueryBuilder<Exercise>, query: ExerciseListQueryDto): SelectQueryBuilder<Exercise> {
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
 * The exercise library (built-ins with clinic_id NULL, and each clinic's own exercises): where the
 * exercises feature's SQL lives. Every read is scoped to one clinic's library; writes, and the reads
 * done inside a change, take the caller's transaction.
 */
@Injectable()
export class ExercisesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Filtered, sorted and paged in SQL: two queries (rows and count) whatever the page size or data. */
  async findPage(clinicId: string, query: ExerciseListQueryDto): Promise<ExercisePage> {
    const qb = withSource(
      this.dataSource.getRepository(Exercise).createQueryBuilder('e').select(LIST_COLUMNS),
      clinicId,
    )
      .where('(e.clinic_id IS NULL OR e.clinic_id = :clinicId)', { clinicId })
      .andWhere('e.archived_at IS NULL')
      .andWhere("e.kind = 'homework'");
    if (query.source === 'builtin') qb.andWhere('e.clinic_id IS NULL');
    if (query.source === 'clinic') qb.andWhere('e.clinic_id = :clinicId');
    if (query.strategy) qb.andWhere('e.strategy = :strategy', { strategy: query.strategy });
    if (query.q?.trim()) {
      qb.andWhere('(e.title ILIKE :q OR e.purpose ILIKE :q)', { q: `%${escapeLike(query.q.trim())}%` });
    }
    // Rows and count side by side: always these two queries (getManyAndCount would drop the count
    // on a short first page, so the statement count would depend on the data).
    const [rows, total] = await Promise.all([
      ordered(qb.clone(), query)
        .offset((query.page - 1) * query.perPage)
        .limit(query.perPage)
        .getMany(),
      qb.getCount(),
    ]);
    return { rows, total };
  }

  findVisible(clinicId: string, id: string): Promise<ExerciseWithSource | null> {
    return withSource(this.dataSource.getRepository(Exercise).createQueryBuilder('e'), clinicId)
      .where('e.id = :id AND (e.clinic_id IS NULL OR e.clinic_id = :clinicId) AND e.archived_at IS NULL', {
        id,
        clinicId,
      })
      .andWhere("e.kind = 'homework'")
      .getOne();
  }

  /** The exercise a copy is made from (visible to the clinic), read in the copy's transaction. */
  findCopySource(manager: EntityManager, clinicId: string, id: string): Promise<Exercise | null> {
    return manager.findOneBy(Exercise, visible(clinicId, id));
  }

  /** A visible exercise, locked for a change until the caller's transaction ends. */
  lockVisible(manager: EntityManager, clinicId: string, id: string): Promise<Exercise | null> {
    return manager.findOne(Exercise, {
      where: visible(clinicId, id),
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Serializes key choice within one clinic until the caller's transaction ends: two same-titled
   * creates must not both pick the same free key.
   */
  async lockKeys(manager: EntityManager, clinicId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`exercise-key:${clinicId}`]);
  }

  /** The keys `base` or `base-<anything>` in the clinic's library, built-ins included. */
  async keysLike(manager: EntityManager, clinicId: string, base: string): Promise<string[]> {
    const taken: { key: string }[] = await manager.query(
      `SELECT key FROM exercise WHERE (clinic_id = $1 OR clinic_id IS NULL) AND (key = $2 OR key LIKE $3)`,
      [clinicId, base, `${escapeLike(base)}-%`],
    );
    return taken.map((row) => row.key);
  }

  /** A new exercise starts at version 1, in the library. */
  insert(manager: EntityManager, exercise: NewExercise): Promise<Exercise> {
    return manager.save(manager.create(Exercise, { ...exercise, version: 1, archivedAt: null }));
  }

  async applyChanges(manager: EntityManager, id: string, changes: ExerciseChanges): Promise<void> {
    await manager.update(Exercise, { id }, changes);
  }

  async archive(manager: EntityManager, id: string): Promise<void> {
    await manager.update(Exercise, { id }, { archivedAt: new Date() });
  }
}
