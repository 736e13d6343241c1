import { Injectable, NotFoundException } from '@nestjs/common';
import type { CoupleExport, TimelineEvent } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { SessionsRepository } from '../sessions/sessions.repository';
import { CouplesRepository } from './couples.repository';
import { CouplesService } from './couples.service';

/** A couple's whole story: the timeline, and the export (JSON or printable). */
@Injectable()
export class CoupleRecordService {
  constructor(
    private readonly couplesService: CouplesService,
    private readonly couples: CouplesRepository,
    private readonly audit: AuditService,
    private readonly sessions: SessionsRepository,
  ) {}

  async timeline(actor: StaffActor, coupleId: string): Promise<TimelineEvent[]> {
    const user = actor.staff;
    const couple = await this.audit.read(
      actor,
      { action: 'couple.timeline', recordType: 'couple', recordId: coupleId },
      () => this.couplesService.findVisibleOrFail(user, coupleId),
    );
    // Notes are private to the couple's therapist; an admin's timeline leaves them out.
    const { assignments, responses, clients, notes, staff } = await this.couples.recordParts(
      couple.id,
      couple.therapistId === user.id,
    );
    const client = new Map(clients.map((c) => [c.id, c.name]));
    const title = new Map(assignments.map((a) => [a.id, a.title]));
    const events: TimelineEvent[] = [];
    for (const a of assignments) {
      events.push({ at: a.createdAt.toISOString(), kind: 'assigned', recordId: a.id, title: a.title, actor: null });
      if (a.reviewedAt)
        events.push({
          at: a.reviewedAt.toISOString(),
          kind: 'reviewed',
          recordId: a.id,
          title: a.title,
          actor: staff.get(a.reviewedBy ?? '') ?? null,
        });
      if (a.cancelledAt)
        events.push({
          at: a.cancelledAt.toISOString(),
          kind: 'cancelled',
          recordId: a.id,
          title: a.title,
          actor: null,
        });
    }
    for (const r of responses) {
      if (r.submittedAt)
        events.push({
          at: r.submittedAt.toISOString(),
          kind: 'submitted',
          recordId: r.assignmentId,
          title: title.get(r.assignmentId) ?? '',
          actor: client.get(r.clientId) ?? null,
        });
    }
    for (const n of notes.filter((x) => !x.addendumTo)) {
      events.push({
        at: (n.signedAt ?? n.createdAt).toISOString(),
        kind: n.signedAt ? 'note_signed' : 'note_draft',
        recordId: n.id,
        title: `${n.format.toUpperCase()} note for ${n.sessionDate}`,
        actor: staff.get(n.authorId) ?? null,
      });
    }
    await this.audit.record(actor, {
      action: 'couple.timeline',
      outcome: 'success',
      recordType: 'couple',
      recordId: couple.id,
    });
    return events.sort((x, y) => y.at.localeCompare(x.at));
  }

  /** The whole record, for the clinic's files or a transfer: only the couple's own therapist. */
  async export(actor: StaffActor, coupleId: string, format: 'json' | 'html'): Promise<CoupleExport> {
    const couple = await this.audit.read(
      actor,
      { action: 'couple.export', recordType: 'couple', recordId: coupleId },
      async () => {
        const own = await this.couples.findOwn(actor.staff, coupleId);
        if (!own) throw new NotFoundException('No such couple in your caseload.');
        return own;
      },
    );
    const view = await this.couplesService.get(actor, coupleId);
    const { assignments, responses, clients, notes, reviewComments, staff } = await this.couples.recordParts(
      couple.id,
      true,
    );
    const measures = await this.couples.measuresForExport(actor.staff.clinicId, couple.id);
    const sessions = await this.sessions.views(null, actor.staff, { kind: 'couple', coupleId: couple.id });
    const agreements = await this.couples.agreementsForExport(actor.staff.clinicId, couple.id);
    const position = new Map(clients.map((c) => [c.id, c.position]));
    const signed = notes.filter((n) => n.signedAt && !n.addendumTo);
    const result: CoupleExport = {
      exportedAt: new Date().toISOString(),
      couple: view,
      assignments: assignments.map((a) => ({
        id: a.id,
        title: a.title,
        strategy: a.strategy,
        assignedAt: a.createdAt.toISOString(),
        dueAt: a.dueAt.toISOString(),
        cancelledAt: a.cancelledAt?.toISOString() ?? null,
        message: a.message,
        prompts: a.prompts,
        answers: responses
          .filter((r) => r.assignmentId === a.id)
          .map((r) => ({
            partner: position.get(r.clientId) ?? 1,
            submittedAt: r.submittedAt?.toISOString() ?? null,
            answers: r.submittedAt ? r.answers : null,
          }))
          .sort((x, y) => x.partner - y.partner),
        review: a.reviewedAt
          ? {
              reviewedAt: a.reviewedAt.toISOString(),
              comments: reviewComments
                .filter((c) => c.assignmentId === a.id)
                .map((c) => ({
                  author: staff.get(c.authorId) ?? '',
                  body: c.body,
                  createdAt: c.createdAt.toISOString(),
                })),
            }
          : null,
      })),
      notes: signed.map((n) => ({
        id: n.id,
        format: n.format,
        sessionDate: n.sessionDate,
        signedAt: (n.signedAt as Date).toISOString(),
        author: staff.get(n.authorId) ?? '',
        sections: n.sections,
        addenda: notes
          .filter((x) => x.addendumTo === n.id)
          .map((x) => ({
            author: staff.get(x.authorId) ?? '',
            signedAt: (x.signedAt as Date).toISOString(),
            body: x.sections.body ?? '',
          })),
      })),
      measures,
      sessions,
      agreements,
    };
    await this.audit.record(actor, {
      action: 'couple.export',
      outcome: 'success',
      recordType: 'couple',
      recordId: couple.id,
      details: { format },
    });
    return result;
  }
}
