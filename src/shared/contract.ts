import type { z } from 'zod';

/**
 * The API contract: each module's routes as a table keyed `'METHOD /path'`, holding the zod
 * schemas of its path parameters, query, body and responses. The server registers a route only
 * from its table (platform/http/contract.ts) and the web derives its types from the same table
 * (web/client.ts), so a response type is never written twice.
 */
export type RouteSpec = {
  /** One line for the OpenAPI document: what the route does. */
  summary: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** Media types the body may have when it is not JSON (an attachment, a CSV import). */
  consumes?: readonly string[];
  response: Partial<Record<number, z.ZodType>>;
};
export type RouteTable = Record<`${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`, RouteSpec>;

/** Declares a module's route table; `satisfies` keeps each schema's own type. */
export const routeTable = <const T extends RouteTable>(table: T): T => table;

/**
 * Every route of the platform by key. Each shared module file adds its table by augmentation:
 *   declare module './contract.js' { interface ApiRoutes extends RoutesOf<typeof casesApi> {} }
 * so the web client knows every route without importing a schema at run time.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ApiRoutes {}
export type RoutesOf<T extends RouteTable> = { [K in keyof T]: T[K] };

type Field<S, F extends string> = S extends Record<F, infer Z extends z.ZodType> ? z.input<Z> : undefined;
type Success<S> = S extends { response: infer R } ? R[Extract<keyof R, 200 | 201 | 202>] : never;
/** A part of the input: absent when the route has none, optional when every field of it is. */
type Part<N extends string, T> = [T] extends [undefined] ? unknown : object extends T ? { [P in N]?: T } : { [P in N]: T };

/** What a caller sends: `params`, `query` and `body`, each only when the route has one. */
export type RouteInput<S> = Part<'params', Field<S, 'params'>> & Part<'query', Field<S, 'querystring'>> & Part<'body', Field<S, 'body'>>
  // A route that takes a raw file (an attachment) takes it as `file`.
  & (S extends { consumes: readonly ['application/octet-stream'] } ? { file: Blob } : unknown)
  // A route that takes a CSV file (an import) takes its bytes as `csv`.
  & (S extends { consumes: readonly ['text/csv'] } ? { csv: Blob } : unknown);
/** What the route answers on success (its 200, 201 or 202 schema). */
export type RouteOutput<S> = Success<S> extends z.ZodType ? z.output<Success<S>> : never;
