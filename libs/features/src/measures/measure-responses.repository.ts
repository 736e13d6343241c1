import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MeasureResponse } from '@trellis/data';
import type { MeasureDefinition } from '@trellis/domain';
import { coupleSessionDaysSql } from '../sessions/held-session-days.sql';

/** A measure version a clinic may score with: a built-in's or one of its own measures'. */
export interface ScoringVersion {
  measureId: string;
  measureVersionId: string;
  definition: MeasureDefinition;
}

export type NewMeasureResponse = Omit<MeasureResponse, 'id'>;

/** A stored response with the version number it was scored with and its partner's position. */
export interface MeasureResponseRow extends MeasureResponse {
  measureVersion: number;
  position: 1 | 2;
}

/**
 * Scored check-ins (measure_response): where their SQL lives. Rows are only ever inserted; every
 * read is filtered by the caller's clinic.
 */
@Injectable()
export class MeasureResponsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The version, if the clinic may use its measure (built-in or its own, not archived). */
  async findScoringVersion(
    manager: EntityManager,
    clinicId: string,
    measureVersionId: string,
  ): Promise<ScoringVersion | null> {
    const rows: ScoringVersion[] = await manager.query(
      `SELECT m.id AS "measureId", v.id AS "measureVersionId", v.definition
       FROM measure_version v JOIN measure m ON m.id = v.measure_id
       WHERE v.id = $2 AND (m.clinic_id IS NULL OR m.clinic_id = $1) AND m.archived_at IS NULL`,
      [clinicId, measureVersionId],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts the response unless the partner already answered this occurrence of the measure:
   * then nothing is written and the answer is null (a double tap, or a second tab).
   */
  async insertOnce(manager: EntityManager, response: NewMeasureResponse): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO measure_response (clinic_id, couple_id, client_id, measure_id, measure_version_id, occurrence,
         answers, item_scores, score, prorated, band, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12)
       ON CONFLICT (client_id, measure_id, occurrence) DO NOTHING
       RETURNING id`,
      [
        response.clinicId,
        response.coupleId,
        response.clientId,
        response.measureId,
        response.measureVersionId,
        response.occurrence,
        JSON.stringify(response.answers),
        JSON.stringify(response.itemScores),
        response.score,
        response.prorated,
        response.band,
        response.submittedAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** The couple's partners, partner 1 first. */
  partnersOf(clinicId: string, coupleId: string): Promise<{ id: string; position: 1 | 2 }[]> {
    return this.dataSource.query(
      `SELECT id, position FROM client WHERE clinic_id = $1 AND couple_id = $2 ORDER BY position`,
      [clinicId, coupleId],
    );
  }

  /** Both partners' responses to one measure, oldest first: one statement however many there are. */
  async listForCouple(clinicId: string, coupleId: string, measureId: string): Promise<MeasureResponseRow[]> {
    const rows: (Omit<MeasureResponseRow, 'score'> & { score: string | null })[] = await this.dataSource.query(
      `SELECT r.id, r.clinic_id AS "clinicId", r.couple_id AS "coupleId", r.client_id AS "clientId",
              r.measure_id AS "measureId", r.measure_version_id AS "measureVersionId", r.occurrence, r.answers,
              r.item_scores AS "itemScores", r.score, r.prorated, r.band, r.submitted_at AS "submittedAt",
              v.version AS "measureVersion", c.position
       FROM measure_response r
       JOIN measure_version v ON v.id = r.measure_version_id
       JOIN client c ON c.id = r.client_id
       WHERE r.clinic_id = $1 AND r.couple_id = $2 AND r.measure_id = $3
       ORDER BY r.submitted_at, r.id`,
      [clinicId, coupleId, measureId],
    );
    // numeric comes back as text: two decimals, exactly what the domain's roundScore gave.
    return rows.map((row) => ({ ...row, score: row.score === null ? null : Number(row.score) }));
  }

  /**
   * The couple's session dates, oldest first: its session days (held sessions and notes, not
   * addenda, on the clinic's clock) from the one SQL definition of them, which the off-track rule
   * counts too (held-session-days.sql.ts). One statement however many.
   */
  async sessionDates(clinicId: string, coupleId: string): Promise<string[]> {
    const rows: { day: string }[] = await this.dataSource.query(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day
       FROM couple c JOIN clinic cl ON cl.id = c.clinic_id
       CROSS JOIN LATERAL (${coupleSessionDaysSql('c.id', 'cl.timezone')}) d
       WHERE c.clinic_id = $1 AND c.id = $2
       ORDER BY d.day`,
      [clinicId, coupleId],
    );
    return rows.map((row) => row.day);
  }
}
