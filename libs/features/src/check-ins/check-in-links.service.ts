import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type CheckInForm,
  type CheckInResult,
  type CheckInTrendPoint,
  INACTIVE_LINK_MESSAGE,
} from '@trellis/contracts';
import { hashSecretToken } from '@trellis/data';
import { currentLinkHash } from '../email/link-secrets.repository';
import { advanceProgramInTransaction } from '@trellis/jobs';
import { type CheckInScorePoint, firstName, partnerScoresVisibleTo, pathPosition } from '@trellis/domain';
import type { Actor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import { MeasureResponsesService } from '../measures/measure-responses.service';
import { SafetyRepository } from '../safety/safety.repository';
import { CheckInsRepository } from './check-ins.repository';

// Answers bodies are small: a measure has at most a few dozen items.
const MAX_ANSWERS_JSON = 16 * 1024;

const toPoint = (row: CheckInScorePoint): CheckInTrendPoint => ({
  occurrence: row.occurrence,
  submittedAt: row.submittedAt.toISOString(),
  score: row.score,
});

/**
 * The partner's side of a check-in: the emailed link shows the form (changing nothing: email
 * scanners follow links), and one submit scores the answers, closes the link and shows the
 * partner their own trend, with the other partner's scores only where the seal allows.
 * Unknown, expired, answered and cancelled links all look alike (404).
 */
@Injectable()
export class CheckInLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkIns: CheckInsRepository,
    private readonly responses: MeasureResponsesService,
    private readonly audit: AuditService,
    private readonly safety: SafetyRepository,
  ) {}

  async form(token: string): Promise<CheckInForm> {
    const checkIn = await this.checkIns.findByActiveLink(
      this.dataSource.manager,
      await currentLinkHash(this.dataSource.manager, hashSecretToken(token)),
      false,
    );
    if (!checkIn) throw new NotFoundException(INACTIVE_LINK_MESSAGE);
    const { definition } = checkIn;
    const steps = checkIn.programStepId
      ? await this.checkIns.programPath(this.dataSource.manager, checkIn.programStepId)
      : [];
    const mine = steps.find((s) => s.id === checkIn.programStepId);
    return {
      partnerFirstName: firstName(checkIn.clientName),
      clinicName: checkIn.clinicName,
      title: checkIn.title,
      instructions: definition.instructions,
      items: definition.items.map((item) => ({
        id: item.id,
        label: item.label,
        scale: item.scale ?? definition.scale,
      })),
      path: mine ? pathPosition(steps, mine.position) : null,
    };
  }

  async submit(actor: Actor, token: string, answers: Record<string, unknown>): Promise<CheckInResult> {
    if (JSON.stringify(answers).length > MAX_ANSWERS_JSON)
      throw validationProblem([{ field: 'answers', message: 'are too long to save' }]);
    return this.dataSource.transaction(async (manager) => {
      // Locked: a double tap waits here, then finds the link closed.
      const checkIn = await this.checkIns.findByActiveLink(
        manager,
        await currentLinkHash(manager, hashSecretToken(token)),
        true,
      );
      if (!checkIn) throw new NotFoundException(INACTIVE_LINK_MESSAGE);
      const submittedAt = new Date();
      const scored = await this.responses.submitInTransaction(
        manager,
        actor,
        { id: checkIn.clientId, clinicId: checkIn.clinicId, coupleId: checkIn.coupleId },
        { measureVersionId: checkIn.measureVersionId, occurrence: checkIn.occurrence, answers, submittedAt },
      );
      await this.checkIns.close(manager, checkIn.id, scored.id, submittedAt);
      // A program's check-in step: both partners' answers may open the next step (the job re-reads).
      if (checkIn.programStepId)
        await advanceProgramInTransaction(manager, checkIn.clinicId, checkIn.coupleId, `check-in-${checkIn.id}`);
      const rows = await this.checkIns.trend(manager, checkIn.clinicId, checkIn.coupleId, checkIn.measureId);
      const mine = rows.filter((row) => row.clientId === checkIn.clientId);
      const pause = await this.safety.openPause(manager, checkIn.clinicId, checkIn.coupleId);
      // The one seal: nothing of the other partner unless both answered and the therapist allowed
      // it, and nothing newly shared while a partner's safety concern is open.
      const partner = partnerScoresVisibleTo({
        sharesWithPartner: checkIn.shareWithPartner,
        sharingPausedSince: pause?.raisedAt ?? null,
        mine,
        partner: rows.filter((row) => row.clientId !== checkIn.clientId),
      });
      const partnerName = partner.length
        ? await this.checkIns.otherPartnerName(manager, checkIn.coupleId, checkIn.clientId)
        : null;
      await this.audit.record(
        actor,
        {
          action: 'check_in.view',
          outcome: 'success',
          recordType: 'couple',
          recordId: checkIn.coupleId,
          details: { measureId: checkIn.measureId, partnerScoresShown: partner.length },
          attributedTo: { clinicId: checkIn.clinicId, actorId: checkIn.clientId, actorType: 'client_link' },
        },
        manager,
      );
      return {
        submittedAt: submittedAt.toISOString(),
        score: scored.score,
        range: checkIn.definition.range,
        higherIsBetter: checkIn.definition.higherIsBetter,
        mine: mine.map(toPoint),
        partner: partner.map(toPoint),
        partnerFirstName: partnerName === null ? null : firstName(partnerName),
      };
    });
  }
}
