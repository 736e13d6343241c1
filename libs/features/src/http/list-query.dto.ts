import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PER_PAGE } from '@trellis/contracts';

/** The list convention every collection shares: `?page=1&perPage=25&sort=name&order=ASC&q=…`. */
export class ListQueryDto {
  // An explicit type: `page = 1` has none the compilers agree on (tsc says Object, SWC nothing), and
  // the committed OpenAPI document must not depend on which one built the app.
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(100_000, { message: 'must be at most 100000' })
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 25, minimum: 1, maximum: MAX_PER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be 1 or more' })
  @Max(MAX_PER_PAGE, { message: `must be at most ${MAX_PER_PAGE}` })
  perPage = 25;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'], default: 'ASC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC'], { message: 'must be ASC or DESC' })
  order: 'ASC' | 'DESC' = 'ASC';

  @ApiPropertyOptional({ description: 'Free-text search' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  q?: string;
}
