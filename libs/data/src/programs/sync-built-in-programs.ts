import type { DataSource, EntityManager } from 'typeorm';
import { BUILT_IN_PROGRAMS, builtInProgramSteps } from '@trellis/domain';
import type { StoredProgramStep } from '../entities/program.entity';

/**
 * Makes the built-in rows of the program table match the domain (one upsert per program), with
 * each step's exercise key turned into the id of the built-in exercise row. Runs after the
 * exercises are synced; couples already on a program keep the steps they were given.
 */
export async function syncBuiltInPrograms(db: DataSource | EntityManager): Promise<void> {
  const exercises: { id: string; key: string }[] = await db.query(
    `SELECT id, key FROM exercise WHERE clinic_id IS NULL`,
  );
  const idOf = new Map(exercises.map((e) => [e.key, e.id]));
  for (const program of BUILT_IN_PROGRAMS) {
    const steps: StoredProgramStep[] = builtInProgramSteps(program).map((step) => {
      const exercise = step.exercise === null ? null : idOf.get(step.exercise);
      if (exercise === undefined)
        throw new Error(`built-in program ${program.key} names unknown exercise ${step.exercise}`);
      return { ...step, exercise };
    });
    await db.query(
      `INSERT INTO program (key, title, description, steps) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (key) WHERE clinic_id IS NULL DO UPDATE SET
         title = EXCLUDED.title, description = EXCLUDED.description, steps = EXCLUDED.steps, updated_at = now()
       WHERE program.title <> EXCLUDED.title OR program.description <> EXCLUDED.description
          OR program.steps <> EXCLUDED.steps`,
      [program.key, program.title, program.description, JSON.stringify(steps)],
    );
  }
}
