import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MEASURE_KINDS, type MeasureKind } from '@trellis/domain';
import { trimText } from '../http/text-fields';

/** Only "an object" here: `validateMeasureDefinition` (domain) checks everything inside it. */
const Definition = () => IsObject({ message: 'must be an object: the measure definition' });

const DEFINITION_DOC = {
  type: 'object',
  additionalProperties: true,
  description:
    'instructions, items [{ id, label, reverse, scale? }], scale { min, max, minLabel, maxLabel }, ' +
    'scoring { method: sum | mean, maxMissing }, range { min, max }, higherIsBetter, clinicalCutoff, ' +
    'reliableChange; see MeasureDefinition in @trellis/domain',
} as const;

export class CreateMeasureDto {
  @ApiProperty({ example: 'Couples Satisfaction Index (4 items)', maxLength: 200 })
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  title: string;

  @ApiPropertyOptional({ maxLength: 1000, default: '' })
  @IsOptional()
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  description?: string;

  @ApiProperty({
    enum: MEASURE_KINDS,
    description: 'outcome: how the relationship is doing; alliance: how a session went',
  })
  @IsIn(MEASURE_KINDS, { message: `must be one of ${MEASURE_KINDS.join(', ')}` })
  kind: MeasureKind;

  @ApiProperty(DEFINITION_DOC)
  @Definition()
  definition: Record<string, unknown>;
}

/** A new version: the whole definition as it should read from now on. */
export class CreateMeasureVersionDto {
  @ApiProperty(DEFINITION_DOC)
  @Definition()
  definition: Record<string, unknown>;
}

export class MeasurePreviewDto {
  @ApiProperty(DEFINITION_DOC)
  @Definition()
  definition: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
    description: 'Sample answers by item id; null or absent skips the item',
    example: { 'felt-heard': 8 },
  })
  @IsObject({ message: 'must be an object of answers by item id' })
  answers: Record<string, unknown>;
}
