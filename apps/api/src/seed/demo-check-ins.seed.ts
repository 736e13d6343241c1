import type { EntityManager } from 'typeorm';
import { scoreMeasure, SESSION_CHECK_OUT, TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { planCheckInsInTransaction } from '@trellis/jobs';

/** Ten weekly check-ins, the oldest ten weeks ago. */
export const DEMO_CHECK_IN_WEEKS = 10;

/**
 * How each partner felt week by week (the mean of the items on 0–10, before their own leanings),
 * and how they lean on each item: two people in one relationship never answer alike.
 */
interface PartnerStory {
  levels: readonly number[];
  /** Added to the level for each item in catalog order; the reversed item is answered the other way round. */
  leanings: readonly number[];
}

/**
 * The demo couples' weekly trust-and-connection check-ins, each telling a story a therapist
 * recognises: Alex & Sam improving together; Priya holding steady while Jordan drifts down, the
 * gap between them widening; Casey steady while Drew falls away sharply in the last weeks.
 */
export const DEMO_CHECK_IN_STORIES: Record<string, readonly [PartnerStory, PartnerStory]> = {
  '00000000-0000-4000-8000-0000000000c1': [
    { levels: [4, 4.2, 4.6, 5, 5.2, 5.6, 6, 6.2, 6.6, 7], leanings: [1, -1, 0.5, 0, -0.5] },
    { levels: [3.6, 3.8, 4.4, 4.6, 5, 5.4, 5.6, 6, 6.4, 6.8], leanings: [-0.5, 1, 0, -1, 0.5] },
  ],
  '00000000-0000-4000-8000-0000000000c2': [
    { levels: [6, 6, 6.2, 6.2, 6.4, 6.4, 6.6, 6.8, 6.8, 7], leanings: [0.5, 0, 1, -1, -0.5] },
    { levels: [5.8, 5.6, 5.4, 5.2, 5, 4.8, 4.6, 4.2, 4, 3.8], leanings: [0, -1.5, 0.5, 0.5, 0.5] },
  ],
  '00000000-0000-4000-8000-0000000000c3': [
    { levels: [5.6, 5.8, 5.6, 6, 5.8, 6, 6.2, 6, 6.2, 6.2], leanings: [1, 0, -1, 0.5, -0.5] },
    { levels: [6, 6.2, 6, 6, 5.8, 5.6, 5, 4.4, 3.8, 3], leanings: [-1, 0.5, 0.5, 0, 0] },
  ],
};

const clamp = (n: number) => Math.min(10, Math.max(0, Math.round(n)));

/** One partner's answers for one week, item by item, as they would tap them on a phone. */
function answersFor(story: PartnerStory, week: number): Record<string, number> {
  const items = TRUST_AND_CONNECTION_CHECK_IN.definition.items;
  return Object.fromEntries(
    items.map((item, i) => {
      const felt = clamp(story.levels[week] + story.leanings[i]);
      return [item.id, item.reverse ? 10 - felt : felt];
    }),
  );
}

/**
 * Inserts the demo check-ins, scored with the same rule as a real submission. Fixed occurrence keys
 * (`demo-week-1` …) and the one-answer-per-occurrence constraint make it idempotent. Waits, like the
 * demo homework, until the built-in measures have been synced.
 */
export async function seedDemoCheckIns(m: EntityManager, clinicId: string): Promise<void> {
  const [version] = await m.query(
    `SELECT m.id AS "measureId", v.id AS "versionId", v.definition
     FROM measure m JOIN measure_version v ON v.measure_id = m.id AND v.version = m.current_version
     WHERE m.key = $1 AND m.clinic_id IS NULL`,
    [TRUST_AND_CONNECTION_CHECK_IN.key],
  );
  if (!version) return;
  const partners: { id: string; coupleId: string; position: 1 | 2 }[] = await m.query(
    `SELECT id, couple_id AS "coupleId", position FROM client WHERE clinic_id = $1 AND couple_id = ANY($2::uuid[])`,
    [clinicId, Object.keys(DEMO_CHECK_IN_STORIES)],
  );
  for (const partner of partners) {
    const story = DEMO_CHECK_IN_STORIES[partner.coupleId][partner.position - 1];
    for (let week = 0; week < DEMO_CHECK_IN_WEEKS; week++) {
      const answers = answersFor(story, week);
      const scored = scoreMeasure(version.definition, answers);
      const weeksAgo = DEMO_CHECK_IN_WEEKS - week;
      // Partners answer on different evenings of the same week.
      const hoursLate = partner.position === 1 ? 2 : 26;
      await m.query(
        `INSERT INTO measure_response (clinic_id, couple_id, client_id, measure_id, measure_version_id, occurrence,
           answers, item_scores, score, prorated, band, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11,
           date_trunc('day', now()) - make_interval(days => $12) + make_interval(hours => $13))
         ON CONFLICT (client_id, measure_id, occurrence) DO NOTHING`,
        [
          clinicId,
          partner.coupleId,
          partner.id,
          version.measureId,
          version.versionId,
          `demo-week-${week + 1}`,
          JSON.stringify(answers),
          JSON.stringify(scored.itemScores),
          scored.score,
          scored.prorated,
          scored.band,
          weeksAgo * 7,
          18 + hoursLate,
        ],
      );
    }
  }
}

/**
 * The demo couples' schedules, so the Progress tab shows check-ins on their way: the weekly
 * trust-and-connection check-in on Sunday evenings (Alex & Sam see each other's scores once both
 * answered), and the session check-out two hours after each session. The worker plans them (one
 * job per couple through the outbox), as it would after a therapist set them. Idempotent: one
 * schedule per couple and measure.
 */
export async function seedDemoCheckInSchedules(m: EntityManager, clinicId: string, therapistId: string): Promise<void> {
  const measures: { id: string; key: string }[] = await m.query(
    `SELECT id, key FROM measure WHERE clinic_id IS NULL AND key = ANY($1::text[])`,
    [[TRUST_AND_CONNECTION_CHECK_IN.key, SESSION_CHECK_OUT.key]],
  );
  const weekly = measures.find((row) => row.key === TRUST_AND_CONNECTION_CHECK_IN.key);
  const checkOut = measures.find((row) => row.key === SESSION_CHECK_OUT.key);
  if (!weekly || !checkOut) return; // built-ins are synced by migrate; the schedules wait for them
  for (const [n, coupleId] of Object.keys(DEMO_CHECK_IN_STORIES).entries()) {
    const inserted: unknown[] = await m.query(
      `INSERT INTO check_in_schedule (clinic_id, couple_id, measure_id, kind, hours, weekday, local_time, share_with_partner, created_by)
       VALUES ($1, $2, $3, 'weekly', NULL, 7, '18:00', $5, $4), ($1, $2, $6, 'after_session', 2, NULL, NULL, false, $4)
       ON CONFLICT (couple_id, measure_id) DO NOTHING RETURNING id`,
      [clinicId, coupleId, weekly.id, therapistId, n === 0, checkOut.id],
    );
    if (inserted.length) await planCheckInsInTransaction(m, clinicId, coupleId);
  }
}
