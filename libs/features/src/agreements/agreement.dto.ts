import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AGREEMENT_REVIEW_ANSWERS, type AgreementReviewAnswer, type IsoWeekday } from '@trellis/domain';
import { IsOmittable } from '../http/omittable';
import { trimText } from '../http/text-fields';

/**
 * A new agreement: agreed in session (text), or taken from one partner's answer to the boundaries
 * exercise (assignmentId + promptId + clientId; text, when given, is the therapist's wording of it).
 * Which combination is allowed is checked by the service, which names the field.
 */
export class CreateAgreementDto {
  @ApiPropertyOptional({ example: 'We share plans for the evening by 6 pm', maxLength: 500 })
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  text?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'From an exercise answer: the assignment' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an assignment id' })
  assignmentId?: string;

  @ApiPropertyOptional({ example: 'proposed_agreement', description: 'From an exercise answer: the prompt' })
  @IsOmittable()
  @IsString({ message: 'must be a prompt id' })
  @MaxLength(100, { message: 'must be a prompt id' })
  promptId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'From an exercise answer: the partner who wrote it' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a partner id' })
  clientId?: string;
}

export class UpdateAgreementDto {
  @ApiProperty({ example: 'We share plans for the evening by 7 pm', maxLength: 500 })
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  text: string;
}

/** Weekly at a local time in the clinic's time zone. Turning it off is DELETE. */
export class AgreementRhythmDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday, 1 is Monday' })
  @IsInt({ message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' })
  @Min(1, { message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' })
  weekday: IsoWeekday;

  @ApiProperty({ example: '18:00', description: "HH:MM in the clinic's time zone" })
  @IsString({ message: 'must be a time like 18:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 18:00' })
  localTime: string;
}

export class AgreementReviewLinkDto {
  @ApiProperty({ description: 'The token from the emailed review link' })
  @IsString({ message: 'must be text' })
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'is not a valid link token' })
  token: string;
}

export class AgreementReviewAnswerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an agreement id' })
  agreementId: string;

  @ApiProperty({ enum: AGREEMENT_REVIEW_ANSWERS })
  @IsIn(AGREEMENT_REVIEW_ANSWERS, { message: `must be one of ${AGREEMENT_REVIEW_ANSWERS.join(', ')}` })
  answer: AgreementReviewAnswer;

  @ApiPropertyOptional({ maxLength: 1000, description: 'For the counselor only; never shown to the other partner' })
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  note?: string;
}

export class AgreementReviewSubmitDto extends AgreementReviewLinkDto {
  @ApiProperty({ type: [String], description: 'Agreement versions this partner confirms' })
  @IsArray({ message: 'must be a list of agreement version ids' })
  @ArrayMaxSize(100, { message: 'must list at most 100 versions' })
  @IsUUID('all', { each: true, message: 'must be a list of agreement version ids' })
  confirmVersionIds: string[];

  @ApiProperty({ type: [AgreementReviewAnswerDto] })
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(100, { message: 'must list at most 100 agreements' })
  @ValidateNested({ each: true })
  @Type(() => AgreementReviewAnswerDto)
  reviews: AgreementReviewAnswerDto[];
}
