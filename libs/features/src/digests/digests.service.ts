import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DigestPreferences, DigestView, ListResponse } from '@trellis/contracts';
import type { Digest } from '@trellis/data';
import { syncDigestSchedulesInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import type { ListQueryDto } from '../http/list-query.dto';
import type { DigestPreferencesDto } from './digest-preferences.dto';
import { DigestPreferencesRepository } from './digest-preferences.repository';
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
    private readonly preferences: DigestPreferencesRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async preferencesOf(actor: StaffActor): Promise<DigestPreferences> {
    const weekly = await this.preferences.weeklyChoice(actor.staff.clinicId, actor.staff.id);
    if (weekly === null) throw new NotFoundException('No such account.');
    return { weekly };
  }

  /**
   * The person's own choice. Turning the weekly digest off stops its schedule: the sync job goes
   * out with the change (the outbox), and a run already due checks the choice again.
   */
  async choose(actor: StaffActor, choice: DigestPreferencesDto): Promise<DigestPreferences> {
    const { clinicId, id } = actor.staff;
    await this.dataSource.transaction(async (manager) => {
      const before = await this.preferences.chooseWeekly(manager, clinicId, id, choice.weekly);
      if (before === null) throw new NotFoundException('No such account.');
      if (before === choice.weekly) return;
      await this.audit.record(
        actor,
        {
          action: 'digest.preferences_update',
          outcome: 'success',
          recordType: 'staff_user',
          recordId: id,
          details: { weekly: choice.weekly },
        },
        manager,
      );
      await syncDigestSchedulesInTransaction(manager, clinicId);
    });
    return { weekly: choice.weekly };
  }

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
