/**
 * What an integration's API token may do with its creator's role: read only (any write is a 403)
 * or read and write. A token never does more than the admin who created it could.
 */
export const API_TOKEN_SCOPES = ['read', 'read_write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** An API token as the admins' list shows it: never its secret. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: ApiTokenScope;
  /** Who created it: the token acts with their role and stops working if their account does. */
  createdBy: { id: string; name: string };
  createdAt: string;
  /** When it was last used, to within a minute (the API writes it at most once a minute). */
  lastUsedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
}

/** The answer to creating a token: the only time its secret is ever shown. */
export interface CreatedApiToken extends ApiTokenSummary {
  /** Send as `Authorization: Bearer <token>`. Stored hashed: it cannot be shown again. */
  token: string;
}
