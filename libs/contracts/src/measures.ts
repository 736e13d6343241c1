// Measure types shared by the API and the dashboard.
import type { MeasureDefinition, MeasureKind, MeasureScore, ScoreBand, ScoreRange } from '@trellis/domain';

/** Where a measure comes from: the built-in catalog (everyone sees it) or the caller's clinic. */
export const MEASURE_SOURCES = ['builtin', 'clinic'] as const;
export type MeasureSource = (typeof MEASURE_SOURCES)[number];

export const MEASURE_SORT_FIELDS = ['title', 'kind'] as const;
export type MeasureSortField = (typeof MEASURE_SORT_FIELDS)[number];

/** A row of the measure list, described by its current version. */
export interface MeasureSummary {
  id: string;
  /** Built-ins only: their stable slug. */
  key: string | null;
  kind: MeasureKind;
  title: string;
  description: string;
  source: MeasureSource;
  /** The version new check-ins use. */
  currentVersion: number;
  itemCount: number;
  range: ScoreRange;
  higherIsBetter: boolean;
  clinicalCutoff: number | null;
  reliableChange: number | null;
}

export interface MeasureVersionView {
  version: number;
  definition: MeasureDefinition;
  createdAt: string;
}

/** One measure with its current definition and every version (newest first): scores name theirs. */
export interface MeasureDetail extends MeasureSummary {
  definition: MeasureDefinition;
  versions: MeasureVersionView[];
}

/** Body of `POST /measures`. */
export interface MeasureInput {
  title: string;
  description?: string;
  kind: MeasureKind;
  definition: MeasureDefinition;
}

/** Body of `POST /measures/:id/versions`: the whole new definition. */
export interface MeasureVersionInput {
  definition: MeasureDefinition;
}

/** Body of `POST /measures/preview`: a definition being written, and sample answers. */
export interface MeasurePreviewInput {
  definition: MeasureDefinition;
  answers: Record<string, number | null>;
}

/** What the sample answers score, and the range the score lies in. */
export interface MeasurePreview extends MeasureScore {
  range: ScoreRange;
}

/** One partner's scored check-in, as the Progress tab reads it. */
export interface MeasureResponsePoint {
  id: string;
  /** The check-in occurrence both partners' answers to one check-in share. */
  occurrence: string;
  submittedAt: string;
  /** The version it was scored with: a later version never rescores it. */
  measureVersion: number;
  /** Null when too many items were skipped to score. */
  score: number | null;
  band: ScoreBand | null;
  prorated: boolean;
  /** The answers as given, by item id (null: skipped). */
  answers: Record<string, number | null>;
  /** Each answered item after reverse scoring. */
  itemScores: Record<string, number>;
}

export interface PartnerMeasureResponses {
  clientId: string;
  /** 1 or 2: partner A or B, stable for side-by-side views. */
  position: 1 | 2;
  /** Oldest first. */
  responses: MeasureResponsePoint[];
}

/** `GET /couples/:id/measures/:measureId/responses`: both partners' scores on one measure over time. */
export interface CoupleMeasureResponses {
  measure: MeasureSummary;
  partners: PartnerMeasureResponses[];
  /**
   * The couple's session dates (YYYY-MM-DD, oldest first), for marking on the chart: the days their
   * session notes are for (addenda are not sessions). Dates only, never a note's text.
   */
  sessionDates: string[];
}

/** One measure's row of the clinic summary: the clinic's active couples by where they stand (coupleChange). */
export interface ClinicMeasureSummaryRow {
  measureId: string;
  title: string;
  kind: MeasureKind;
  /** What counts as a real change: the measure's reliable change, or the clinic's off-track drop. */
  basis: 'reliable_change' | 'clinic_threshold';
  /** That change, in the measure's points. */
  threshold: number;
  improving: number;
  unchanged: number;
  worsening: number;
  /** Couples with fewer than two check-ins from either partner: too soon to say. */
  tooFew: number;
}

/** `GET /measures/summary` (admins): per measure the couples have answered, who is improving, unchanged or worsening. */
export interface ClinicMeasureSummary {
  measures: ClinicMeasureSummaryRow[];
}
