import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

/**
 * Trims a string field before it is validated (anything else passes as sent, for the validators
 * to name): "  " is then empty, and a required field refuses it instead of storing blanks.
 */
export const trimText = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A required line of text: trimmed, not empty, at most `max` characters; each refusal says which. */
export const RequiredText = (max: number) =>
  applyDecorators(
    Transform(trimText),
    IsString({ message: 'must be text' }),
    MinLength(1, { message: 'is required' }),
    MaxLength(max, { message: `must be at most ${max} characters` }),
  );
