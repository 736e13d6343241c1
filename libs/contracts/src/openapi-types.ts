import type { paths } from './openapi.generated';

/**
 * Types for calling the API, read from the committed OpenAPI document (openapi.generated.ts, made
 * by `npm run openapi`). A front end that names its routes, bodies and answers through these does
 * not compile when the document loses a route or changes a shape it relies on. Types only: nothing
 * here reaches a bundle.
 */
export type ApiMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';

type Prefixed = keyof paths;

/** Every path of the document as the front ends write it: without `/api/v1`, `{id}` for parameters. */
export type ApiRoute = Prefixed extends infer P ? (P extends `/api/v1${infer R}` ? R : never) : never;

type OperationOf<R extends ApiRoute, M extends ApiMethod> = `/api/v1${R}` extends Prefixed
  ? paths[`/api/v1${R}`] extends infer Item
    ? M extends keyof Item
      ? Exclude<Item[M], undefined>
      : never
    : never
  : never;

/** The routes that answer to method M. */
export type ApiRouteFor<M extends ApiMethod> = {
  [R in ApiRoute]: [OperationOf<R, M>] extends [never] ? never : R;
}[ApiRoute];

type JsonOf<Answer> = Answer extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of the operation's success answer (200 or 201); `void` for one without a body. */
export type ApiAnswer<R extends ApiRoute, M extends ApiMethod> =
  OperationOf<R, M> extends { responses: infer Responses }
    ? Responses extends Record<number, unknown>
      ? [JsonOf<Responses[200 & keyof Responses]> | JsonOf<Responses[201 & keyof Responses]>] extends [never]
        ? void
        : JsonOf<Responses[200 & keyof Responses]> | JsonOf<Responses[201 & keyof Responses]>
      : never
    : never;

/** The JSON body the operation takes. */
export type ApiRequestBody<R extends ApiRoute, M extends ApiMethod> =
  OperationOf<R, M> extends { requestBody?: infer Body } ? JsonOf<Exclude<Body, undefined>> : never;

/** The `{name}` parameters of a route's path. */
export type ApiPathParams<R extends string> = R extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name]: string } & ApiPathParams<Rest>
  : unknown;
