import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsIsoDate } from '../http/iso-date';
import { IsOmittable } from '../http/omittable';
import { NOTE_FORMATS, type NoteFormat } from '@trellis/contracts';

export class CreateNoteDto {
  @ApiProperty({ enum: NOTE_FORMATS })
  @IsIn(NOTE_FORMATS, { message: `must be one of ${NOTE_FORMATS.join(', ')}` })
  format: NoteFormat;

  @ApiPropertyOptional({
    example: '2026-11-24',
    description: "Required for a note about the couple; a session's note defaults to the session's date",
  })
  @IsOmittable()
  @IsIsoDate('date', { message: 'must be a date like 2026-11-24' })
  sessionDate?: string;

  @ApiPropertyOptional({
    description: 'The session the note is for (one note per session); left out: a note about the couple',
  })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a session id' })
  sessionId?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'Section → text. SOAP: subjective, objective, assessment, plan; DAP: data, assessment, plan; free: body',
    example: { subjective: 'Example subjective text.', plan: 'Example plan text.' },
  })
  @IsObject({ message: 'must be an object of section texts' })
  sections: Record<string, string>;
}

export class UpdateNoteDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsIsoDate('date', { message: 'must be a date like 2026-11-24' })
  sessionDate?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOmittable()
  @IsObject({ message: 'must be an object of section texts' })
  sections?: Record<string, string>;
}

export class AddendumDto {
  @ApiProperty()
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(20000, { message: 'must be at most 20000 characters' })
  body: string;
}
