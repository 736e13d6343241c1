import { DataSource, IsNull } from 'typeorm';
import { type Client, type Couple, Measure, MeasureVersion } from '@trellis/data';
import { SESSION_CHECK_OUT, TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';

const DAY = 24 * 3600 * 1000;

/** A built-in measure and its current version, by key. */
export async function builtInMeasure(
  db: DataSource,
  key: string = TRUST_AND_CONNECTION_CHECK_IN.key,
): Promise<{ measure: Measure; version: MeasureVersion }> {
  const measure = await db.getRepository(Measure).findOneByOrFail({ key, clinicId: IsNull() });
  const version = await db
    .getRepository(MeasureVersion)
    .findOneByOrFail({ measureId: measure.id, version: measure.currentVersion });
  return { measure, version };
}

/**
 * Scored check-ins as if each partner had answered, one a week ending `lastAt` (default: today),
 * written straight into measure_response in one statement: scores given, items left empty. A null
 * score skips that partner's week.
 */
export async function createCheckIns(
  db: DataSource,
  couple: Couple,
  partners: [Client, Client],
  scores: [readonly (number | null)[], readonly (number | null)[]],
  options: { key?: string; lastAt?: Date; everyDays?: number } = {},
): Promise<void> {
  const { measure, version } = await builtInMeasure(db, options.key);
  const last = (options.lastAt ?? new Date()).getTime();
  const every = options.everyDays ?? 7;
  const rows = partners.flatMap((partner, p) =>
    scores[p].flatMap((score, i) =>
      score === null
        ? []
        : [
            {
              client_id: partner.id,
              occurrence: `week-${i}`,
              score,
              submitted_at: new Date(last - (scores[p].length - 1 - i) * every * DAY + p * 3600_000).toISOString(),
            },
          ],
    ),
  );
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO measure_response (clinic_id, couple_id, client_id, measure_id, measure_version_id, occurrence,
       answers, item_scores, score, prorated, band, submitted_at)
     SELECT $1, $2, x.client_id, $3, $4, x.occurrence, '{}', '{}', x.score, false, NULL, x.submitted_at
     FROM jsonb_to_recordset($5::jsonb) AS x(client_id uuid, occurrence text, score numeric, submitted_at timestamptz)`,
    [couple.clinicId, couple.id, measure.id, version.id, JSON.stringify(rows)],
  );
}

export const CHECK_OUT_KEY = SESSION_CHECK_OUT.key;
