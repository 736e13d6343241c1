import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiTokenSummary, CreatedApiToken, ListResponse } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { Roles, SessionOnly } from '../auth/public.decorator';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { CreateApiTokenDto } from './api-tokens.dto';
import { ApiTokensService } from './api-tokens.service';

@ApiTags('api-tokens')
@Roles('admin')
// An integration must not mint, list or revoke tokens: only a signed-in admin does.
@SessionOnly()
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: "The clinic's API tokens, newest first (never their secrets). Admins only." })
  list(@CurrentActor() actor: StaffActor): Promise<ListResponse<ApiTokenSummary>> {
    return this.tokens.list(actor);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an API token for an integration: the answer carries its secret, shown this once',
  })
  create(@CurrentActor() actor: StaffActor, @Body() body: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.tokens.create(actor, body);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API token: it stops working on its very next request' })
  revoke(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<ApiTokenSummary> {
    return this.tokens.revoke(actor, id);
  }
}
