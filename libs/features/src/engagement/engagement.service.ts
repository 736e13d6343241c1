import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CoupleEngagement } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { EngagementRepository } from './engagement.repository';

/** How each partner keeps up with homework, for the couple page; each read audited. */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engagement: EngagementRepository,
    private readonly audit: AuditService,
  ) {}

  async ofCouple(actor: StaffActor, coupleId: string): Promise<CoupleEngagement> {
    const attempt = { action: 'engagement.view', recordType: 'couple', recordId: coupleId } as const;
    return this.audit.read(actor, attempt, () =>
      this.dataSource.transaction(async (manager) => {
        const rows = await this.engagement.ofCouple(manager, actor.staff, coupleId);
        if (rows.length === 0) throw new NotFoundException('No such couple.');
        await this.audit.record(actor, { ...attempt, outcome: 'success' }, manager);
        return {
          coupleId,
          partners: rows.map((r) => ({
            clientId: r.client_id,
            name: r.name,
            position: r.position,
            counted: r.counted,
            missed: r.missed,
            onTimeRate: r.on_time_rate,
            missedInARow: r.missed_in_a_row,
            lastActiveAt: r.last_active_at === null ? null : new Date(r.last_active_at).toISOString(),
            daysSinceActive: r.days_since_active,
            gentleReminders: r.gentle_reminders,
            needsCheckIn: r.needs_check_in,
          })),
        };
      }),
    );
  }
}
