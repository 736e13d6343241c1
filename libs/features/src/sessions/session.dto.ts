import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  PARTNER_ATTENDANCES,
  SESSION_CHANGE_SCOPES,
  SESSION_FREQUENCIES,
  SESSION_OUTCOMES,
  type PartnerAttendance,
  type SessionChangeScope,
  type SessionFrequency,
  type SessionOutcomeStatus,
} from '@trellis/contracts';
import { SERIES_MAX_OCCURRENCES, SESSION_MAX_MINUTES, SESSION_MIN_MINUTES } from '@trellis/domain';
import { IsIsoDate } from '../http/iso-date';
import { IsOmittable } from '../http/omittable';
import { trimText } from '../http/text-fields';

const DATE_TIME = 'must be an ISO 8601 date-time like 2026-12-01T17:00:00Z';
const MINUTES = `must be a whole number of minutes from ${SESSION_MIN_MINUTES} to ${SESSION_MAX_MINUTES}`;
/** Set, or null to clear; left out means "no change". */
const nullable = () => ValidateIf((_o, v) => v !== null && v !== undefined);

export class BookSessionDto {
  @ApiProperty({ example: '2026-12-08T10:00:00Z', description: 'The first session of a series' })
  @IsIsoDate('date-time', { message: DATE_TIME })
  startsAt: string;

  @ApiPropertyOptional({ minimum: SESSION_MIN_MINUTES, maximum: SESSION_MAX_MINUTES, default: 50 })
  @IsOmittable()
  @IsInt({ message: MINUTES })
  @Min(SESSION_MIN_MINUTES, { message: MINUTES })
  @Max(SESSION_MAX_MINUTES, { message: MINUTES })
  durationMinutes?: number;

  @ApiPropertyOptional({ type: String, example: 'Room 2', nullable: true })
  @nullable()
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  location?: string | null;

  @ApiPropertyOptional({ type: String, example: 'https://meet.example.com/abc', nullable: true })
  @nullable()
  @IsString({ message: 'must be an https link' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'must be an https link' })
  videoUrl?: string | null;

  @ApiPropertyOptional({ enum: SESSION_FREQUENCIES, description: 'Repeat: a series at the same local time' })
  @IsOmittable()
  @IsIn(SESSION_FREQUENCIES, { message: `must be one of ${SESSION_FREQUENCIES.join(', ')}` })
  frequency?: SessionFrequency;

  @ApiPropertyOptional({
    minimum: 2,
    maximum: SERIES_MAX_OCCURRENCES,
    description: 'How many sessions the series has (with frequency)',
  })
  @ValidateIf((o: BookSessionDto) => o.frequency !== undefined || o.occurrences !== undefined)
  @IsInt({ message: `must be a whole number from 2 to ${SERIES_MAX_OCCURRENCES} (with frequency)` })
  @Min(2, { message: `must be a whole number from 2 to ${SERIES_MAX_OCCURRENCES} (with frequency)` })
  @Max(SERIES_MAX_OCCURRENCES, { message: `must be a whole number from 2 to ${SERIES_MAX_OCCURRENCES}` })
  occurrences?: number;
}

export class RescheduleSessionDto {
  @ApiPropertyOptional({ example: '2026-12-09T16:00:00Z' })
  @IsOmittable()
  @IsIsoDate('date-time', { message: DATE_TIME })
  startsAt?: string;

  @ApiPropertyOptional({ minimum: SESSION_MIN_MINUTES, maximum: SESSION_MAX_MINUTES })
  @IsOmittable()
  @IsInt({ message: MINUTES })
  @Min(SESSION_MIN_MINUTES, { message: MINUTES })
  @Max(SESSION_MAX_MINUTES, { message: MINUTES })
  durationMinutes?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @nullable()
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  location?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @nullable()
  @IsString({ message: 'must be an https link' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'must be an https link' })
  videoUrl?: string | null;

  @ApiPropertyOptional({ enum: SESSION_CHANGE_SCOPES, default: 'this', description: 'following: this and all future' })
  @IsOmittable()
  @IsIn(SESSION_CHANGE_SCOPES, { message: `must be one of ${SESSION_CHANGE_SCOPES.join(', ')}` })
  scope?: SessionChangeScope;
}

export class CancelSessionDto {
  @ApiProperty({ example: 'Partner unwell' })
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason: string;

  @ApiPropertyOptional({ enum: SESSION_CHANGE_SCOPES, default: 'this', description: 'following: this and all future' })
  @IsOmittable()
  @IsIn(SESSION_CHANGE_SCOPES, { message: `must be one of ${SESSION_CHANGE_SCOPES.join(', ')}` })
  scope?: SessionChangeScope;
}

export class SessionOutcomeDto {
  @ApiProperty({ enum: SESSION_OUTCOMES })
  @IsIn(SESSION_OUTCOMES, { message: `must be one of ${SESSION_OUTCOMES.join(', ')}` })
  status: SessionOutcomeStatus;

  @ApiPropertyOptional({ enum: PARTNER_ATTENDANCES, description: 'Required when held; a no-show means absent' })
  @ValidateIf((o: SessionOutcomeDto) => o.status === 'held' || o.partner1 !== undefined)
  @IsIn(PARTNER_ATTENDANCES, { message: `must be one of ${PARTNER_ATTENDANCES.join(', ')}` })
  partner1?: PartnerAttendance;

  @ApiPropertyOptional({ enum: PARTNER_ATTENDANCES, description: 'Required when held; a no-show means absent' })
  @ValidateIf((o: SessionOutcomeDto) => o.status === 'held' || o.partner2 !== undefined)
  @IsIn(PARTNER_ATTENDANCES, { message: `must be one of ${PARTNER_ATTENDANCES.join(', ')}` })
  partner2?: PartnerAttendance;
}

export class CalendarQueryDto {
  @ApiProperty({ example: '2026-12-07T00:00:00Z' })
  @IsIsoDate('date-time', { message: DATE_TIME })
  from: string;

  @ApiProperty({ example: '2026-12-14T00:00:00Z', description: 'At most 62 days after from' })
  @IsIsoDate('date-time', { message: DATE_TIME })
  to: string;

  @ApiPropertyOptional({ description: "Admins: one therapist's calendar (default: everyone's)" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a staff id' })
  therapistId?: string;
}
