import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsObject, IsString, Matches, MaxLength } from 'class-validator';

export class HomeworkTokenDto {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString({ message: 'must be text' })
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'is not a valid link token' })
  token: string;
}

export class AnswersDto {
  @ApiProperty({
    type: 'object',
    description:
      'Prompt id → answer: text (long text, single choice: the option id), a number (scale) or a list of option ids (checklist)',
    // The kinds of answer (libs/domain AnswerByKind), so generated clients type them.
    additionalProperties: {
      oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }],
    },
  })
  @IsObject({ message: 'must be an object of answers by prompt id' })
  answers: Record<string, unknown>;
}

/** "I don't feel safe doing this exercise" carries nothing: the session says who and which homework. */
export class NotSafeDto {}

export class FreshLinkDto {
  @ApiProperty()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email: string;
}
