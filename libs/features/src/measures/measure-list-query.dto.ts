import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MEASURE_SORT_FIELDS, MEASURE_SOURCES, type MeasureSortField, type MeasureSource } from '@trellis/contracts';
import { MEASURE_KINDS, type MeasureKind } from '@trellis/domain';
import { ListQueryDto } from '../http/list-query.dto';

export class MeasureListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: MEASURE_SORT_FIELDS, default: 'title' })
  @IsOptional()
  @IsIn(MEASURE_SORT_FIELDS, { message: `must be one of ${MEASURE_SORT_FIELDS.join(', ')}` })
  sort: MeasureSortField = 'title';

  @ApiPropertyOptional({ enum: MEASURE_KINDS })
  @IsOptional()
  @IsIn(MEASURE_KINDS, { message: `must be one of ${MEASURE_KINDS.join(', ')}` })
  kind?: MeasureKind;

  @ApiPropertyOptional({ enum: MEASURE_SOURCES, description: 'builtin: the catalog; clinic: your clinic’s own' })
  @IsOptional()
  @IsIn(MEASURE_SOURCES, { message: `must be one of ${MEASURE_SOURCES.join(', ')}` })
  source?: MeasureSource;
}
