import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { enqueueInTransaction, JobName, queueEmailInTransaction } from '@trellis/jobs';
import type { Actor, AnonymousActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../config/config.tokens';
import { AccountLinksRepository } from './account-links.repository';
import { PasswordResetRequestsRepository } from './password-reset-requests.repository';
import { StaffAccountsRepository } from './staff-accounts.repository';

const STALE_AFTER_MS = 24 * 3600_000;

/**
 * "Email me a reset link", in two halves so the answer cannot tell who has an account:
 * the endpoint records the request and its job (the same two rows whatever the address) and
 * answers; the worker then looks the address up and, for an active account, sends the link.
 * Looking up first made known addresses answer about twice as slowly as unknown ones.
 */
@Injectable()
export class PasswordResetRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly requests: PasswordResetRequestsRepository,
    private readonly links: AccountLinksRepository,
    private readonly accounts: StaffAccountsRepository,
  ) {}

  /** The API's half: the same work for every address, and no look-up. */
  async request(email: string, actor: Actor): Promise<void> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.requests.insert(manager, {
        id,
        email: email.trim().toLowerCase(),
        ip: actor.ip,
        userAgent: actor.userAgent,
        requestId: actor.requestId,
      });
      // Only the row's id goes to Redis; the address stays in PostgreSQL until the job takes it.
      await enqueueInTransaction(manager, {
        name: JobName.RequestPasswordReset,
        data: { requestId: id, clinicId: null },
        jobId: `password-reset-request-${id}`,
      });
    });
  }

  /** The worker's half: an email goes out only for an active account; the request row is used up. */
  async handle(requestId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requests.deleteStale(manager, new Date(Date.now() - STALE_AFTER_MS));
      const request = await this.requests.take(manager, requestId);
      if (!request) return;
      const staff = await this.accounts.findActiveByEmail(manager, request.email);
      if (!staff) return;
      await this.links.revokeOpenPasswordResets(manager, staff.id);
      const token = await this.links.insertPasswordReset(
        manager,
        staff.id,
        new Date(Date.now() + this.config.auth.passwordResetTtlMinutes * 60_000),
      );
      await queueEmailInTransaction(manager, {
        clinicId: staff.clinicId,
        template: 'password-reset',
        subjectIds: { tokenId: token.id },
        idempotencyKey: `password-reset-${token.id}`,
      });
      // The row names who asked from where, as the request saw it, not the worker.
      const asker: AnonymousActor = {
        kind: 'anonymous',
        ip: request.ip,
        userAgent: request.userAgent,
        requestId: request.requestId,
      };
      await this.audit.record(
        asker,
        {
          action: 'auth.password_reset_request',
          outcome: 'success',
          recordType: 'staff_user',
          recordId: staff.id,
          // Whoever asked is not signed in; the row names the account, so its clinic sees it.
          attributedTo: { clinicId: staff.clinicId, actorId: staff.id },
        },
        manager,
      );
    });
  }
}
