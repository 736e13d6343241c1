import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID } from 'class-validator';
import { STAFF_ROLES, STAFF_STATUSES, type StaffRole, type StaffStatus } from '@trellis/contracts';
import { ListQueryDto } from '../http/list-query.dto';

export const STAFF_SORT_FIELDS = ['name', 'email', 'role', 'status', 'createdAt'] as const;

export class StaffListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: STAFF_SORT_FIELDS, default: 'name' })
  @IsOptional()
  @IsIn(STAFF_SORT_FIELDS, { message: `must be one of ${STAFF_SORT_FIELDS.join(', ')}` })
  sort: (typeof STAFF_SORT_FIELDS)[number] = 'name';

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role?: StaffRole;

  @ApiPropertyOptional({ description: 'Comma-separated ids (react-admin getMany)', example: 'id1,id2' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @ArrayMaxSize(100, { message: 'must list at most 100 ids' })
  @IsUUID('all', { each: true, message: 'must be staff ids' })
  ids?: string[];

  @ApiPropertyOptional({ enum: STAFF_STATUSES })
  @IsOptional()
  @IsIn(STAFF_STATUSES, { message: `must be one of ${STAFF_STATUSES.join(', ')}` })
  status?: StaffStatus;
}
