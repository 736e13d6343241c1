import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiTokenSummary, CreatedApiToken, ListResponse } from '@trellis/contracts';
import { mintSecretToken } from '@trellis/data';
import { apiTokenExpiryProblem } from '@trellis/domain';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import { ApiTokensRepository } from './api-tokens.repository';
import type { CreateApiTokenDto } from './api-tokens.dto';

/** An admin's API tokens for the clinic's integrations: create (secret shown once), list, revoke. */
@Injectable()
export class ApiTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: StaffActor, dto: CreateApiTokenDto): Promise<CreatedApiToken> {
    const expiresAt = new Date(dto.expiresAt);
    const problem = apiTokenExpiryProblem(expiresAt, new Date());
    if (problem) throw validationProblem([{ field: 'expiresAt', message: problem }]);

    // Same secret as the emailed links: 256 random bits, only their SHA-256 stored.
    const { token, hash } = mintSecretToken();
    return this.dataSource.transaction(async (manager) => {
      const created = await this.tokens.insert(manager, {
        clinicId: actor.staff.clinicId,
        createdBy: actor.staff.id,
        name: dto.name,
        scope: dto.scope,
        tokenHash: hash,
        expiresAt,
      });
      await this.audit.record(
        actor,
        {
          action: 'api_token.create',
          outcome: 'success',
          recordType: 'api_token',
          recordId: created.id,
          details: { scope: created.scope, expiresAt: created.expiresAt },
        },
        manager,
      );
      return { ...created, token };
    });
  }

  /** Every token at once: a clinic has a handful, so the list has no pages. */
  async list(actor: StaffActor): Promise<ListResponse<ApiTokenSummary>> {
    const tokens = await this.tokens.listForClinic(actor.staff.clinicId);
    await this.audit.record(actor, { action: 'api_token.list', outcome: 'success', recordType: 'api_token' });
    return { data: tokens, total: tokens.length };
  }

  /** Stops the token at once: the next request that sends it gets a 401. */
  async revoke(actor: StaffActor, id: string): Promise<ApiTokenSummary> {
    return this.audit.read(actor, { action: 'api_token.revoke', recordType: 'api_token', recordId: id }, () =>
      this.dataSource.transaction(async (manager) => {
        const revoked = await this.tokens.revoke(manager, actor.staff.clinicId, id);
        if (!revoked) throw new NotFoundException('No such API token.');
        await this.audit.record(
          actor,
          { action: 'api_token.revoke', outcome: 'success', recordType: 'api_token', recordId: id },
          manager,
        );
        return revoked;
      }),
    );
  }
}
