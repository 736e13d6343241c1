// Every feature's two halves, by folder: its HTTP module for the API and its jobs module for the
// worker. Both apps are composition roots that pick from this list.
export * from './config/config.tokens';

// HTTP plumbing shared by every controller, set up once by the API.
export { Deprecated, DeprecationInterceptor, deprecationHeaders, type DeprecationNotice } from './http/deprecated';
export { registerJsonDepthLimit } from './http/json-depth';
export { ApiProblem } from './http/api-problem.decorator';
export { buildOpenApiDocument, registerOpenApi, serializeOpenApiDocument } from './http/openapi';
export { ProblemDetailsFilter } from './http/problem-details.filter';
export { registerSecurityHeaders, securityHeaders } from './http/security-headers';
export { createValidationPipe } from './http/validation';
export { registerSessions } from './auth/register-sessions';
export { hashPassword } from './auth/password-hasher';
// The seeds derive a couple's next session as the app does.
export { nextSessionSql } from './sessions/session-schedule.sql';

// The console logger of both apps (LOG_LEVEL; Nest's start-up detail at debug).
export { AppLogger, logLevelsUpTo } from './logging/app-logger';

// The features each app composes (apps/api/src/app.module.ts, apps/worker/src/worker.module.ts).
export { API_FEATURE_MODULES, WORKER_FEATURE_MODULES } from './feature-modules';

// Prometheus metrics: each app builds its own registry and serves it on METRICS_PORT.
export * from './metrics';
export { createRequestLogger, prettyLine, registerRequestLogging, type RequestLine } from './logging/request-log';
