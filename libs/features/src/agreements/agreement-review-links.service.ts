import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type AgreementReviewForm, type AgreementReviewResult, INACTIVE_LINK_MESSAGE } from '@trellis/contracts';
import { hashSecretToken } from '@trellis/data';
import { currentLinkHash } from '../email/link-secrets.repository';
import { type AgreementReviewAnswer, firstName, sharedKeptStreak } from '@trellis/domain';
import type { Actor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import { AgreementReviewSubmitDto } from './agreement.dto';
import { AgreementsRepository, type OpenReviewRequest } from './agreements.repository';

/**
 * The partner's side of the weekly review: the emailed link shows the couple's agreements
 * (changing nothing: email scanners follow links); one submit confirms the versions the partner
 * agrees to, records "did this hold?" per agreement with an optional note for the counselor only,
 * closes the link and shows the shared streaks. Nothing of the other partner is ever returned but
 * the count of weeks in a row both said "kept". Unknown, expired, answered links all look alike (404).
 *
 * A "please confirm" link (sent when an agreement is added or reworded) opens the same page with no
 * week (`weekOf` null): it only confirms, and refuses weekly answers.
 */
@Injectable()
export class AgreementReviewLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly audit: AuditService,
  ) {}

  async form(actor: Actor, token: string): Promise<AgreementReviewForm> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findActive(manager, token, false);
      const rows = await this.agreements.formAgreements(manager, request.clinicId, request.coupleId, request.clientId);
      await this.record(manager, actor, request, 'view');
      return {
        partnerFirstName: firstName(request.clientName),
        clinicName: request.clinicName,
        weekOf: request.weekOf,
        agreements: rows,
      };
    });
  }

  async submit(actor: Actor, dto: AgreementReviewSubmitDto): Promise<AgreementReviewResult> {
    return this.dataSource.transaction(async (manager) => {
      // Locked: a double tap waits here, then finds the link closed.
      const request = await this.findActive(manager, dto.token, true);
      const open = await this.agreements.formAgreements(manager, request.clinicId, request.coupleId, request.clientId);
      const byAgreement = new Map(open.map((row) => [row.agreementId, row]));
      const versions = new Set(open.map((row) => row.versionId));
      const problems: { field: string; message: string }[] = [];
      dto.confirmVersionIds.forEach((id, i) => {
        if (!versions.has(id))
          problems.push({ field: `confirmVersionIds.${i}`, message: 'must be the current wording of an agreement' });
      });
      const seen = new Set<string>();
      dto.reviews.forEach((review, i) => {
        if (!byAgreement.has(review.agreementId))
          problems.push({ field: `reviews.${i}.agreementId`, message: 'must be one of your agreements' });
        else if (seen.has(review.agreementId))
          problems.push({ field: `reviews.${i}.agreementId`, message: 'is answered twice' });
        seen.add(review.agreementId);
      });
      if (request.weekOf === null && dto.reviews.length)
        problems.push({ field: 'reviews', message: 'must be empty: this link is only for confirming agreements' });
      if (problems.length) throw validationProblem(problems);
      const submittedAt = new Date();
      await this.agreements.confirm(manager, request.clinicId, request.clientId, [...new Set(dto.confirmVersionIds)]);
      await this.agreements.closeConfirmationRequests(
        manager,
        request.clinicId,
        request.clientId,
        request.kind === 'confirmation' ? request.id : null,
      );
      if (request.weekOf === null) {
        await this.record(manager, actor, request, 'submit', { confirmed: dto.confirmVersionIds.length });
        return { submittedAt: submittedAt.toISOString(), streaks: [] };
      }
      await this.agreements.insertReviews(manager, {
        clinicId: request.clinicId,
        coupleId: request.coupleId,
        clientId: request.clientId,
        weekOf: request.weekOf,
        reviews: dto.reviews.map((review) => ({
          agreementId: review.agreementId,
          versionId: (byAgreement.get(review.agreementId) as (typeof open)[number]).versionId,
          answer: review.answer,
          note: review.note ? review.note : null,
        })),
      });
      await this.agreements.close(manager, request.id, submittedAt);
      await this.record(manager, actor, request, 'submit', {
        confirmed: dto.confirmVersionIds.length,
        reviewed: dto.reviews.length,
      });
      const streaks = await this.streaks(manager, request, open);
      return { submittedAt: submittedAt.toISOString(), streaks };
    });
  }

  /** Per agreement, weeks in a row both said kept: computed from answers only, never notes. */
  private async streaks(
    manager: EntityManager,
    request: OpenReviewRequest,
    open: { agreementId: string; text: string }[],
  ) {
    const facts = await this.agreements.streakFacts(manager, request.clinicId, request.coupleId);
    const answers = new Map(facts.cells.map((c) => [`${c.agreementId}/${c.clientId}/${c.weekOf}`, c.answer]));
    return open.map(({ agreementId, text }) => ({
      agreementId,
      text,
      keptWeeksInARow: sharedKeptStreak(
        facts.weeks.map((weekOf) => ({
          weekOf,
          answers: facts.partnerIds.map(
            (clientId) => (answers.get(`${agreementId}/${clientId}/${weekOf}`) ?? null) as AgreementReviewAnswer | null,
          ),
        })),
      ),
    }));
  }

  /** The weekly review or the "please confirm" behind the token; a 404 alike for anything else. */
  private async findActive(manager: EntityManager, token: string, lock: boolean): Promise<OpenReviewRequest> {
    const hash = await currentLinkHash(manager, hashSecretToken(token));
    const request =
      (await this.agreements.findByActiveLink(manager, hash, lock)) ??
      (await this.agreements.findConfirmationByActiveLink(manager, hash, lock));
    if (!request) throw new NotFoundException(INACTIVE_LINK_MESSAGE);
    return request;
  }

  private record(
    manager: EntityManager,
    actor: Actor,
    request: OpenReviewRequest,
    what: 'view' | 'submit',
    details?: Record<string, number>,
  ): Promise<void> {
    const action =
      request.kind === 'confirmation'
        ? (`agreement_confirmation.${what}` as const)
        : (`agreement_review.${what}` as const);
    return this.audit.record(
      actor,
      {
        action,
        outcome: 'success',
        recordType: 'couple',
        recordId: request.coupleId,
        details: request.weekOf === null ? { ...details } : { weekOf: request.weekOf, ...details },
        attributedTo: { clinicId: request.clinicId, actorId: request.clientId, actorType: 'client_link' },
      },
      manager,
    );
  }
}
