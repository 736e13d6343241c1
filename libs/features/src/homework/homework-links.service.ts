import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { INACTIVE_LINK_MESSAGE, type HomeworkGreeting } from '@trellis/contracts';
import { Assignment, Client, Clinic, hashSecretToken, HomeworkResponse } from '@trellis/data';
import { firstName } from '@trellis/domain';
import { queueEmailInTransaction } from '@trellis/jobs';
import { randomUUID } from 'node:crypto';

/** Resolves emailed links. Unknown, expired, revoked and cancelled look exactly alike (404). */
@Injectable()
export class HomeworkLinksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async activeResponse(manager: EntityManager, token: string): Promise<HomeworkResponse> {
    const response = await manager
      .getRepository(HomeworkResponse)
      .createQueryBuilder('r')
      .innerJoin(Assignment, 'a', 'a.id = r.assignment_id')
      .where('r.link_token_hash = :hash', { hash: hashSecretToken(token) })
      .andWhere('r.link_revoked_at IS NULL')
      .andWhere('r.link_expires_at > now()')
      .andWhere('a.cancelled_at IS NULL')
      .getOne();
    if (!response) throw new NotFoundException(INACTIVE_LINK_MESSAGE);
    return response;
  }

  /** Read-only: email scanners follow links, so looking changes nothing. */
  async greeting(token: string): Promise<HomeworkGreeting> {
    const response = await this.activeResponse(this.dataSource.manager, token);
    const [client, clinic] = await Promise.all([
      this.dataSource.getRepository(Client).findOneByOrFail({ id: response.clientId }),
      this.dataSource.getRepository(Clinic).findOneByOrFail({ id: response.clinicId }),
    ]);
    return { partnerFirstName: firstName(client.name), clinicName: clinic.name };
  }

  /** The partner's own action: records the open and returns the response the session is scoped to. */
  async useLink(token: string): Promise<HomeworkResponse> {
    return this.dataSource.transaction(async (manager) => {
      const response = await this.activeResponse(manager, token);
      const now = new Date();
      await manager.update(
        HomeworkResponse,
        { id: response.id },
        { linkOpenedAt: response.linkOpenedAt ?? now, linkLastUsedAt: now },
      );
      return response;
    });
  }

  /**
   * "Email me a fresh link": a new link for each open homework of every partner with this address
   * and email consent. The caller always gets the same answer.
   */
  async sendFreshLinks(email: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const open: { id: string; clinic_id: string }[] = await manager.query(
        `SELECT r.id, r.clinic_id
         FROM homework_response r
         JOIN client c ON c.id = r.client_id
         JOIN assignment a ON a.id = r.assignment_id
         JOIN couple cp ON cp.id = a.couple_id
         WHERE lower(c.email) = lower($1) AND c.email_consent AND r.submitted_at IS NULL
           AND a.cancelled_at IS NULL AND cp.status <> 'discharged'
         LIMIT 20`,
        [email.trim()],
      );
      for (const row of open) {
        await queueEmailInTransaction(manager, {
          clinicId: row.clinic_id,
          template: 'homework-link',
          subjectIds: { responseId: row.id },
          idempotencyKey: `homework-link-${row.id}-${randomUUID()}`,
        });
      }
      return open.length;
    });
  }
}
