import type { ExerciseDetail, ExerciseSummary } from '@trellis/contracts';
import { Exercise } from '@trellis/data';
import { type PromptKind, STRATEGIES } from '@trellis/domain';

const STRATEGY_NAMES = new Map<string, string>(STRATEGIES.map((s) => [s.key, s.name]));

/** `e` needs every column but instructions (the list does not load them). */
export function toExerciseSummary(e: Omit<Exercise, 'instructions'>): ExerciseSummary {
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
  };
}

export function toExerciseDetail(e: Exercise): ExerciseDetail {
  return { ...toExerciseSummary(e), instructions: e.instructions, prompts: e.prompts };
}
