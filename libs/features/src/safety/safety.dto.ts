import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { SAFETY_NOTE_MAX_LENGTH } from '@trellis/domain';

export class LiftSafetyPauseDto {
  @ApiProperty({
    type: String,
    maxLength: SAFETY_NOTE_MAX_LENGTH,
    description: 'What was done (kept in the couple record); required to lift the pause',
  })
  @IsString({ message: 'must be text' })
  @Matches(/\S/, { message: 'must say what was done' })
  @MaxLength(SAFETY_NOTE_MAX_LENGTH, { message: `must be at most ${SAFETY_NOTE_MAX_LENGTH} characters` })
  note: string;
}
