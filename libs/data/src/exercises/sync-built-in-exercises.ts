import type { DataSource, EntityManager } from 'typeorm';
import { BUILT_IN_EXERCISES, SAFETY_CHECK_IN_EXERCISE, type ExerciseKind } from '@trellis/domain';
import { syncBuiltInPrograms } from '../programs/sync-built-in-programs';

/**
 * Makes the built-in rows of the exercise table match the domain catalog (one upsert). Runs at
 * every start-up and migration, so new or revised built-ins reach the library with the release;
 * assignments already made keep their frozen copies, and a clinic's copy keeps its own text: it
 * remembers the version it was made from and is offered the newer one (`newerBuiltInVersion`). The
 * safety check-in rides along as a row of its own kind, which the library never lists and a
 * therapist never assigns by hand.
 */
export async function syncBuiltInExercises(db: DataSource | EntityManager): Promise<void> {
  const values: unknown[] = [];
  const catalog: [(typeof BUILT_IN_EXERCISES)[number], ExerciseKind][] = [
    ...BUILT_IN_EXERCISES.map((e) => [e, 'homework'] as [(typeof BUILT_IN_EXERCISES)[number], ExerciseKind]),
    [SAFETY_CHECK_IN_EXERCISE, 'safety_check_in'],
  ];
  const rows = catalog.map(([e, kind], i) => {
    values.push(
      e.key,
      e.title,
      e.strategy,
      e.purpose,
      e.instructions,
      e.estimatedMinutes,
      JSON.stringify(e.prompts),
      e.version,
      e.phase,
      e.coercionSensitive,
      kind,
    );
    const p = i * 11;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb, $${p + 8}, $${p + 9}, $${p + 10}::boolean, $${p + 11})`;
  });
  await db.query(
    `INSERT INTO exercise (key, title, strategy, purpose, instructions, estimated_minutes, prompts, version,
                           phase, coercion_sensitive, kind)
     VALUES ${rows.join(', ')}
     ON CONFLICT (key) WHERE clinic_id IS NULL DO UPDATE SET
       title = EXCLUDED.title, strategy = EXCLUDED.strategy, purpose = EXCLUDED.purpose,
       instructions = EXCLUDED.instructions, estimated_minutes = EXCLUDED.estimated_minutes,
       prompts = EXCLUDED.prompts, version = EXCLUDED.version, phase = EXCLUDED.phase,
       coercion_sensitive = EXCLUDED.coercion_sensitive, kind = EXCLUDED.kind, updated_at = now()
     WHERE exercise.version <> EXCLUDED.version OR exercise.prompts <> EXCLUDED.prompts
        OR exercise.title <> EXCLUDED.title OR exercise.instructions <> EXCLUDED.instructions
        OR exercise.purpose <> EXCLUDED.purpose OR exercise.estimated_minutes <> EXCLUDED.estimated_minutes
        OR exercise.phase IS DISTINCT FROM EXCLUDED.phase
        OR exercise.coercion_sensitive <> EXCLUDED.coercion_sensitive
        OR exercise.kind <> EXCLUDED.kind`,
    values,
  );
  // Built-in programs name built-in exercises: they follow the exercises wherever those are synced.
  await syncBuiltInPrograms(db);
}
