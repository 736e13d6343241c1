import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { IsIsoDate } from '../http/iso-date';
import { IsOmittable } from '../http/omittable';
import { COUPLE_STATUSES, type CoupleStatus } from '@trellis/contracts';
import { EXERCISE_PHASES, type ExercisePhase, isValidTimeZone, PARTNER_ROLES, type PartnerRole } from '@trellis/domain';
import { trimText } from '../http/text-fields';

const lowerTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

@ValidatorConstraint({ name: 'timeZone' })
export class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidTimeZone(value);
  }
  defaultMessage(): string {
    return 'must be an IANA time zone like Europe/London';
  }
}

export class PartnerDto {
  @ApiProperty({ example: 'Alex' })
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name: string;

  @ApiProperty({ example: 'alex@example.com', description: 'Partners may share one address' })
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email: string;

  @ApiProperty({ example: 'Europe/London' })
  @Validate(TimeZoneConstraint)
  timezone: string;

  @ApiProperty({ description: 'The partner agreed to receive homework emails' })
  @IsBoolean({ message: 'must be true or false' })
  emailConsent: boolean;
}

export class PartnerUpdateDto {
  @ApiProperty({ enum: [1, 2] })
  @IsIn([1, 2], { message: 'must be 1 or 2' })
  position: 1 | 2;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Validate(TimeZoneConstraint)
  timezone?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean({ message: 'must be true or false' })
  emailConsent?: boolean;

  @ApiPropertyOptional({
    enum: PARTNER_ROLES,
    description: 'Where this partner stands in the breach; picks the prompts they see. Therapist-only.',
  })
  @IsOmittable()
  @IsIn(PARTNER_ROLES, { message: `must be one of ${PARTNER_ROLES.join(', ')}` })
  role?: PartnerRole;
}

export class CreateCoupleDto {
  @ApiProperty({ example: 'Alex & Sam' })
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  displayName: string;

  @ApiPropertyOptional({ description: 'Admins only: the primary therapist (default: yourself)' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a staff id' })
  therapistId?: string;

  @ApiPropertyOptional({ example: '2026-12-01T17:00:00Z' })
  @IsOmittable()
  @IsIsoDate('date-time', { message: 'must be an ISO 8601 date-time like 2026-12-01T17:00:00Z' })
  nextSessionAt?: string;

  @ApiProperty({ type: [PartnerDto], minItems: 2, maxItems: 2 })
  @IsArray({ message: 'must list both partners' })
  @ArrayMinSize(2, { message: 'must list both partners' })
  @ArrayMaxSize(2, { message: 'must list exactly two partners' })
  @ValidateNested({ each: true })
  @Type(() => PartnerDto)
  partners: PartnerDto[];
}

export class UpdateCoupleDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  displayName?: string;

  @ApiPropertyOptional({ enum: COUPLE_STATUSES })
  @IsOmittable()
  @IsIn(COUPLE_STATUSES, { message: `must be one of ${COUPLE_STATUSES.join(', ')}` })
  status?: CoupleStatus;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null clears it' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsIsoDate('date-time', { message: 'must be an ISO 8601 date-time like 2026-12-01T17:00:00Z, or null' })
  nextSessionAt?: string | null;

  @ApiPropertyOptional({ description: 'Admins only: reassign to another therapist' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a staff id' })
  therapistId?: string;

  @ApiPropertyOptional({
    enum: EXERCISE_PHASES,
    nullable: true,
    description: 'The phase of recovery the couple is in; null clears it',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsIn(EXERCISE_PHASES, { message: `must be one of ${EXERCISE_PHASES.join(', ')}, or null` })
  phase?: ExercisePhase | null;

  @ApiPropertyOptional({ type: [PartnerUpdateDto] })
  @IsOmittable()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(2, { message: 'must list at most two partners' })
  @ValidateNested({ each: true })
  @Type(() => PartnerUpdateDto)
  partners?: PartnerUpdateDto[];
}
