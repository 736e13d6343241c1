import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-data';
import { completeOpenApiDocument, type OperationHandlers } from './openapi-document';

/** What each feature's tag stands for, in the order integrators meet them. */
const FEATURE_TAGS: Record<string, string> = {
  auth: 'Signing in and out, the CSRF token, invitations and password resets, two-factor sign-in.',
  home: "The signed-in therapist's home page: what needs attention.",
  couples: 'The caseload: couples, their partners, and a couple’s whole record.',
  exercises: "The exercise library: the built-in exercises and the clinic's own.",
  assignments: 'Homework assigned to a couple: its state, both partners’ answers, review.',
  sessions: "Booked sessions, one-off or a series; their outcomes; a therapist's private calendar feed.",
  measures: 'Outcome and alliance measures: the built-in catalog, the clinic’s own, and the scores partners gave.',
  'check-ins': 'When each partner is asked to answer a measure (schedules), and the emailed check-in form.',
  safety: 'A partner’s safety concern pauses joint work until the therapist lifts it.',
  programs:
    'Paths of steps a couple walks one at a time (built-in and the clinic’s own), and each couple’s place on one.',
  agreements: 'Agreements a couple keeps, confirmed by each partner, and the weekly did-it-hold reviews.',
  engagement: 'Per partner: how often homework is on time, misses in a row, and when they were last active.',
  notes: 'Session notes (SOAP, DAP or free); signed notes are final, corrections are addenda.',
  digests: "The therapist's weekly and pre-session digests.",
  homework: "A partner's side: an emailed link, then a short session for their own answers.",
  staff: 'Clinic admins: staff accounts, invitations, roles and deactivation.',
  clinic: 'Clinic settings.',
  audit: 'The audit trail of every read and write of a clinical record (admins).',
  queues: 'Job queues: counts and failed jobs (admins).',
  'api-tokens':
    "Clinic admins: the API tokens integrations send instead of a session (created and revoked in a signed-in admin's session only).",
  health: 'Probes for load balancers and operators.',
};

/**
 * The OpenAPI document of the running app: generated from the controllers' decorators, then
 * completed from the same route metadata the guards read (security, problem+json answers, tags,
 * servers). Deterministic, so the committed apps/api/openapi.json can be checked for drift.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const handlers: OperationHandlers = new Map();
  const controllers = controllersByName(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Trellis API')
      .setDescription(
        [
          'Practice management for couples counselors.',
          '',
          'Staff sign in with `POST /api/v1/auth/login`, which sets the session cookie; every write then',
          'sends the CSRF token from `GET /api/v1/auth/session` in the `x-csrf-token` header. Errors are RFC 9457',
          '`application/problem+json`; a 400 lists the fields at fault in `errors`. Lists answer `{ data, total }`.',
          '',
          'An integration sends an API token instead (`Authorization: Bearer <token>`, created by a clinic admin under',
          '`/api/v1/api-tokens`): no cookie, no CSRF header, its creator’s role within the token’s scope (`read` or',
          '`read_write`). docs/api.md is the integrator’s guide, with a worked example.',
          'What `/api/v1` keeps stable and how deprecations are announced: the README, "API versioning".',
        ].join('\n'),
      )
      .setVersion('1')
      .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
      .build(),
    {
      operationIdFactory: (controllerKey, methodKey) => {
        const operationId = `${lowerFirst(controllerKey.replace(/Controller$/, ''))}_${methodKey}`;
        const controller = controllers.get(controllerKey);
        if (controller) handlers.set(operationId, { controller, method: methodKey });
        return operationId;
      },
    },
  );
  return completeOpenApiDocument(document, handlers, { sessionCookie: SESSION_COOKIE, tags: FEATURE_TAGS });
}

/** The committed form of the document: stable key order as generated, two-space indent, final newline. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** OpenAPI generated from the controllers' decorators: UI at /api/docs, JSON at /api/docs-json. */
export function registerOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app));
}

function controllersByName(app: INestApplication): Map<string, Type> {
  const found = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as Type | null;
      if (type) found.set(type.name, type);
    }
  }
  return found;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
