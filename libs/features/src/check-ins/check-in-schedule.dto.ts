import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsObject, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { CHECK_IN_SCHEDULE_KIND_VALUES, type CheckInScheduleKind } from '@trellis/contracts';
import type { IsoWeekday } from '@trellis/domain';
import { IsIsoDate } from '../http/iso-date';
import { IsOmittable } from '../http/omittable';

/**
 * When a schedule sends. Which fields a kind needs (and refuses) is checked by the service, which
 * names the field: hours for the session kinds, weekday and localTime for weekly, onceAt for once.
 */
export class CheckInScheduleChangeDto {
  @ApiProperty({ enum: CHECK_IN_SCHEDULE_KIND_VALUES })
  @IsIn(CHECK_IN_SCHEDULE_KIND_VALUES, { message: `must be one of ${CHECK_IN_SCHEDULE_KIND_VALUES.join(', ')}` })
  kind: CheckInScheduleKind;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 336,
    description: 'before_session: hours before the session; after_session: hours after it starts',
  })
  @IsOmittable()
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(1, { message: 'must be at least 1 hour' })
  @Max(336, { message: 'must be at most 336 hours (two weeks)' })
  hours?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 7, description: 'weekly: ISO weekday, 1 is Monday' })
  @IsOmittable()
  @IsInt({ message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' })
  @Min(1, { message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' })
  weekday?: IsoWeekday;

  @ApiPropertyOptional({ example: '09:00', description: "weekly: HH:MM in each partner's own time zone" })
  @IsOmittable()
  @IsString({ message: 'must be a time like 09:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 09:00' })
  localTime?: string;

  @ApiPropertyOptional({ example: '2026-12-05T18:00:00Z', description: 'once: when to send' })
  @IsOmittable()
  @IsIsoDate('date-time', { message: 'must be an ISO 8601 date-time like 2026-12-05T18:00:00Z' })
  onceAt?: string;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: "Each partner may see the other's scores once both answered",
  })
  @IsOmittable()
  @IsBoolean({ message: 'must be true or false' })
  shareWithPartner?: boolean;
}

export class CreateCheckInScheduleDto extends CheckInScheduleChangeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a measure id' })
  measureId: string;
}

export class CheckInLinkDto {
  @ApiProperty({ description: 'The token from the emailed check-in link' })
  @IsString({ message: 'must be text' })
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'is not a valid link token' })
  token: string;
}

export class CheckInSubmitDto extends CheckInLinkDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
    description: 'Item id → answer on its scale; null or absent skips the item',
  })
  @IsObject({ message: 'must be an object of answers by item id' })
  answers: Record<string, unknown>;
}
