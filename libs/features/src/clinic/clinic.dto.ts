import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  Max,
  Min,
  ValidateIf,
  IsString,
  MaxLength,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { IsOmittable } from '../http/omittable';
import {
  ENGAGEMENT_SETTING_MAX,
  isValidTimeZone,
  SAFETY_CHECK_IN_INTERVAL_MAX_DAYS,
  SAFETY_CHECK_IN_INTERVAL_MIN_DAYS,
  SAFETY_CHECK_IN_SCREENS,
  type SafetyCheckInScreen,
} from '@trellis/domain';
import { DIGEST_EMAIL_DETAILS, type DigestEmailDetail } from '@trellis/contracts';

@ValidatorConstraint({ name: 'timeZone' })
class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidTimeZone(value);
  }
  defaultMessage(): string {
    return 'must be an IANA time zone like Europe/London';
  }
}

export class UpdateClinicDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsOmittable()
  @Validate(TimeZoneConstraint)
  timezone?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean({ message: 'must be true or false' })
  requireTwoFactor?: boolean;

  @ApiPropertyOptional({ enum: DIGEST_EMAIL_DETAILS, description: 'How much of the homework a digest email carries' })
  @IsOmittable()
  @IsIn(DIGEST_EMAIL_DETAILS, { message: `must be one of ${DIGEST_EMAIL_DETAILS.join(', ')}` })
  digestEmailDetail?: DigestEmailDetail;

  @ApiPropertyOptional({
    description:
      'Emails to partners use a neutral subject and sender name that say nothing about therapy or the exercise',
  })
  @IsOmittable()
  @IsBoolean({ message: 'must be true or false' })
  neutralPartnerEmails?: boolean;

  @ApiPropertyOptional({
    minimum: 0.01,
    maximum: 1000,
    description: 'Off track: a drop this large over the last three check-ins (measures without a reliable change)',
  })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number' })
  @Min(0.01, { message: 'must be more than 0' })
  @Max(1000, { message: 'must be at most 1000' })
  offTrackRecentDrop?: number;

  @ApiPropertyOptional({
    minimum: 0.01,
    maximum: 1000,
    description: 'Off track: the gap between partners growing this much over the last three check-ins',
  })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number' })
  @Min(0.01, { message: 'must be more than 0' })
  @Max(1000, { message: 'must be at most 1000' })
  offTrackGapWidening?: number;

  @ApiPropertyOptional({
    minimum: -1000,
    maximum: 1000,
    description: 'Off track: a session check-out on the worse side of this score',
  })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number' })
  @Min(-1000, { message: 'must be at least -1000' })
  @Max(1000, { message: 'must be at most 1000' })
  offTrackLowCheckOut?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    description: 'Off track: no real improvement after this many sessions',
  })
  @IsOmittable()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  offTrackSessionsWithoutImprovement?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: SAFETY_CHECK_IN_INTERVAL_MIN_DAYS,
    maximum: SAFETY_CHECK_IN_INTERVAL_MAX_DAYS,
    description: "Days between each partner's private safety check-ins (the first goes out at once); null sends none",
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsInt({ message: 'must be a whole number of days, or null' })
  @Min(SAFETY_CHECK_IN_INTERVAL_MIN_DAYS, { message: `must be at least ${SAFETY_CHECK_IN_INTERVAL_MIN_DAYS} days` })
  @Max(SAFETY_CHECK_IN_INTERVAL_MAX_DAYS, { message: `must be at most ${SAFETY_CHECK_IN_INTERVAL_MAX_DAYS} days` })
  safetyCheckInIntervalDays?: number | null;

  @ApiPropertyOptional({
    enum: SAFETY_CHECK_IN_SCREENS,
    description:
      "Which screen the private safety check-ins send: built_in (Trellis's own) or clinic (the clinic's own, PUT /clinic/safety-screen first)",
  })
  @IsOmittable()
  @IsIn(SAFETY_CHECK_IN_SCREENS, { message: `must be one of ${SAFETY_CHECK_IN_SCREENS.join(', ')}` })
  safetyCheckInScreen?: SafetyCheckInScreen;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: ENGAGEMENT_SETTING_MAX,
    description:
      "From this many missed homeworks in a row, a partner's reminders use gentler, shorter wording; 0 turns it off",
  })
  @IsOmittable()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0 (0 turns it off)' })
  @Max(ENGAGEMENT_SETTING_MAX, { message: `must be at most ${ENGAGEMENT_SETTING_MAX}` })
  gentleReminderAfterMisses?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: ENGAGEMENT_SETTING_MAX,
    description:
      'From this many missed homeworks in a row, the therapist gets a "check in with …" task and the weekly digest names the partner; 0 turns it off',
  })
  @IsOmittable()
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0 (0 turns it off)' })
  @Max(ENGAGEMENT_SETTING_MAX, { message: `must be at most ${ENGAGEMENT_SETTING_MAX}` })
  engagementTaskAfterMisses?: number;
}
