import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CoupleMeasureResponses, MeasureResponsePoint } from '@trellis/contracts';
import { type MeasureScore, scoreMeasure } from '@trellis/domain';
import type { Actor, StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CouplesService } from '../couples/couples.service';
import { validationProblem } from '../http/problem.exception';
import { checkedAnswers } from './measure-definition';
import { toMeasureSummary } from './measure.view';
import { MeasureResponsesRepository, type MeasureResponseRow } from './measure-responses.repository';
import { type CurrentMeasure, MeasuresRepository } from './measures.repository';
import { responsesCsv } from './measure-responses.csv';

/** The partner answering: their client row's ids, as the link that identified them gives them. */
export interface AnsweringPartner {
  id: string;
  clinicId: string;
  coupleId: string;
}

export interface CheckInAnswers {
  /** The version the check-in was sent with (its frozen questions). */
  measureVersionId: string;
  /** The schedule's occurrence key (see planNextCheckIn). */
  occurrence: string;
  /** Untrusted: checked against the version's items and scales. */
  answers: unknown;
  submittedAt: Date;
}

const OCCURRENCE = /^[a-z0-9-]{1,64}$/;

function toPoint(row: MeasureResponseRow): MeasureResponsePoint {
  return {
    id: row.id,
    occurrence: row.occurrence,
    submittedAt: row.submittedAt.toISOString(),
    measureVersion: row.measureVersion,
    score: row.score,
    band: row.band,
    prorated: row.prorated,
    answers: row.answers,
    itemScores: row.itemScores,
  };
}

/**
 * Scored check-ins: a partner's answers are scored when submitted, with the version they were
 * asked in, and kept with their items; the therapist reads both partners' scores over time.
 * Scores are never recomputed: a new measure version only applies to check-ins sent after it.
 */
@Injectable()
export class MeasureResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly couples: CouplesService,
    private readonly measures: MeasuresRepository,
    private readonly responses: MeasureResponsesRepository,
  ) {}

  /**
   * Scores and keeps one partner's answers to one check-in, in the caller's transaction (the one
   * that closes their link), with its audit row. Answers that do not fit the version are a 400
   * naming each (`answers.<item>`); a second answer to the same occurrence is a 409 and the first
   * is kept.
   */
  async submitInTransaction(
    manager: EntityManager,
    actor: Actor,
    partner: AnsweringPartner,
    checkIn: CheckInAnswers,
  ): Promise<MeasureScore & { id: string }> {
    if (!OCCURRENCE.test(checkIn.occurrence)) {
      throw validationProblem([{ field: 'occurrence', message: 'must be a check-in occurrence key' }]);
    }
    const version = await this.responses.findScoringVersion(manager, partner.clinicId, checkIn.measureVersionId);
    if (!version) throw new NotFoundException('No such measure in this clinic.');
    const answers = checkedAnswers(version.definition, checkIn.answers);
    const scored = scoreMeasure(version.definition, answers);
    const id = await this.responses.insertOnce(manager, {
      clinicId: partner.clinicId,
      coupleId: partner.coupleId,
      clientId: partner.id,
      measureId: version.measureId,
      measureVersionId: version.measureVersionId,
      occurrence: checkIn.occurrence,
      answers: Object.fromEntries(Object.entries(answers).map(([item, value]) => [item, value ?? null])),
      itemScores: { ...scored.itemScores },
      score: scored.score,
      prorated: scored.prorated,
      band: scored.band,
      submittedAt: checkIn.submittedAt,
    });
    if (id === null) throw new ConflictException('This check-in was already answered.');
    await this.audit.record(
      actor,
      {
        action: 'measure_response.submit',
        outcome: 'success',
        recordType: 'measure_response',
        recordId: id,
        details: { measureId: version.measureId, coupleId: partner.coupleId },
        attributedTo: { clinicId: partner.clinicId, actorId: partner.id, actorType: 'client_link' },
      },
      manager,
    );
    return { id, ...scored };
  }

  /**
   * Both partners' scores on one measure over time, for the couple's therapist (or an admin):
   * another clinic's or therapist's couple, or a measure the clinic cannot see, is a 404 recorded
   * as denied. A fixed number of statements however long the history.
   */
  async listForCouple(actor: StaffActor, coupleId: string, measureId: string): Promise<CoupleMeasureResponses> {
    return (await this.readForCouple(actor, coupleId, measureId, 'measure_response.list')).view;
  }

  /**
   * The same responses as CSV, one row per partner per check-in with every item's answer as given
   * (items of older versions after the current ones), for the clinic's own records and analysis.
   */
  async exportCsv(actor: StaffActor, coupleId: string, measureId: string): Promise<string> {
    const { view, measure } = await this.readForCouple(actor, coupleId, measureId, 'measure_response.export');
    return responsesCsv(
      view,
      measure.definition.items.map((item) => item.id),
    );
  }

  private async readForCouple(
    actor: StaffActor,
    coupleId: string,
    measureId: string,
    action: 'measure_response.list' | 'measure_response.export',
  ): Promise<{ view: CoupleMeasureResponses; measure: CurrentMeasure }> {
    const { clinicId } = actor.staff;
    const attempt = { action, recordType: 'couple', recordId: coupleId, details: { measureId } } as const;
    const measure = await this.audit.read(actor, attempt, async () => {
      await this.couples.findVisibleOrFail(actor.staff, coupleId);
      const found = await this.measures.findCurrent(clinicId, measureId);
      if (!found) throw new NotFoundException('No such measure in your library.');
      return found;
    });
    const [partners, rows, sessionDates] = await Promise.all([
      this.responses.partnersOf(clinicId, coupleId),
      this.responses.listForCouple(clinicId, coupleId, measureId),
      this.responses.sessionDates(clinicId, coupleId),
    ]);
    await this.audit.record(actor, { ...attempt, outcome: 'success' });
    const view: CoupleMeasureResponses = {
      measure: toMeasureSummary(measure),
      partners: partners.map((p) => ({
        clientId: p.id,
        position: p.position,
        responses: rows.filter((r) => r.clientId === p.id).map(toPoint),
      })),
      sessionDates,
    };
    return { view, measure };
  }
}
