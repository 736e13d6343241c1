import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  JOB_STATES,
  type JobState,
  type JobView,
  type ListResponse,
  type QueueCounts,
  type SessionUser,
} from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { AuditService } from '../audit/audit.service';
import { CurrentStaff } from '../auth/current-staff';
import { Roles } from '../auth/public.decorator';
import { ListQueryDto } from '../http/list-query.dto';
import { QueueAdminService } from './queue-admin.service';
import { ApiProblem } from '../http/api-problem.decorator';

export class JobListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(JOB_STATES, { message: `must be one of ${JOB_STATES.join(', ')}` })
  state: JobState = 'failed';
}

@ApiTags('queues')
@Roles('admin')
@Controller('admin/queues')
export class QueueAdminController {
  constructor(
    private readonly queues: QueueAdminService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Waiting, active, delayed, failed and completed counts per queue, of the admin's own clinic's jobs",
  })
  counts(@CurrentStaff() admin: SessionUser): Promise<QueueCounts[]> {
    return this.queues.counts(admin.clinicId);
  }

  @Get(':name/jobs')
  @ApiOperation({ summary: 'Jobs of one queue in one state (failed by default), with their error' })
  jobs(
    @CurrentStaff() admin: SessionUser,
    @Param('name') name: string,
    @Query() query: JobListQueryDto,
  ): Promise<ListResponse<JobView>> {
    return this.queues.jobs(admin.clinicId, name, query.state, query.page, query.perPage);
  }

  @Post(':name/jobs/:id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Retry a failed job' })
  async retry(@CurrentActor() actor: StaffActor, @Param('name') name: string, @Param('id') id: string): Promise<void> {
    await this.queues.retry(actor.staff.clinicId, name, id);
    await this.audit.record(actor, {
      action: 'queue.retry',
      outcome: 'success',
      recordType: 'job',
      recordId: `${name}/${id}`,
    });
  }

  @Delete(':name/jobs/:id')
  @HttpCode(204)
  @ApiProblem(409, 'The job is running now, or is a run of a repeating schedule (a weekly digest).')
  @ApiOperation({ summary: 'Remove a job' })
  async remove(@CurrentActor() actor: StaffActor, @Param('name') name: string, @Param('id') id: string): Promise<void> {
    await this.queues.remove(actor.staff.clinicId, name, id);
    await this.audit.record(actor, {
      action: 'queue.remove',
      outcome: 'success',
      recordType: 'job',
      recordId: `${name}/${id}`,
    });
  }
}
