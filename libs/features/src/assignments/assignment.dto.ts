import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  Max,
  Min,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsIsoDate } from '../http/iso-date';
import { IsOmittable } from '../http/omittable';

/** Two weeks: the longest "before the session" that still belongs to that session. */
export const MAX_HOURS_BEFORE_SESSION = 336;

export class CreateAssignmentsDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be an exercise id' })
  exerciseId: string;

  @ApiProperty({ type: [String], description: 'One or more couples (at most 50 at once)' })
  @IsArray({ message: 'must be a list of couple ids' })
  @ArrayMinSize(1, { message: 'must name at least one couple' })
  @ArrayMaxSize(50, { message: 'must name at most 50 couples' })
  @ArrayUnique({ message: 'must not name a couple twice' })
  @IsUUID('all', { each: true, message: 'must be couple ids' })
  coupleIds: string[];

  @ApiPropertyOptional({
    example: '2026-12-05T18:00:00Z',
    description: 'A fixed due date; give this or `dueBeforeSessionHours`',
  })
  @IsOmittable()
  @IsIsoDate('date-time', { message: 'must be an ISO 8601 date-time like 2026-12-05T18:00:00Z' })
  dueAt?: string;

  @ApiPropertyOptional({
    example: 24,
    description:
      'Due this many hours before each couple’s next scheduled session (instead of `dueAt`); moving that session moves the due date and its reminders',
  })
  @IsOmittable()
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(0, { message: 'must be at least 0' })
  @Max(MAX_HOURS_BEFORE_SESSION, { message: `must be at most ${MAX_HOURS_BEFORE_SESSION} (two weeks)` })
  dueBeforeSessionHours?: number;

  @ApiPropertyOptional({ description: 'A note to the couple, shown with the homework' })
  @IsOmittable()
  @IsString({ message: 'must be text' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  message?: string;

  @ApiPropertyOptional({ description: 'After both submit, each partner may read the other’s answers' })
  @IsOmittable()
  @IsBoolean({ message: 'must be true or false' })
  shareAnswersAfterBoth?: boolean;
}

export class UpdateAssignmentDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsIsoDate('date-time', { message: 'must be an ISO 8601 date-time like 2026-12-05T18:00:00Z' })
  dueAt?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString({ message: 'must be text' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  message?: string;
}

export class ReviewAssignmentDto {
  @ApiPropertyOptional({ description: 'An optional comment to the couple' })
  @IsOmittable()
  @IsString({ message: 'must be text' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  comment?: string;
}
