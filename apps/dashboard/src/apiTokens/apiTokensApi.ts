import type { ApiTokenScope, ApiTokenSummary, CreatedApiToken } from '@trellis/contracts';
import { callApi } from '../data/api';

export const createApiToken = async (body: {
  name: string;
  scope: ApiTokenScope;
  expiresAt: string;
}): Promise<CreatedApiToken> => callApi('post', '/api-tokens', { params: {}, body });

export const revokeApiToken = async (id: string): Promise<ApiTokenSummary> =>
  callApi('post', '/api-tokens/{id}/revoke', { params: { id } });
