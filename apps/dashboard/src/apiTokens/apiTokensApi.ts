import type { ApiTokenScope, ApiTokenSummary, CreatedApiToken } from '@trellis/contracts';
import { httpClient } from '../data/httpClient';
import { API_TOKENS_PATH } from './apiTokenRules';

export const createApiToken = async (body: {
  name: string;
  scope: ApiTokenScope;
  expiresAt: string;
}): Promise<CreatedApiToken> => (await httpClient<CreatedApiToken>(API_TOKENS_PATH, { method: 'POST', body })).json;

export const revokeApiToken = async (id: string): Promise<ApiTokenSummary> =>
  (await httpClient<ApiTokenSummary>(`${API_TOKENS_PATH}/${encodeURIComponent(id)}/revoke`, { method: 'POST' })).json;
