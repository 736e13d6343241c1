import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SERIES_RHYTHM_CHOICES, type SeriesRhythmChoice } from '@trellis/contracts';
import { IsIsoDate } from '../http/iso-date';
import { IsOmittable } from '../http/omittable';

const DUE_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_COUNT = 104;

/** The parts of a series' rule a therapist sets, shared by creating and editing it. */
class SeriesRuleFields {
  @ApiPropertyOptional({
    enum: SERIES_RHYTHM_CHOICES,
    description: 'weekly and fortnightly fall on the weekday of startsOn; weekdays on the days chosen',
  })
  @IsOmittable()
  @IsIn(SERIES_RHYTHM_CHOICES, { message: `must be one of ${SERIES_RHYTHM_CHOICES.join(', ')}` })
  rhythm?: SeriesRhythmChoice;

  @ApiPropertyOptional({ type: [Number], description: "For rhythm 'weekdays': 0 = Sunday … 6 = Saturday" })
  @IsOmittable()
  @IsArray({ message: 'must be a list of weekdays, 0 (Sunday) to 6 (Saturday)' })
  @ArrayMaxSize(7, { message: 'must name at most 7 days' })
  @ArrayUnique({ message: 'must not name a day twice' })
  @IsInt({ each: true, message: 'must be weekdays, 0 (Sunday) to 6 (Saturday)' })
  @Min(0, { each: true, message: 'must be weekdays, 0 (Sunday) to 6 (Saturday)' })
  @Max(6, { each: true, message: 'must be weekdays, 0 (Sunday) to 6 (Saturday)' })
  weekdays?: number[];

  @ApiPropertyOptional({ example: '18:00', description: "Due time on the clinic's clock" })
  @IsOmittable()
  @IsString({ message: 'must be a time like 18:00' })
  @Matches(DUE_TIME, { message: 'must be a time like 18:00' })
  dueTime?: string;

  @ApiPropertyOptional({ example: '2026-12-14', description: 'The earliest due date (clinic calendar)' })
  @IsOmittable()
  @IsIsoDate('date', { message: 'must be a date like 2026-12-14' })
  startsOn?: string;

  @ApiPropertyOptional({ example: '2027-03-01', description: 'Ends on this date (inclusive); or give count' })
  @IsOmittable()
  @IsIsoDate('date', { message: 'must be a date like 2027-03-01' })
  endsOn?: string;

  @ApiPropertyOptional({ description: `Ends after this many occurrences in all (1–${MAX_COUNT}); or give endsOn` })
  @IsOmittable()
  @IsInt({ message: `must be a whole number from 1 to ${MAX_COUNT}` })
  @Min(1, { message: `must be a whole number from 1 to ${MAX_COUNT}` })
  @Max(MAX_COUNT, { message: `must be a whole number from 1 to ${MAX_COUNT}` })
  count?: number;

  @ApiPropertyOptional({ description: 'A note to the couple, shown with each occurrence' })
  @IsOmittable()
  @IsString({ message: 'must be text' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  message?: string;
}

/** Everything but what a series is (its couple, its exercise, its first date): required on create only. */
export class CreateAssignmentSeriesDto extends SeriesRuleFields {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a couple id' })
  coupleId: string;

  @ApiProperty()
  @IsUUID('all', { message: 'must be an exercise id' })
  exerciseId: string;

  @ApiPropertyOptional({ description: 'After both submit, each partner may read the other’s answers' })
  @IsOmittable()
  @IsBoolean({ message: 'must be true or false' })
  shareAnswersAfterBoth?: boolean;
}

/** Changes the rule from the next occurrence on; occurrences already issued keep theirs. */
export class UpdateAssignmentSeriesDto extends SeriesRuleFields {}
