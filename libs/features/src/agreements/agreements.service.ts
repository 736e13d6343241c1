import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AgreementCandidate, AgreementRhythmView, AgreementView, AuditAction } from '@trellis/contracts';
import { planAgreementReviewsInTransaction, queueEmailsAndJobsInTransaction } from '@trellis/jobs';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { CouplesService } from '../couples/couples.service';
import { validationProblem } from '../http/problem.exception';
import { planReviewFor } from './agreement-review-plan';
import { cellKey, toAgreementView, toCandidate } from './agreement-views';
import { AgreementRhythmDto, CreateAgreementDto, UpdateAgreementDto } from './agreement.dto';
import { AgreementsRepository, type Rhythm } from './agreements.repository';

const SOURCE_FIELDS = ['assignmentId', 'promptId', 'clientId'] as const;
const notFound = () => new NotFoundException('No such agreement.');

/**
 * A couple's agreements, kept by their therapist (or an admin): added from session or from a
 * partner's answer to the boundaries exercise, edited into new versions (each needing both
 * partners to confirm again), retired; the weekly review rhythm; and the kept-or-slipped grid.
 * Every read and write is audited, a 404 (another clinic's or therapist's couple) as denied.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly couples: CouplesService,
    private readonly audit: AuditService,
    private readonly agreements: AgreementsRepository,
  ) {}

  /** A fixed number of statements at any number of agreements and weeks. */
  async list(actor: StaffActor, coupleId: string): Promise<AgreementView[]> {
    return this.audited(actor, 'agreement.list', coupleId, async (manager) => {
      await this.couples.findVisible(manager, actor.staff, coupleId);
      return this.views(manager, actor.staff.clinicId, coupleId);
    });
  }

  /** The boundaries-exercise answers the therapist may turn into agreements. */
  async candidates(actor: StaffActor, coupleId: string): Promise<AgreementCandidate[]> {
    return this.audited(actor, 'agreement.candidates', coupleId, async (manager) => {
      await this.couples.findVisible(manager, actor.staff, coupleId);
      return (await this.agreements.candidates(manager, actor.staff.clinicId, coupleId)).map(toCandidate);
    });
  }

  async create(actor: StaffActor, coupleId: string, dto: CreateAgreementDto): Promise<AgreementView> {
    const given = SOURCE_FIELDS.filter((field) => dto[field] !== undefined);
    if (given.length && given.length < SOURCE_FIELDS.length)
      throw validationProblem(
        SOURCE_FIELDS.filter((field) => dto[field] === undefined).map((field) => ({
          field,
          message: 'is required for an agreement taken from an exercise answer',
        })),
      );
    if (!given.length && dto.text === undefined)
      throw validationProblem([{ field: 'text', message: 'is required (or pick an exercise answer)' }]);
    return this.audited(actor, 'agreement.create', coupleId, async (manager) => {
      const { clinicId } = actor.staff;
      await this.couples.findVisible(manager, actor.staff, coupleId, true);
      let text = dto.text;
      let source: { assignmentId: string; promptId: string; clientId: string } | null = null;
      if (given.length) {
        const answer = (await this.agreements.candidates(manager, clinicId, coupleId)).find(
          (c) => c.assignmentId === dto.assignmentId && c.promptId === dto.promptId && c.clientId === dto.clientId,
        );
        if (!answer)
          throw validationProblem([
            { field: 'assignmentId', message: "must be a partner's submitted answer to the agreements exercise" },
          ]);
        source = { assignmentId: answer.assignmentId, promptId: answer.promptId, clientId: answer.clientId };
        text ??= answer.text.trim();
        if (text.length > 500)
          throw validationProblem([
            {
              field: 'text',
              message: 'is required: the answer is over 500 characters, so word the agreement yourself',
            },
          ]);
      }
      const id = await this.agreements.insert(manager, {
        clinicId,
        coupleId,
        text: text as string,
        createdBy: actor.staff.id,
        source,
      });
      await this.askToConfirm(manager, clinicId, id);
      return this.one(manager, clinicId, coupleId, id);
    });
  }

  /** A new version: what the partners confirmed was the old wording, so they are asked again. */
  async update(
    actor: StaffActor,
    coupleId: string,
    agreementId: string,
    dto: UpdateAgreementDto,
  ): Promise<AgreementView> {
    return this.audited(
      actor,
      'agreement.update',
      coupleId,
      async (manager) => {
        const { clinicId } = actor.staff;
        const current = await this.findVisible(manager, actor, coupleId, agreementId);
        if (current.status === 'retired')
          throw new ConflictException('This agreement is retired: add a new one instead.');
        if (current.text !== dto.text) {
          await this.agreements.addVersion(
            manager,
            clinicId,
            agreementId,
            current.version + 1,
            dto.text,
            actor.staff.id,
          );
          await this.askToConfirm(manager, clinicId, agreementId);
        }
        return this.one(manager, clinicId, coupleId, agreementId);
      },
      agreementId,
    );
  }

  /** Retired: no longer reviewed each week; its history stays in the grid. Retiring twice changes nothing. */
  async retire(actor: StaffActor, coupleId: string, agreementId: string): Promise<AgreementView> {
    return this.audited(
      actor,
      'agreement.retire',
      coupleId,
      async (manager) => {
        const { clinicId } = actor.staff;
        const current = await this.findVisible(manager, actor, coupleId, agreementId);
        if (current.status === 'active') await this.agreements.retire(manager, clinicId, agreementId);
        return this.one(manager, clinicId, coupleId, agreementId);
      },
      agreementId,
    );
  }

  async rhythm(actor: StaffActor, coupleId: string): Promise<AgreementRhythmView> {
    return this.audited(actor, 'agreement_rhythm.view', coupleId, async (manager) => {
      await this.couples.findVisible(manager, actor.staff, coupleId);
      return this.rhythmView(manager, actor.staff.clinicId, coupleId);
    });
  }

  /** Sets (dto) or turns off (null) the weekly review; each partner's next one is re-planned. */
  async setRhythm(actor: StaffActor, coupleId: string, dto: AgreementRhythmDto | null): Promise<AgreementRhythmView> {
    return this.audited(actor, 'agreement_rhythm.update', coupleId, async (manager) => {
      const { clinicId } = actor.staff;
      await this.couples.findVisible(manager, actor.staff, coupleId, true);
      const rhythm: Rhythm | null = dto ? { weekday: dto.weekday, localTime: dto.localTime } : null;
      await this.agreements.setRhythm(manager, { clinicId, coupleId, rhythm, updatedBy: actor.staff.id });
      await planAgreementReviewsInTransaction(manager, clinicId, coupleId);
      return this.rhythmView(manager, clinicId, coupleId);
    });
  }

  /**
   * "Please confirm" to each partner, for this wording: whatever the weekly rhythm (or none), in
   * the transaction that made it. One email per partner per version (the ledger's key); the email
   * carries no wording and re-checks consent, the couple's status, the partner's own safety flag and whether the
   * wording is still current and unconfirmed when it is composed.
   */
  private async askToConfirm(manager: EntityManager, clinicId: string, agreementId: string): Promise<void> {
    const requests = await this.agreements.insertConfirmationRequests(manager, clinicId, agreementId);
    await queueEmailsAndJobsInTransaction(manager, {
      emails: requests.map((request) => ({
        clinicId,
        template: 'agreement-confirmation',
        subjectIds: { agreementConfirmationId: request.id },
        idempotencyKey: `agreement-confirmation-${request.versionId}-${request.clientId}`,
      })),
    });
  }

  /**
   * The work and its audit row in one transaction; a 404 (no such couple for this person, or no
   * such agreement on it) is recorded as denied and rethrown alike.
   */
  private audited<T>(
    actor: StaffActor,
    action: AuditAction,
    coupleId: string,
    work: (manager: EntityManager) => Promise<T>,
    agreementId?: string,
  ): Promise<T> {
    const recordType = agreementId ? 'agreement' : 'couple';
    const recordId = agreementId ?? coupleId;
    return this.audit.read(actor, { action, recordType, recordId }, () =>
      this.dataSource.transaction(async (manager) => {
        const result = await work(manager);
        await this.audit.record(
          actor,
          { action, outcome: 'success', recordType, recordId, details: agreementId ? { coupleId } : undefined },
          manager,
        );
        return result;
      }),
    );
  }

  private async findVisible(manager: EntityManager, actor: StaffActor, coupleId: string, agreementId: string) {
    await this.couples.findVisible(manager, actor.staff, coupleId, true);
    const agreement = await this.agreements.lock(manager, actor.staff.clinicId, coupleId, agreementId);
    if (!agreement) throw notFound();
    return agreement;
  }

  private async views(manager: EntityManager, clinicId: string, coupleId: string, agreementId?: string) {
    const [rows, frame] = await Promise.all([
      this.agreements.list(manager, clinicId, coupleId, agreementId),
      this.agreements.gridFrame(manager, clinicId, coupleId),
    ]);
    const cells = new Map(
      (await this.agreements.reviews(manager, clinicId, coupleId, frame.weeks)).map((cell) => [cellKey(cell), cell]),
    );
    return rows.map((row) => toAgreementView(row, frame.partnerIds, frame.weeks, cells));
  }

  private async one(manager: EntityManager, clinicId: string, coupleId: string, agreementId: string) {
    const [view] = await this.views(manager, clinicId, coupleId, agreementId);
    if (!view) throw notFound();
    return view;
  }

  private async rhythmView(manager: EntityManager, clinicId: string, coupleId: string): Promise<AgreementRhythmView> {
    const planning = await this.agreements.planning(manager, clinicId, coupleId);
    if (!planning) throw notFound();
    const now = new Date();
    // What the therapist sees as upcoming is what will actually go out: nothing while paused.
    const upcoming =
      planning.status === 'active'
        ? planning.partners.flatMap((partner) => {
            const plan = planReviewFor(
              planning.rhythm,
              { status: planning.status, timezone: planning.timezone, lastSentWeek: partner.lastSentWeek },
              now,
            );
            return plan ? [{ clientId: partner.id, sendAt: plan.sendAt.toISOString() }] : [];
          })
        : [];
    return {
      weekday: planning.rhythm?.weekday ?? null,
      localTime: planning.rhythm?.localTime ?? null,
      timezone: planning.timezone,
      upcoming,
    };
  }
}
