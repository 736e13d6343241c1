import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
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
import { isValidTimeZone, SAFETY_CHECK_IN_INTERVAL_MAX_DAYS, SAFETY_CHECK_IN_INTERVAL_MIN_DAYS } from '@trellis/domain';
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
}
