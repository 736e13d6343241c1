import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';

/**
 * Checks real answers against the committed OpenAPI document (apps/api/openapi.json): the status
 * must be one the operation documents, and the body must match that answer's schema for its media
 * type. An endpoint that answers something its document does not describe fails the test that
 * received it, so integrators' generated clients can trust the document.
 */

interface MediaType {
  schema?: object;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { responses?: Record<string, ResponseObject> };
}

const DOCUMENT_ID = 'openapi.json';
const document = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'apps', 'api', 'openapi.json'), 'utf8'),
) as Document;

/**
 * OpenAPI 3.0's `nullable: true` means "or null", whatever else the schema says; JSON Schema has no
 * such keyword, and Ajv's own `nullable` still applies a sibling `allOf` (a nullable reference) to
 * the null. Spelled as JSON Schema: null, or the schema without it.
 */
function withNullAsJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullAsJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withNullAsJsonSchema(value)]));
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

// strict: false: OpenAPI's own keywords (example, discriminator) are not JSON Schema. The whole
// document is one schema, so every `#/components/schemas/...` reference resolves against it.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(withNullAsJsonSchema(document) as object, DOCUMENT_ID);

/** Document paths as patterns; literal segments before templated ones (`/homework/current` first). */
const routes = Object.keys(document.paths)
  .map((template) => ({
    template,
    params: (template.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params);

const validators = new Map<string, ValidateFunction>();

function pointer(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

function validatorFor(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/${ref}` });
    validators.set(ref, validate);
  }
  return validate;
}

export interface ObservedResponse {
  method: string;
  /** The request path, with or without its query string. */
  url: string;
  status: number;
  contentType: string | undefined;
  /** The parsed JSON body, or the text of any other body ('' when none). */
  body: unknown;
}

/** What is wrong with this answer, by the document ([] when it matches or is not an API route). */
export function contractViolations(observed: ObservedResponse): string[] {
  const path = observed.url.split('?')[0] as string;
  if (!path.startsWith('/api/v1/')) return [];
  const method = observed.method.toLowerCase();
  const where = `${observed.method.toUpperCase()} ${path} → ${observed.status}`;
  const route = routes.find((r) => r.pattern.test(path) && document.paths[r.template]?.[method]);
  // An address no operation has is Nest's own 404/405 (problem+json), not an operation's answer.
  if (!route) return [];
  const operation = document.paths[route.template]?.[method] as Operation;
  const status = String(observed.status);
  let response = operation.responses[status];
  let responsePointer = pointer('paths', route.template, method, 'responses', status);
  if (!response) {
    // 500 is never documented: the suite's other tests fail on it anyway.
    if (observed.status >= 500) return [];
    return [`${where}: ${operation.operationId} does not document ${status}`];
  }
  if (response.$ref) {
    const name = response.$ref.replace('#/components/responses/', '');
    response = document.components.responses?.[name] as ResponseObject;
    responsePointer = pointer('components', 'responses', name);
  }
  const mediaType = (observed.contentType ?? '').split(';')[0]?.trim() ?? '';
  const hasBody = observed.body !== '' && observed.body !== undefined && observed.body !== null;
  if (!response.content) {
    return hasBody ? [`${where}: ${operation.operationId} documents no body for ${status}, got ${mediaType}`] : [];
  }
  const documented = response.content[mediaType];
  if (!documented) {
    return [
      `${where}: answered ${mediaType || 'no content type'}, documented ${Object.keys(response.content).join(', ')}`,
    ];
  }
  if (!documented.schema) return [];
  const validate = validatorFor(`${responsePointer}/content/${pointer(mediaType)}/schema`);
  if (validate(observed.body)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${where}: body${e.instancePath.replace(/\//g, '.')} ${e.message ?? 'is invalid'} (${operation.operationId})`,
  );
}

/** Fails when a supertest answer does not match the committed document. */
export function expectToMatchContract(res: Response): void {
  const req = (res as unknown as { req: { method: string; path: string } }).req;
  const violations = contractViolations({
    method: req.method,
    url: req.path,
    status: res.status,
    contentType: res.headers['content-type'] as string | undefined,
    body: res.type === 'application/json' || res.type === 'application/problem+json' ? res.body : (res.text ?? ''),
  });
  if (violations.length)
    throw new Error(`The answer does not match apps/api/openapi.json:\n  ${violations.join('\n  ')}`);
}

/** Violations seen by the apps createTestApp made in this test file (checked after the file). */
export const violationsSeen: string[] = [];

/** Throws, naming each, when this file's apps gave answers the document does not describe; then forgets them. */
export function failOnViolationsSeen(): void {
  if (violationsSeen.length === 0) return;
  const unique = [...new Set(violationsSeen)];
  violationsSeen.length = 0;
  throw new Error(`Answers that do not match apps/api/openapi.json:\n  ${unique.join('\n  ')}`);
}

/**
 * Takes back the violations `which` picks from this file's list, and says how many: for a test that
 * stores data as an older release did (before a migration backfilled it), which the API must still
 * serve although the document describes current data. Call it right after that request.
 */
export function forgiveViolations(which: (violation: string) => boolean): number {
  const kept = violationsSeen.filter((violation) => !which(violation));
  const forgiven = violationsSeen.length - kept.length;
  violationsSeen.splice(0, violationsSeen.length, ...kept);
  return forgiven;
}

/**
 * Checks every API answer an app gives against the document as it is sent: createTestApp installs
 * it, so each e2e spec's traffic is checked without the spec asking.
 */
export function checkEveryAnswer(fastify: {
  addHook(
    name: 'onSend',
    hook: (
      request: { method: string; url: string },
      reply: { statusCode: number; getHeader(name: string): unknown },
      payload: unknown,
    ) => Promise<unknown>,
  ): unknown;
}): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/v1/')) return payload;
    const contentType = reply.getHeader('content-type') as string | undefined;
    let body: unknown = typeof payload === 'string' ? payload : payload instanceof Buffer ? payload.toString() : '';
    if (typeof body === 'string' && body !== '' && /[/+]json\b/.test(contentType ?? '')) {
      try {
        body = JSON.parse(body);
      } catch {
        // left as text: the schema check reports it
      }
    }
    violationsSeen.push(
      ...contractViolations({ method: request.method, url: request.url, status: reply.statusCode, contentType, body }),
    );
    return payload;
  });
}
