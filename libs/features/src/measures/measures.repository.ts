import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Measure, MeasureVersion } from '@trellis/data';
import type { MeasureDefinition, MeasureKind } from '@trellis/domain';
import { MeasureListQueryDto } from './measure-list-query.dto';

/** A measure with the definition of its current version: what the list and a change need. */
export interface CurrentMeasure {
  id: string;
  clinicId: string | null;
  key: string | null;
  kind: MeasureKind;
  title: string;
  description: string;
  currentVersion: number;
  definition: MeasureDefinition;
}

export interface MeasureVersionRow {
  version: number;
  definition: MeasureDefinition;
  createdAt: Date;
}

export interface MeasureWithVersions extends Omit<CurrentMeasure, 'definition'> {
  /** Newest first; the first is the current version. */
  versions: MeasureVersionRow[];
}

export interface MeasurePage {
  rows: CurrentMeasure[];
  total: number;
}

export type NewMeasure = Pick<Measure, 'clinicId' | 'kind' | 'title' | 'description' | 'createdBy'>;

const CURRENT_COLUMNS = `m.id, m.clinic_id AS "clinicId", m.key, m.kind, m.title, m.description,
  m.current_version AS "currentVersion", v.definition`;
const CURRENT_FROM = `measure m JOIN measure_version v ON v.measure_id = m.id AND v.version = m.current_version`;
/** Built-ins and the clinic's own, not archived: $1 is always the caller's clinic. */
const VISIBLE = `(m.clinic_id IS NULL OR m.clinic_id = $1) AND m.archived_at IS NULL`;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The measure library (built-ins with clinic_id NULL, and each clinic's own) and its versions:
 * where the measures feature's SQL lives. Every read is scoped to one clinic's library. Versions
 * are only ever inserted (the database refuses anything else).
 */
@Injectable()
export class MeasuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Filtered, sorted and paged in SQL: two statements (rows and count) whatever the page size. */
  async findPage(clinicId: string, query: MeasureListQueryDto): Promise<MeasurePage> {
    const params: unknown[] = [clinicId];
    const where = [VISIBLE];
    if (query.source === 'builtin') where.push('m.clinic_id IS NULL');
    if (query.source === 'clinic') where.push('m.clinic_id = $1');
    if (query.kind) where.push(`m.kind = $${params.push(query.kind)}`);
    if (query.q?.trim()) {
      const q = `$${params.push(`%${escapeLike(query.q.trim())}%`)}`;
      where.push(`(m.title ILIKE ${q} OR m.description ILIKE ${q})`);
    }
    const order = query.order === 'DESC' ? 'DESC' : 'ASC';
    const orderBy =
      query.sort === 'kind' ? `m.kind ${order}, lower(m.title) ASC, m.id ASC` : `lower(m.title) ${order}, m.id ASC`;
    const filter = where.join(' AND ');
    const limit = `$${params.length + 1}`;
    const offset = `$${params.length + 2}`;
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT ${CURRENT_COLUMNS} FROM ${CURRENT_FROM} WHERE ${filter} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
        [...params, query.perPage, (query.page - 1) * query.perPage],
      ) as Promise<CurrentMeasure[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM measure m WHERE ${filter}`, params) as Promise<
        { total: number }[]
      >,
    ]);
    return { rows, total: counted[0].total };
  }

  /** One visible measure with its current definition; null when not visible. */
  async findCurrent(clinicId: string, id: string): Promise<CurrentMeasure | null> {
    const rows: CurrentMeasure[] = await this.dataSource.query(
      `SELECT ${CURRENT_COLUMNS} FROM ${CURRENT_FROM} WHERE m.id = $2 AND ${VISIBLE}`,
      [clinicId, id],
    );
    return rows[0] ?? null;
  }

  /** One visible measure with every version, newest first, in one statement; null when not visible. */
  async findVisible(clinicId: string, id: string): Promise<MeasureWithVersions | null> {
    const rows: (Omit<CurrentMeasure, 'definition'> & MeasureVersionRow)[] = await this.dataSource.query(
      `SELECT m.id, m.clinic_id AS "clinicId", m.key, m.kind, m.title, m.description,
              m.current_version AS "currentVersion", v.version, v.definition, v.created_at AS "createdAt"
       FROM measure m JOIN measure_version v ON v.measure_id = m.id
       WHERE m.id = $2 AND ${VISIBLE}
       ORDER BY v.version DESC`,
      [clinicId, id],
    );
    if (rows.length === 0) return null;
    const { id: measureId, clinicId: owner, key, kind, title, description, currentVersion } = rows[0];
    return {
      id: measureId,
      clinicId: owner,
      key,
      kind,
      title,
      description,
      currentVersion,
      versions: rows.map(({ version, definition, createdAt }) => ({ version, definition, createdAt })),
    };
  }

  /**
   * A visible measure with its current definition, locked until the caller's transaction ends. Two
   * statements on purpose: the lock first, then the definition read after it, so a caller that
   * waited for another version to commit sees that version (a join locked in one statement would
   * re-check the measure row against the version it read before waiting, and find nothing).
   */
  async lockVisible(manager: EntityManager, clinicId: string, id: string): Promise<CurrentMeasure | null> {
    const locked: unknown[] = await manager.query(
      `SELECT m.id FROM measure m WHERE m.id = $2 AND ${VISIBLE} FOR UPDATE`,
      [clinicId, id],
    );
    if (locked.length === 0) return null;
    const rows: CurrentMeasure[] = await manager.query(
      `SELECT ${CURRENT_COLUMNS} FROM ${CURRENT_FROM} WHERE m.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A clinic's new measure at version 1 (the caller inserts that version in the same transaction). */
  async insert(manager: EntityManager, measure: NewMeasure): Promise<string> {
    const saved = await manager.save(
      manager.create(Measure, { ...measure, key: null, currentVersion: 1, archivedAt: null }),
    );
    return saved.id;
  }

  async insertVersion(
    manager: EntityManager,
    version: Pick<MeasureVersion, 'measureId' | 'version' | 'definition' | 'createdBy'>,
  ): Promise<void> {
    await manager.insert(MeasureVersion, version);
  }

  async setCurrentVersion(manager: EntityManager, id: string, version: number): Promise<void> {
    await manager.update(Measure, { id }, { currentVersion: version });
  }
}
