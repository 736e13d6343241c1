import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';
import {
  EXERCISE_PHASES,
  type ExercisePhase,
  MAX_PROMPTS_PER_EXERCISE,
  MIN_PROMPTS_PER_EXERCISE,
  STRATEGY_KEYS,
  type StrategyKey,
} from '@trellis/domain';
import { RequiredText } from '../http/text-fields';

const Strategy = () => IsIn(STRATEGY_KEYS, { message: `must be one of ${STRATEGY_KEYS.join(', ')}` });
const Minutes = () =>
  applyDecorators(
    IsInt({ message: 'must be a whole number of minutes' }),
    Min(1, { message: 'must be at least 1 minute' }),
    Max(240, { message: 'must be at most 240 minutes' }),
  );
/** Only the list shape here: `validatePromptDefinitions` (domain) checks every prompt inside it. */
const Prompts = () => IsArray({ message: 'must be a list of prompts' });
/** Absent means "unchanged"; unlike @IsOptional, an explicit null is still validated (and refused). */
const Omittable = () => ValidateIf((_object, value) => value !== undefined);
/** A phase, or null for none; absent means "unchanged" (none on create). */
const Phase = () =>
  applyDecorators(
    ValidateIf((_object, value) => value !== undefined && value !== null),
    IsIn(EXERCISE_PHASES, { message: `must be one of ${EXERCISE_PHASES.join(', ')}, or null` }),
  );
const Flag = () => applyDecorators(Omittable(), IsBoolean({ message: 'must be true or false' }));
const PHASE_DOC = { enum: EXERCISE_PHASES, nullable: true, description: 'The phase of recovery; null for none' };
const COERCION_DOC = {
  type: Boolean,
  description: 'Could become a tool of control where coercion is suspected (the assign dialog warns)',
};

const PROMPTS_DOC = {
  type: 'array',
  items: { type: 'object', additionalProperties: true },
  description: `${MIN_PROMPTS_PER_EXERCISE}–${MAX_PROMPTS_PER_EXERCISE} prompts (long_text, scale, checklist, single_choice); see the Prompt type in @trellis/domain`,
} as const;

export class CreateExerciseDto {
  @ApiProperty({ example: 'Our evening check-in', maxLength: 200 })
  @RequiredText(200)
  title: string;

  @ApiProperty({ enum: STRATEGY_KEYS })
  @Strategy()
  strategy: StrategyKey;

  @ApiProperty({ example: 'A calm ten minutes to say how the day went.', maxLength: 1000 })
  @RequiredText(1000)
  purpose: string;

  @ApiProperty({ maxLength: 4000 })
  @RequiredText(4000)
  instructions: string;

  @ApiProperty({ minimum: 1, maximum: 240, example: 15 })
  @Minutes()
  estimatedMinutes: number;

  @ApiProperty(PROMPTS_DOC)
  @Prompts()
  prompts: unknown[];

  @ApiPropertyOptional(PHASE_DOC)
  @Phase()
  phase?: ExercisePhase | null;

  @ApiPropertyOptional(COERCION_DOC)
  @Flag()
  coercionSensitive?: boolean;
}

/** Any subset of the create fields; a changed prompt list bumps the exercise's version. */
export class UpdateExerciseDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @RequiredText(200)
  title?: string;

  @ApiPropertyOptional({ enum: STRATEGY_KEYS })
  @Omittable()
  @Strategy()
  strategy?: StrategyKey;

  @ApiPropertyOptional({ maxLength: 1000 })
  @Omittable()
  @RequiredText(1000)
  purpose?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @Omittable()
  @RequiredText(4000)
  instructions?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 240 })
  @Omittable()
  @Minutes()
  estimatedMinutes?: number;

  @ApiPropertyOptional(PROMPTS_DOC)
  @Omittable()
  @Prompts()
  prompts?: unknown[];

  @ApiPropertyOptional(PHASE_DOC)
  @Phase()
  phase?: ExercisePhase | null;

  @ApiPropertyOptional(COERCION_DOC)
  @Flag()
  coercionSensitive?: boolean;
}
