import { Injectable } from '@nestjs/common';
import type { ClinicMeasureSummary, ClinicMeasureSummaryRow } from '@trellis/contracts';
import { changeBar, coupleChange, type PartnerSpan } from '@trellis/domain';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { ClinicMeasureSummaryRepository, type PartnerSpanRow } from './clinic-measure-summary.repository';

const COUNT_KEY = {
  improving: 'improving',
  unchanged: 'unchanged',
  worsening: 'worsening',
  too_few: 'tooFew',
} as const;

/**
 * The clinic summary for admins: per measure, how many active couples are improving, unchanged or
 * worsening since they started (the domain's coupleChange), with the bar it used. Counts only,
 * no couple named; reading it is audited as a read of the clinic's clinical data.
 */
@Injectable()
export class ClinicMeasureSummaryService {
  constructor(
    private readonly repository: ClinicMeasureSummaryRepository,
    private readonly audit: AuditService,
  ) {}

  async summary(actor: StaffActor): Promise<ClinicMeasureSummary> {
    const { clinicId } = actor.staff;
    const { recentDrop, spans } = await this.repository.partnerSpans(clinicId);
    const byMeasure = new Map<string, { first: PartnerSpanRow; couples: Map<string, PartnerSpan[]> }>();
    for (const span of spans) {
      const measure = byMeasure.get(span.measureId) ?? { first: span, couples: new Map() };
      byMeasure.set(span.measureId, measure);
      measure.couples.set(span.coupleId, [...(measure.couples.get(span.coupleId) ?? []), span]);
    }
    const measures = [...byMeasure.values()].map(({ first, couples }): ClinicMeasureSummaryRow => {
      const row: ClinicMeasureSummaryRow = {
        measureId: first.measureId,
        title: first.title,
        kind: first.kind,
        basis: first.reliableChange === null ? 'clinic_threshold' : 'reliable_change',
        threshold: changeBar(first, recentDrop),
        improving: 0,
        unchanged: 0,
        worsening: 0,
        tooFew: 0,
      };
      for (const partners of couples.values()) row[COUNT_KEY[coupleChange(first, partners, recentDrop)]] += 1;
      return row;
    });
    await this.audit.record(actor, {
      action: 'measure.clinic_summary',
      outcome: 'success',
      recordType: 'clinic',
      recordId: clinicId,
    });
    return { measures };
  }
}
