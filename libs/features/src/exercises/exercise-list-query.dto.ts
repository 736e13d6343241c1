import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  EXERCISE_SORT_FIELDS,
  EXERCISE_SOURCES,
  type ExerciseSortField,
  type ExerciseSource,
} from '@trellis/contracts';
import { STRATEGY_KEYS, type StrategyKey } from '@trellis/domain';
import { ListQueryDto } from '../http/list-query.dto';

export class ExerciseListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    enum: EXERCISE_SORT_FIELDS,
    default: 'title',
    description: 'strategy sorts in the catalog’s strategy order',
  })
  @IsOptional()
  @IsIn(EXERCISE_SORT_FIELDS, { message: `must be one of ${EXERCISE_SORT_FIELDS.join(', ')}` })
  sort: ExerciseSortField = 'title';

  @ApiPropertyOptional({ enum: STRATEGY_KEYS })
  @IsOptional()
  @IsIn(STRATEGY_KEYS, { message: `must be one of ${STRATEGY_KEYS.join(', ')}` })
  strategy?: StrategyKey;

  @ApiPropertyOptional({ enum: EXERCISE_SOURCES, description: 'builtin: the catalog; clinic: your clinic’s own' })
  @IsOptional()
  @IsIn(EXERCISE_SOURCES, { message: `must be one of ${EXERCISE_SOURCES.join(', ')}` })
  source?: ExerciseSource;
}
