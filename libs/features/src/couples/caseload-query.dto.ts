import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { COUPLE_STATUSES } from '@trellis/contracts';
import { ListQueryDto } from '../http/list-query.dto';

export const CASELOAD_SORT_FIELDS = ['nextSessionAt', 'lastActivityAt', 'displayName'] as const;
export type CaseloadSort = (typeof CASELOAD_SORT_FIELDS)[number];

const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CaseloadQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CASELOAD_SORT_FIELDS, default: 'nextSessionAt' })
  @IsOptional()
  @IsIn(CASELOAD_SORT_FIELDS, { message: `must be one of ${CASELOAD_SORT_FIELDS.join(', ')}` })
  sort: CaseloadSort = 'nextSessionAt';

  @ApiPropertyOptional({
    enum: [...COUPLE_STATUSES, 'all'],
    description: 'Default: active and paused (discharged couples leave the caseload)',
  })
  @IsOptional()
  @IsIn([...COUPLE_STATUSES, 'all'], { message: `must be one of ${[...COUPLE_STATUSES, 'all'].join(', ')}` })
  status?: (typeof COUPLE_STATUSES)[number] | 'all';

  @ApiPropertyOptional({ description: 'Only couples with overdue homework' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  hasOverdue?: boolean;

  @ApiPropertyOptional({ description: 'Only couples with homework awaiting review' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  needsReview?: boolean;

  @ApiPropertyOptional({ description: "Admins: one therapist's caseload" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a staff id' })
  therapistId?: string;
}
