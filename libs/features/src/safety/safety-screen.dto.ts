import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Allow, IsArray } from 'class-validator';
import {
  MAX_OPTIONS,
  MIN_OPTIONS,
  OPTION_LABEL_MAX_LENGTH,
  PROMPT_LABEL_MAX_LENGTH,
  SAFETY_SCREEN_INSTRUCTIONS_MAX_LENGTH,
  SAFETY_SCREEN_MAX_QUESTIONS,
  SAFETY_SCREEN_MIN_QUESTIONS,
  SAFETY_SCREEN_TITLE_MAX_LENGTH,
  type SafetyScreenQuestion,
} from '@trellis/domain';
import { RequiredText } from '../http/text-fields';

const QUESTION_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['label', 'options'],
  additionalProperties: false,
  properties: {
    label: { type: 'string', maxLength: PROMPT_LABEL_MAX_LENGTH },
    options: {
      type: 'array',
      minItems: MIN_OPTIONS,
      maxItems: MAX_OPTIONS,
      items: {
        type: 'object',
        required: ['label', 'concerning'],
        additionalProperties: false,
        properties: {
          label: { type: 'string', maxLength: OPTION_LABEL_MAX_LENGTH },
          concerning: {
            type: 'boolean',
            description: 'Choosing it pauses the couple’s joint work and alerts the counselor',
          },
        },
      },
    },
  },
};

/**
 * The clinic's own safety screen, written whole (PUT). Only the list shapes are checked here:
 * `validateSafetyScreenQuestions` (domain) checks every question and option and names the field.
 */
export class SafetyScreenDto {
  @ApiProperty({ type: String, example: 'A private check-in', maxLength: SAFETY_SCREEN_TITLE_MAX_LENGTH })
  @RequiredText(SAFETY_SCREEN_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({
    type: String,
    maxLength: SAFETY_SCREEN_INSTRUCTIONS_MAX_LENGTH,
    description: 'Shown above the questions on each partner’s page',
  })
  @RequiredText(SAFETY_SCREEN_INSTRUCTIONS_MAX_LENGTH)
  instructions: string;

  @ApiProperty({
    type: 'array',
    minItems: SAFETY_SCREEN_MIN_QUESTIONS,
    maxItems: SAFETY_SCREEN_MAX_QUESTIONS,
    items: QUESTION_SCHEMA,
    description:
      'Single-choice questions, their options marked concerning or not: at least one concerning option on the screen, and at least one option not concerning on each question',
  })
  @IsArray({ message: 'must be a list of questions' })
  questions: SafetyScreenQuestion[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: PROMPT_LABEL_MAX_LENGTH,
    description: 'An optional last question answered in the partner’s own words; null or absent for none',
  })
  @Allow() // checked by validateSafetyScreenQuestions, which names it
  freeTextQuestion?: string | null;
}
