import type { ApiRoutes, RouteInput, RouteOutput } from '../shared/contract.js';

/** A small fetch wrapper: JSON in and out, the CSRF header on writes, the one error shape. */

export type FieldIssue = { path: string; code: string; message: string };
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] | Record<string, unknown> | null,
  ) {
    super(message);
  }
  /** Field messages by path, for forms. */
  get fields(): Record<string, string> {
    return Array.isArray(this.details) ? Object.fromEntries(this.details.map((d) => [d.path, d.message])) : {};
  }
}

/** A form field's text ('' when absent): what the API's string schemas expect from a form. */
export const field = (form: FormData, name: string): string => String(form.get(name) ?? '');
/** A form field's text, or undefined when it is blank (an optional field left empty is not sent). */
export const optionalField = (form: FormData, name: string): string | undefined => field(form, name).trim() || undefined;
/** A select's value as one of its options' type; the server still validates it. */
export const choiceField = <T extends string>(form: FormData, name: string) => field(form, name) as T;

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** A random key for an idempotent POST (getRandomValues works on plain-HTTP LAN addresses too, randomUUID does not). */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Waits before a retry: a dropped mobile connection usually comes back within seconds. */
const RETRY_DELAYS_MS = [1000, 3000];
const RETRYABLE = new Set([502, 503, 504]);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Answers the page-load script (index.html, src/build/early-requests.ts) asked for before this
 * code arrived, by URL: the session, the opened page's first data. Each is taken once, and
 * only during the first page load (`dropEarly` after it), so an answer from before a sign-in
 * is never taken for one after it.
 */
type EarlyWindow = { __ncppEarly?: Record<string, Promise<Response>> };
function takeEarly(url: string): Promise<Response> | undefined {
  const early = (globalThis as EarlyWindow).__ncppEarly;
  const answer = early?.[url];
  if (answer) delete early[url];
  return answer;
}
export function dropEarly() {
  delete (globalThis as EarlyWindow).__ncppEarly;
}

async function api<T>(method: string, url: string, body?: unknown, contentType = 'application/json', idempotencyKey?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // Every POST carries a key, so the retries below (or the user pressing Save again with the
  // form's own key) get the first answer back instead of creating a second record.
  if (method === 'POST') headers['idempotency-key'] = idempotencyKey ?? newIdempotencyKey();
  const payload = body === undefined ? undefined : body instanceof Blob ? body : contentType === 'application/json' ? JSON.stringify(body) : String(body);
  let res: Response | undefined;
  const early = method === 'GET' ? takeEarly(url) : undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      res = await (attempt === 0 && early ? early : fetch(url, { method, headers, body: payload, credentials: 'same-origin' }));
      if (!RETRYABLE.has(res.status) || attempt >= RETRY_DELAYS_MS.length) break;
    } catch (err) {
      if (attempt >= RETRY_DELAYS_MS.length) throw err;
    }
    await wait(RETRY_DELAYS_MS[attempt]!);
  }
  if (!res) throw new Error('unreachable: the loop ends with an answer or throws');
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) throw apiError(res, data);
  return data as T;
}

/** The API's one error shape (`{ error: { code, message, details } }`) as an ApiError. */
function apiError(res: Response, data: unknown): ApiError {
  const e = (data as { error?: { code: string; message: string; details: FieldIssue[] | null } } | null)?.error;
  return new ApiError(res.status, e?.code ?? 'internal', e?.message ?? res.statusText, e?.details ?? null);
}

/** The method of a route key ('GET /api/v1/...' -> 'GET'). */
const methodOf = (key: string) => key.slice(0, key.indexOf(' '));

type Key = keyof ApiRoutes & string;
type Input<K extends Key> = RouteInput<ApiRoutes[K]>;
/** The input argument, optional when the route needs nothing; a form may pass its own idempotency key. */
type Args<K extends Key> = object extends Input<K> ? [input?: Input<K> & Extra] : [input: Input<K> & Extra];
type Extra = { idempotencyKey?: string };
type Loose = { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown; file?: Blob; csv?: Blob } & Extra;

/**
 * The URL of a route for its input: `:name` segments from `params`, and `query` as a query
 * string. An absent or empty value is left out (an empty filter is no filter); a list repeats.
 */
export function urlOf<K extends Key>(key: K, ...[input]: Args<K>): string {
  const { params = {}, query = {} } = (input ?? {}) as Loose;
  const path = key.slice(methodOf(key).length + 1).replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`${key}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null && v !== '') search.append(name, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls an API route by its contract key, typed end to end from the shared route tables:
 * `call('GET /api/v1/cases/:id', { params: { id } })` answers a CaseDetail. The tables are
 * imported as types only, so no schema reaches the browser bundle.
 */
export function call<K extends Key>(key: K, ...args: Args<K>): Promise<RouteOutput<ApiRoutes[K]>> {
  const method = methodOf(key);
  const { body, file, csv, idempotencyKey } = (args[0] ?? {}) as Loose;
  const url = urlOf(key, ...args);
  if (file) return api(method, url, file, 'application/octet-stream', idempotencyKey);
  // A CSV import goes as the file's bytes: the server checks they are UTF-8 (a browser's text() would not say).
  if (csv) return api(method, url, csv, 'text/csv', idempotencyKey);
  return api(method, url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}), 'application/json', idempotencyKey);
}

/** Calls a route that answers with a file (an export) and saves it. Errors use the usual shape. */
export async function download<K extends Key>(key: K, ...args: Args<K>): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const body = (args[0] as Loose | undefined)?.body;
  const res = await fetch(urlOf(key, ...args), { method: methodOf(key), headers, body: body === undefined ? null : JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) throw apiError(res, await res.json().catch(() => null));
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
