import { Injectable, NotFoundException } from '@nestjs/common';
import type { DigestView, ListResponse } from '@trellis/contracts';
import type { Digest } from '@trellis/data';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import type { ListQueryDto } from '../http/list-query.dto';
import { DigestsRepository } from './digests.repository';

function toView(d: Digest): DigestView {
  return {
    id: d.id,
    kind: d.kind,
    coupleId: d.coupleId,
    periodStart: d.periodStart.toISOString(),
    periodEnd: d.periodEnd.toISOString(),
    createdAt: d.createdAt.toISOString(),
    content: d.content,
  };
}

/** The signed-in therapist's digests (their own only), each read audited. */
@Injectable()
export class DigestsService {
  constructor(
    private readonly digests: DigestsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: StaffActor, query: ListQueryDto): Promise<ListResponse<DigestView>> {
    const user = actor.staff;
    const { digests, total } = await this.digests.pageForTherapist(user.clinicId, user.id, {
      order: query.order === 'ASC' ? 'ASC' : 'DESC',
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
    });
    await this.audit.record(actor, { action: 'digest.list', outcome: 'success' });
    return { data: digests.map(toView), total };
  }

  async get(actor: StaffActor, id: string): Promise<DigestView> {
    const digest = await this.digests.findForTherapist(actor.staff.clinicId, actor.staff.id, id);
    if (!digest) throw new NotFoundException('No such digest.');
    await this.audit.record(actor, { action: 'digest.view', outcome: 'success', recordType: 'digest', recordId: id });
    return toView(digest);
  }
}
