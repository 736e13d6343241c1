import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeasureKind } from '@trellis/domain';

/** One partner of one active couple on one measure: their first and latest scored check-in. */
export interface PartnerSpanRow {
  measureId: string;
  title: string;
  kind: MeasureKind;
  higherIsBetter: boolean;
  reliableChange: number | null;
  coupleId: string;
  first: number;
  latest: number;
  count: number;
}

/** What the clinic summary is built from: one statement however many couples and check-ins. */
@Injectable()
export class ClinicMeasureSummaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every partner span in the clinic's active couples, with each measure's current direction and reliable change. */
  async partnerSpans(clinicId: string): Promise<{ recentDrop: number; spans: PartnerSpanRow[] }> {
    const [row]: {
      recent_drop: string;
      spans: (Omit<PartnerSpanRow, 'first' | 'latest'> & { first: string; latest: string })[] | null;
    }[] = await this.dataSource.query(
      `SELECT k.off_track_recent_drop AS recent_drop,
                (SELECT json_agg(x) FROM (
                   SELECT m.id AS "measureId", m.title, m.kind,
                          (v.definition->>'higherIsBetter')::boolean AS "higherIsBetter",
                          (v.definition->>'reliableChange')::numeric AS "reliableChange",
                          r.couple_id AS "coupleId",
                          (array_agg(r.score ORDER BY r.submitted_at, r.id))[1] AS first,
                          (array_agg(r.score ORDER BY r.submitted_at DESC, r.id DESC))[1] AS latest,
                          count(*)::int AS count
                   FROM measure_response r
                   JOIN couple c ON c.id = r.couple_id
                   JOIN measure m ON m.id = r.measure_id
                   JOIN measure_version v ON v.measure_id = m.id AND v.version = m.current_version
                   WHERE r.clinic_id = $1 AND c.clinic_id = $1 AND c.status = 'active' AND r.score IS NOT NULL
                   GROUP BY m.id, v.definition, r.couple_id, r.client_id
                   ORDER BY lower(m.title), m.id) x) AS spans
         FROM clinic k WHERE k.id = $1`,
      [clinicId],
    );
    return {
      recentDrop: Number(row.recent_drop),
      // Inside JSON, numeric arrives as a number already; the reliable change may be null.
      spans: (row.spans ?? []).map((s) => ({
        ...s,
        first: Number(s.first),
        latest: Number(s.latest),
        reliableChange: s.reliableChange === null ? null : Number(s.reliableChange),
      })),
    };
  }
}
