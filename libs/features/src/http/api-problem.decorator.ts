import { ApiResponse } from '@nestjs/swagger';

/** Where the document post-processor (openapi-document.ts) puts the problem+json schema. */
export const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';

/**
 * Documents a problem+json answer particular to this route, with why it happens here: a 409 for
 * a state the record is not in, a 429 from a rate limit. The answers every route of its kind gives
 * (400, 401, 403, 404, 413) are added from the route's guards and pipes; do not repeat them.
 */
export function ApiProblem(status: 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 503, description: string) {
  return ApiResponse({
    status,
    description,
    content: { 'application/problem+json': { schema: { $ref: PROBLEM_SCHEMA_REF } } },
  });
}
