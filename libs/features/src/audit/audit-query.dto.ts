import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from '@trellis/contracts';
import { IsIsoDate } from '../http/iso-date';
import { ListQueryDto } from '../http/list-query.dto';

export class AuditQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['occurredAt'], default: 'occurredAt' })
  @IsOptional()
  @IsIn(['occurredAt'], { message: 'must be occurredAt' })
  sort = 'occurredAt' as const;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'], default: 'DESC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC'], { message: 'must be ASC or DESC' })
  override order: 'ASC' | 'DESC' = 'DESC';

  @ApiPropertyOptional({ description: 'Staff member who acted' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a staff id' })
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'must be a known action' })
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES, { message: `must be one of ${AUDIT_OUTCOMES.join(', ')}` })
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ description: 'From this date/time (ISO 8601), inclusive' })
  @IsOptional()
  @IsIsoDate('date-or-date-time', { message: 'must be an ISO 8601 date like 2026-11-01 or a date-time with an offset' })
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this date/time (ISO 8601); a bare date includes that whole day' })
  @IsOptional()
  @IsIsoDate('date-or-date-time', { message: 'must be an ISO 8601 date like 2026-11-30 or a date-time with an offset' })
  to?: string;
}
