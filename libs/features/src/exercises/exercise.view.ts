import type { ExerciseDetail, ExerciseSummary } from '@trellis/contracts';
import type { ExerciseListItem, ExerciseWithSource } from './exercises.repository';
import { type PromptKind, STRATEGIES } from '@trellis/domain';

const STRATEGY_NAMES = new Map<string, string>(STRATEGIES.map((s) => [s.key, s.name]));

/** `e` needs every column but instructions (the list does not load them). */
/**
 * A copy is offered its source's newer version (the copy itself never changes): the version the
 * source is at now, when it is past the one the copy was made from.
 */
export function newerSourceVersion(e: Pick<ExerciseListItem, 'basedOnVersion' | 'source'>): number | null {
  if (!e.source || e.basedOnVersion === null) return null;
  return e.source.version > e.basedOnVersion ? e.source.version : null;
}

export function toExerciseSummary(e: ExerciseListItem): ExerciseSummary {
  const prompts = Array.isArray(e.prompts) ? e.prompts : [];
  return {
    id: e.id,
    key: e.key,
    title: e.title,
    strategy: e.strategy,
    strategyName: STRATEGY_NAMES.get(e.strategy) ?? e.strategy,
    purpose: e.purpose,
    estimatedMinutes: e.estimatedMinutes,
    promptCount: prompts.length,
    promptKinds: [...new Set<PromptKind>(prompts.map((p) => p.kind))],
    source: e.clinicId === null ? 'builtin' : 'clinic',
    version: e.version,
    basedOnId: e.basedOnId,
    basedOnVersion: e.basedOnVersion,
    newerSourceVersion: newerSourceVersion(e),
    phase: e.phase,
    coercionSensitive: e.coercionSensitive,
  };
}

export function toExerciseDetail(e: ExerciseWithSource): ExerciseDetail {
  return { ...toExerciseSummary(e), instructions: e.instructions, prompts: e.prompts };
}
