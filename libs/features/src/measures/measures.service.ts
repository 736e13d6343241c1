import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, ListResponse, MeasureDetail, MeasurePreview, MeasureSummary } from '@trellis/contracts';
import { scoreMeasure } from '@trellis/domain';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CreateMeasureDto, CreateMeasureVersionDto, MeasurePreviewDto } from './measure.dto';
import { checkedAnswers, checkedDefinition } from './measure-definition';
import { MeasureListQueryDto } from './measure-list-query.dto';
import { toMeasureDetail, toMeasureSummary } from './measure.view';
import { MeasuresRepository } from './measures.repository';

const notFound = () => new NotFoundException('No such measure in your library.');

/**
 * The measure library of one clinic: the built-ins (clinic_id NULL, read-only) plus the clinic's
 * own measures, which any staff member may write, as with exercises. Editing a measure adds a
 * version; versions are never changed, so a score keeps meaning what it meant when it was given.
 * Another clinic's measure answers 404.
 */
@Injectable()
export class MeasuresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly measures: MeasuresRepository,
  ) {}

  async list(clinicId: string, query: MeasureListQueryDto): Promise<ListResponse<MeasureSummary>> {
    const { rows, total } = await this.measures.findPage(clinicId, query);
    return { data: rows.map(toMeasureSummary), total };
  }

  async get(clinicId: string, id: string): Promise<MeasureDetail> {
    const measure = await this.measures.findVisible(clinicId, id);
    if (!measure) throw notFound();
    return toMeasureDetail(measure);
  }

  /** A clinic's own measure at version 1, its definition checked (400 naming each problem). */
  async create(actor: StaffActor, dto: CreateMeasureDto): Promise<MeasureDetail> {
    const definition = checkedDefinition(dto.definition);
    const { clinicId, id: staffId } = actor.staff;
    const id = await this.dataSource.transaction(async (manager) => {
      const measureId = await this.measures.insert(manager, {
        clinicId,
        kind: dto.kind,
        title: dto.title,
        description: dto.description ?? '',
        createdBy: staffId,
      });
      await this.measures.insertVersion(manager, { measureId, version: 1, definition, createdBy: staffId });
      await this.record(manager, actor, 'measure.create', measureId, { version: 1 });
      return measureId;
    });
    return this.get(clinicId, id);
  }

  /**
   * A new version of the clinic's own measure, which check-ins use from now on; earlier versions
   * and every score computed with them stay as they were. Built-ins are 409 (they change with
   * releases), and so is a definition identical to the current one (nothing to version).
   */
  async addVersion(actor: StaffActor, id: string, dto: CreateMeasureVersionDto): Promise<MeasureDetail> {
    const definition = checkedDefinition(dto.definition);
    const { clinicId, id: staffId } = actor.staff;
    await this.dataSource.transaction(async (manager) => {
      const measure = await this.measures.lockVisible(manager, clinicId, id);
      if (!measure) throw notFound();
      if (measure.clinicId === null) {
        throw new ConflictException('Built-in measures cannot be changed: write your own measure instead.');
      }
      if (isDeepStrictEqual(definition, measure.definition)) {
        throw new ConflictException(`Nothing to save: version ${measure.currentVersion} already says exactly this.`);
      }
      const version = measure.currentVersion + 1;
      await this.measures.insertVersion(manager, { measureId: measure.id, version, definition, createdBy: staffId });
      await this.measures.setCurrentVersion(manager, measure.id, version);
      await this.record(manager, actor, 'measure.version_create', measure.id, { version });
    });
    return this.get(clinicId, id);
  }

  /**
   * Scores sample answers against a definition being written, without saving anything: the
   * editor's preview. An inconsistent definition, or answers that do not fit it, is a 400 naming
   * each field.
   */
  preview(dto: MeasurePreviewDto): MeasurePreview {
    const definition = checkedDefinition(dto.definition);
    const answers = checkedAnswers(definition, dto.answers);
    return { ...scoreMeasure(definition, answers), range: definition.range };
  }

  private async record(
    manager: EntityManager,
    actor: StaffActor,
    action: AuditAction,
    measureId: string,
    details: Record<string, string | number>,
  ): Promise<void> {
    await this.audit.record(
      actor,
      { action, outcome: 'success', recordType: 'measure', recordId: measureId, details },
      manager,
    );
  }
}
