import type { DataSource, EntityManager } from 'typeorm';
import { BUILT_IN_MEASURES, type BuiltInMeasure } from '@trellis/domain';

/**
 * Makes the built-in measures match the domain catalog: the measure rows upserted by key, and each
 * catalog version added once (measure versions are never changed). Runs at every start-up, migrate
 * and seed, like the exercise sync, so a new built-in version reaches every clinic with the release
 * while scores already given keep naming the version they were computed with.
 *
 * A catalog definition that differs from the stored row of the same version is refused: changing a
 * built-in means bumping its version, or past scores would no longer match their definition.
 */
export async function syncBuiltInMeasures(
  db: DataSource | EntityManager,
  catalog: readonly BuiltInMeasure[] = BUILT_IN_MEASURES,
): Promise<void> {
  const values: unknown[] = [];
  const rows = catalog.map((m, i) => {
    values.push(m.key, m.kind, m.title, m.description, m.version, JSON.stringify(m.definition));
    const p = i * 6;
    return `($${p + 1}::text, $${p + 2}::text, $${p + 3}::text, $${p + 4}::text, $${p + 5}::int, $${p + 6}::jsonb)`;
  });
  const catalogRows = `catalog (key, kind, title, description, version, definition) AS (VALUES ${rows.join(', ')})`;
  // First, before anything is written: a stored version the catalog now words differently.
  const changed: { key: string; version: number }[] = await db.query(
    `WITH ${catalogRows}
     SELECT c.key, c.version FROM catalog c
     JOIN measure m ON m.key = c.key AND m.clinic_id IS NULL
     JOIN measure_version v ON v.measure_id = m.id AND v.version = c.version
     WHERE v.definition <> c.definition`,
    values,
  );
  if (changed.length > 0) {
    const which = changed.map((c) => `${c.key} v${c.version}`).join(', ');
    throw new Error(
      `Built-in measure definitions changed without a new version (${which}): bump the version in the catalog.`,
    );
  }
  await db.query(
    `WITH ${catalogRows},
     upserted AS (
       INSERT INTO measure (key, kind, title, description, current_version)
       SELECT key, kind, title, description, version FROM catalog
       ON CONFLICT (key) WHERE clinic_id IS NULL DO UPDATE SET
         kind = EXCLUDED.kind, title = EXCLUDED.title, description = EXCLUDED.description,
         current_version = GREATEST(measure.current_version, EXCLUDED.current_version), updated_at = now()
       WHERE measure.kind <> EXCLUDED.kind OR measure.title <> EXCLUDED.title
          OR measure.description <> EXCLUDED.description OR measure.current_version < EXCLUDED.current_version
       RETURNING id, key
     ),
     built_in AS (
       SELECT id, key FROM upserted
       UNION SELECT id, key FROM measure WHERE clinic_id IS NULL
     )
     INSERT INTO measure_version (measure_id, version, definition)
     SELECT b.id, c.version, c.definition FROM catalog c JOIN built_in b USING (key)
     ON CONFLICT (measure_id, version) DO NOTHING`,
    values,
  );
}
