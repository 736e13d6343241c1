import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { INACTIVE_LINK_MESSAGE, type HomeworkGreeting } from '@trellis/contracts';
import { hashSecretToken, type HomeworkResponse } from '@trellis/data';
import { currentLinkHash } from '../email/link-secrets.repository';
import { firstName } from '@trellis/domain';
import { queueEmailInTransaction } from '@trellis/jobs';
import { randomUUID } from 'node:crypto';
import { HomeworkResponsesRepository } from './homework-responses.repository';

/** Resolves emailed links. Unknown, expired, revoked and cancelled look exactly alike (404). */
@Injectable()
export class HomeworkLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly responses: HomeworkResponsesRepository,
  ) {}

  private async activeResponse(manager: EntityManager, token: string): Promise<HomeworkResponse> {
    const response = await this.responses.findByActiveLink(
      manager,
      await currentLinkHash(manager, hashSecretToken(token)),
    );
    if (!response) throw new NotFoundException(INACTIVE_LINK_MESSAGE);
    return response;
  }

  /** Read-only: email scanners follow links, so looking changes nothing. */
  async greeting(token: string): Promise<HomeworkGreeting> {
    const response = await this.activeResponse(this.dataSource.manager, token);
    const { clientName, clinicName } = await this.responses.greetingNames(response.clientId, response.clinicId);
    return { partnerFirstName: firstName(clientName), clinicName };
  }

  /** The partner's own action: records the open and returns the response the session is scoped to. */
  async useLink(token: string): Promise<HomeworkResponse> {
    return this.dataSource.transaction(async (manager) => {
      const response = await this.activeResponse(manager, token);
      const now = new Date();
      await this.responses.recordLinkUse(manager, response.id, { openedAt: response.linkOpenedAt ?? now, usedAt: now });
      return response;
    });
  }

  /**
   * "Email me a fresh link": a new link for each open homework of every partner with this address
   * and email consent. The caller always gets the same answer.
   */
  async sendFreshLinks(email: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const open = await this.responses.openForEmail(manager, email.trim());
      for (const { responseId, clinicId } of open) {
        await queueEmailInTransaction(manager, {
          clinicId,
          template: 'homework-link',
          // Asked for by the partner, not the therapist: if the link is revoked by the time it is
          // sent, it is not sent (only the therapist's resend lifts a revocation).
          subjectIds: { responseId, requestedBy: 'partner' },
          idempotencyKey: `homework-link-${responseId}-${randomUUID()}`,
        });
      }
      return open.length;
    });
  }
}
