import type { Type } from '@nestjs/common';
import { GUARDS_METADATA, HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  PathItemObject,
  ResponseObject,
  ResponsesObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { HOMEWORK_CSRF_HEADER } from '@trellis/contracts';
import { ALLOW_DURING_2FA_ENROLLMENT, IS_PUBLIC, REQUIRED_ROLES, SESSION_ONLY } from '../auth/public.decorator';
import { HomeworkHeaderGuard, HomeworkSessionGuard } from '../homework/homework-session.guard';
import { PROBLEM_SCHEMA_REF } from './api-problem.decorator';
import { OPERATION_EXAMPLES, REQUEST_EXAMPLES, RESPONSE_EXAMPLES } from './openapi-examples';
import GENERATED from './response-schemas.generated.json';

/** The controller method behind each operationId (filled while Nest builds the document). */
export type OperationHandlers = Map<string, { controller: Type; method: string }>;

export interface DocumentOptions {
  sessionCookie: string;
  tags: Record<string, string>;
}

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The security schemes: one session cookie (staff and partners), the header each kind of write
 * needs, and the API token an integration sends instead of a session.
 */
const SECURITY = {
  session: 'session',
  csrf: 'csrfToken',
  homeworkHeader: 'homeworkHeader',
  apiToken: 'apiToken',
} as const;

/**
 * The problem+json answers added to operations by what their route can refuse. Each names the
 * reason, so an integrator can tell which of their mistakes a status means.
 */
const STANDARD_PROBLEMS = {
  400: { name: 'BadRequest', description: 'The body or query is invalid: `errors` names each field at fault.' },
  401: {
    name: 'Unauthorized',
    description:
      'No live session (sign in, or open the emailed link again), or an API token that is unknown, expired or revoked.',
  },
  403: {
    name: 'Forbidden',
    description:
      'Signed in but not allowed: a write without the CSRF header, a role that may not do this, two-factor sign-in still to set up, a write with a read-only API token, or a route API tokens may not call.',
  },
  404: {
    name: 'NotFound',
    description: "No such record, or one in another clinic or of another therapist's caseload (the same answer).",
  },
  409: { name: 'Conflict', description: 'The record is not in a state that allows this.' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than the server accepts (`BODY_LIMIT_BYTES`).' },
  429: {
    name: 'TooManyRequests',
    description: 'Too many attempts, or an API token over its per-minute limit: wait for `Retry-After` seconds.',
  },
} as const;
export type ProblemStatus = keyof typeof STANDARD_PROBLEMS;

/** Facts about a route, read from the metadata its guards read: the document cannot drift from them. */
interface RouteFacts {
  staff: boolean;
  /** Staff routes an API token may not call (`@SessionOnly()`). */
  sessionOnly: boolean;
  roles: boolean;
  homeworkSession: boolean;
  homeworkHeader: boolean;
  duringTwoFactorEnrollment: boolean;
  /** `@HttpCode(...)`, when the route sets one. */
  httpCode: number | undefined;
}

function routeFacts(handlers: OperationHandlers, operationId: string | undefined): RouteFacts {
  const found = operationId ? handlers.get(operationId) : undefined;
  if (!found) throw new Error(`OpenAPI: no controller method behind operation ${operationId ?? '(no id)'}`);
  const handler = (found.controller.prototype as Record<string, unknown>)[found.method] as object;
  const read = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, found.controller) as T);
  const guards = [
    ...((Reflect.getMetadata(GUARDS_METADATA, found.controller) as unknown[]) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[]) ?? []),
  ];
  return {
    staff: !read<boolean>(IS_PUBLIC),
    sessionOnly: !!read<boolean>(SESSION_ONLY),
    roles: (read<string[]>(REQUIRED_ROLES)?.length ?? 0) > 0,
    homeworkSession: guards.includes(HomeworkSessionGuard),
    homeworkHeader: guards.includes(HomeworkHeaderGuard),
    duringTwoFactorEnrollment: !!read<boolean>(ALLOW_DURING_2FA_ENROLLMENT),
    httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
  };
}

/** Completes the generated document in place and returns it. */
export function completeOpenApiDocument(
  document: OpenAPIObject,
  handlers: OperationHandlers,
  options: DocumentOptions,
): OpenAPIObject {
  document.servers = [{ url: '/', description: 'The Trellis server that serves this document' }];
  const components = (document.components ??= {});
  components.securitySchemes = {
    [SECURITY.session]: {
      type: 'apiKey',
      in: 'cookie',
      name: options.sessionCookie,
      description:
        'The session cookie: set by `POST /api/v1/auth/login` for staff, by `POST /api/v1/homework/session` for a partner.',
    },
    [SECURITY.csrf]: {
      type: 'apiKey',
      in: 'header',
      name: 'x-csrf-token',
      description: "Every staff write: the session's token, from `GET /api/v1/auth/session` (`csrfToken`).",
    },
    [SECURITY.homeworkHeader]: {
      type: 'apiKey',
      in: 'header',
      name: HOMEWORK_CSRF_HEADER,
      description: 'Every homework write: the value `1` (a cross-site form cannot send a custom header).',
    },
    [SECURITY.apiToken]: {
      type: 'http',
      scheme: 'bearer',
      description:
        "An admin's API token for an integration (`POST /api/v1/api-tokens`), sent as `Authorization: Bearer <token>` instead of a session: no CSRF header, rate-limited per token (429), a `read` token gets 403 on writes.",
    },
  };
  const schemas = (components.schemas ??= {});
  Object.assign(schemas, problemSchemas());
  for (const [name, schema] of Object.entries(GENERATED.schemas)) {
    // A request DTO and a contracts shape with one name would silently replace each other.
    if (name in schemas) throw new Error(`OpenAPI: schema ${name} is both a request DTO and a contracts shape`);
    schemas[name] = schema as SchemaObject;
  }
  const usedProblems = new Set<ProblemStatus>();

  const usedTags = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as PathItemObject)[method];
      if (!operation) continue;
      const facts = routeFacts(handlers, operation.operationId);
      operation.security = securityOf(method, facts);
      for (const status of problemsOf(path, method, operation, facts)) {
        const key = String(status);
        if (operation.responses[key]) continue;
        operation.responses[key] = { $ref: `#/components/responses/${STANDARD_PROBLEMS[status].name}` };
        usedProblems.add(status);
      }
      addSuccess(method, operation, facts);
      describeSuccess(operation);
      addExamples(operation);
      fillEmptyDescriptions(operation.responses);
      sortResponses(operation);
      for (const tag of operation.tags ?? []) usedTags.add(tag);
    }
  }

  components.responses = Object.fromEntries(
    [...usedProblems]
      .sort((a, b) => a - b)
      .map((status) => [
        STANDARD_PROBLEMS[status].name,
        problemResponse(STANDARD_PROBLEMS[status].description, status),
      ]),
  );
  const known = Object.keys(options.tags).filter((tag) => usedTags.has(tag));
  const unknown = [...usedTags].filter((tag) => !(tag in options.tags)).sort();
  document.tags = [
    ...known.map((name) => ({ name, description: options.tags[name] })),
    ...unknown.map((name) => ({ name })),
  ];
  return document;
}

function securityOf(method: string, facts: RouteFacts): OperationObject['security'] {
  const write = WRITE_METHODS.has(method);
  if (facts.staff) {
    const session: Record<string, string[]> = write
      ? { [SECURITY.session]: [], [SECURITY.csrf]: [] }
      : { [SECURITY.session]: [] };
    return facts.sessionOnly ? [session] : [session, { [SECURITY.apiToken]: [] }];
  }
  const needs: Record<string, string[]> = {};
  if (facts.homeworkSession) needs[SECURITY.session] = [];
  if (facts.homeworkHeader) needs[SECURITY.homeworkHeader] = [];
  // An empty list says "no credentials" (sign-in, health, reading an emailed link).
  return Object.keys(needs).length ? [needs] : [];
}

/** The refusals this route's pipes and guards can answer with. */
function problemsOf(path: string, method: string, operation: OperationObject, facts: RouteFacts): ProblemStatus[] {
  const found: ProblemStatus[] = [];
  const hasBody = !!operation.requestBody;
  const hasQuery = (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'query');
  // The validation pipe checks every body and query string; path ids go through RecordIdPipe (404).
  if (hasBody || hasQuery) found.push(400);
  if (facts.staff || facts.homeworkSession) found.push(401);
  // Staff: CSRF on writes, roles, a clinic-required second factor not yet set up (unless the
  // route is part of setting it up), an API token on a session-only route. Homework: the custom
  // header on writes.
  if (
    (facts.staff &&
      (WRITE_METHODS.has(method) || facts.roles || !facts.duringTwoFactorEnrollment || facts.sessionOnly)) ||
    facts.homeworkHeader
  ) {
    found.push(403);
  }
  if (/\{[^}]+\}/.test(path)) found.push(404);
  // A write in a partner's session names the response it was loaded for: another partner's
  // session in the same browser is a 409 (HomeworkSessionGuard).
  if (facts.homeworkSession && WRITE_METHODS.has(method)) found.push(409);
  if (hasBody) found.push(413);
  // An API token over its per-minute limit.
  if (facts.staff && !facts.sessionOnly) found.push(429);
  return found;
}

function problemSchemas(): Record<string, SchemaObject> {
  return {
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details. Never carries a stack trace, SQL or clinical text.',
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string', description: 'Always `about:blank`: `status` and `title` say what happened.' },
        title: { type: 'string', description: 'The HTTP reason phrase.', example: 'Not Found' },
        status: { type: 'integer', minimum: 400, maximum: 599, example: 404 },
        detail: { type: 'string', description: 'What went wrong, for a person.', example: 'No such record.' },
        errors: {
          type: 'array',
          description: 'On a 400: each field at fault (dotted paths into the body or query).',
          items: { $ref: '#/components/schemas/FieldError' },
        },
      },
    },
    FieldError: {
      type: 'object',
      required: ['field', 'message'],
      properties: {
        field: { type: 'string', example: 'partners.0.email' },
        message: { type: 'string', example: 'email must be an email' },
      },
    },
  };
}

function problemResponse(description: string, status: ProblemStatus): ResponseObject {
  const example =
    status === 400
      ? {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'Some fields are invalid: partners.0.email',
          errors: [{ field: 'partners.0.email', message: 'email must be an email' }],
        }
      : undefined;
  return {
    description,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_SCHEMA_REF }, ...(example ? { example } : {}) } },
  };
}

/**
 * Nest adds the success answer only to an operation that declares no answer at all; one with an
 * @ApiProblem gets it here: the route's @HttpCode, else Nest's default (201 for POST, 200 else).
 */
function addSuccess(method: string, operation: OperationObject, facts: RouteFacts): void {
  if (Object.keys(operation.responses).some((status) => status.startsWith('2'))) return;
  const status = facts.httpCode ?? (method === 'post' ? 201 : 200);
  operation.responses[String(status)] = { description: '' };
}

/**
 * The success answer's body: the schema scripts/openapi/response-schemas.mjs derived from the
 * controller method's return type (a libs/contracts shape). A method that returns nothing, or sends
 * text itself (CSV, HTML), has none.
 */
function describeSuccess(operation: OperationObject): void {
  const responses: Record<string, unknown> = GENERATED.responses;
  const schema = operation.operationId ? responses[operation.operationId] : undefined;
  if (!schema) return;
  const status = Object.keys(operation.responses).find((key) => key.startsWith('2') && key !== '204');
  const success = status ? operation.responses[status] : undefined;
  if (!success || '$ref' in success || success.content) return;
  success.content = { 'application/json': { schema: schema as SchemaObject } };
}

/** The name of the component a JSON body's schema refers to, if it is a plain reference. */
function referencedSchema(content: Record<string, { schema?: unknown }> | undefined): string | undefined {
  const ref = (content?.['application/json']?.schema as { $ref?: string } | undefined)?.$ref;
  return ref?.replace('#/components/schemas/', '');
}

/**
 * Examples for the main resources (openapi-examples.ts) on the JSON bodies that carry them: a
 * request DTO's, an answer's, and a list of them as `{ data: [example], total: 1 }`. An answer
 * whose schema is written out in place, or a CSV download, takes its operation's
 * (OPERATION_EXAMPLES).
 */
function addExamples(operation: OperationObject): void {
  const body = operation.requestBody;
  if (body && !('$ref' in body)) {
    const example = REQUEST_EXAMPLES[referencedSchema(body.content) ?? ''];
    const media = body.content['application/json'];
    if (media && example !== undefined) media.example = example;
  }
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!status.startsWith('2') || !response || '$ref' in response) continue;
    const name = referencedSchema(response.content) ?? '';
    const listed = name.startsWith('ListResponse_') ? RESPONSE_EXAMPLES[name.slice('ListResponse_'.length)] : undefined;
    const example = listed !== undefined ? { data: [listed], total: 1 } : RESPONSE_EXAMPLES[name];
    // JSON, or the one other type the answer has (a CSV download).
    const types = Object.keys(response.content ?? {});
    const type = types.includes('application/json') ? 'application/json' : types.length === 1 ? types[0] : undefined;
    const media = type ? response.content?.[type] : undefined;
    if (!media) continue;
    if (example !== undefined) media.example = example;
    else if (!name && operation.operationId && OPERATION_EXAMPLES[operation.operationId]) {
      Object.assign(media, OPERATION_EXAMPLES[operation.operationId]);
    }
  }
}

/** Nest leaves `description: ''` on the success answers it adds itself. */
function fillEmptyDescriptions(responses: ResponsesObject): void {
  for (const [status, response] of Object.entries(responses)) {
    if (response && 'description' in response && !response.description) {
      (response as ResponseObject).description = status === '204' ? 'Done; no content.' : 'Success.';
    }
  }
}

/** Status codes in ascending order, so a regenerated document diffs cleanly. */
function sortResponses(operation: OperationObject): void {
  operation.responses = Object.fromEntries(
    Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
  ) as ResponsesObject;
}
