import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ENROLMENT_CHANGE_VALUES, OPENS_WHEN_VALUES, PROGRAM_STEP_KIND_VALUES } from '@trellis/contracts';
import { MAX_AFTER_SESSIONS, MAX_PROGRAM_STEPS } from '@trellis/domain';
import { IsOmittable } from '../http/omittable';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ProgramStepDto {
  @ApiProperty({ example: 'The honest check-in', description: 'What both partners see on their path' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  title: string;

  @ApiProperty({ enum: PROGRAM_STEP_KIND_VALUES })
  @IsIn(PROGRAM_STEP_KIND_VALUES, { message: `must be one of ${PROGRAM_STEP_KIND_VALUES.join(', ')}` })
  kind: (typeof PROGRAM_STEP_KIND_VALUES)[number];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The exercise an exercise step issues' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'must be an exercise id, or null' })
  exerciseId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The measure a check-in step sends each partner once when it opens (built-in or the clinic's own)",
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'must be a measure id, or null' })
  measureId?: string | null;

  @ApiProperty({ enum: OPENS_WHEN_VALUES, description: 'What must have happened to the step before' })
  @IsIn(OPENS_WHEN_VALUES, { message: `must be one of ${OPENS_WHEN_VALUES.join(', ')}` })
  opensWhen: (typeof OPENS_WHEN_VALUES)[number];

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_AFTER_SESSIONS })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsInt({ message: 'must be a whole number of sessions' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_AFTER_SESSIONS, { message: `must be at most ${MAX_AFTER_SESSIONS}` })
  afterSessions?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, default: 7 })
  @IsOmittable()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1, { message: 'must be at least 1' })
  @Max(60, { message: 'must be at most 60' })
  dueInDays?: number;
}

export class CreateProgramDto {
  @ApiProperty({ example: 'Our first month' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  title: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString({ message: 'must be text' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  description?: string;

  @ApiProperty({ type: [ProgramStepDto] })
  @IsArray({ message: 'must be a list of steps' })
  @ArrayMinSize(1, { message: 'must have at least one step' })
  @ArrayMaxSize(MAX_PROGRAM_STEPS, { message: `must have at most ${MAX_PROGRAM_STEPS} steps` })
  @ValidateNested({ each: true })
  @Type(() => ProgramStepDto)
  steps: ProgramStepDto[];
}

export class UpdateProgramDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  title?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString({ message: 'must be text' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  description?: string;

  @ApiPropertyOptional({ type: [ProgramStepDto], description: 'Couples already on it keep their own steps' })
  @IsOmittable()
  @IsArray({ message: 'must be a list of steps' })
  @ArrayMinSize(1, { message: 'must have at least one step' })
  @ArrayMaxSize(MAX_PROGRAM_STEPS, { message: `must have at most ${MAX_PROGRAM_STEPS} steps` })
  @ValidateNested({ each: true })
  @Type(() => ProgramStepDto)
  steps?: ProgramStepDto[];

  @ApiPropertyOptional({ description: 'Archived programs are not offered for new couples' })
  @IsOmittable()
  @IsBoolean({ message: 'must be true or false' })
  archived?: boolean;
}

export class EnrolDto {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a program id' })
  programId: string;
}

export class UpdateEnrolmentDto {
  @ApiProperty({ enum: ENROLMENT_CHANGE_VALUES, description: 'Pause, resume, or stop the path for good' })
  @IsIn(ENROLMENT_CHANGE_VALUES, { message: `must be one of ${ENROLMENT_CHANGE_VALUES.join(', ')}` })
  status: (typeof ENROLMENT_CHANGE_VALUES)[number];
}

export class AddStepDto extends ProgramStepDto {
  @ApiPropertyOptional({ description: 'A step not yet open to insert before; the end of the path when left out' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a step id' })
  beforeStepId?: string;
}

export class ReorderStepsDto {
  @ApiProperty({ type: [String], description: 'Every step not yet open, in the new order' })
  @IsArray({ message: 'must be a list of step ids' })
  @ArrayMinSize(1, { message: 'must name at least one step' })
  @ArrayMaxSize(MAX_PROGRAM_STEPS, { message: `must name at most ${MAX_PROGRAM_STEPS} steps` })
  @ArrayUnique({ message: 'must not name a step twice' })
  @IsUUID('all', { each: true, message: 'must be step ids' })
  stepIds: string[];
}
