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

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export async function api<T>(method: string, url: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const payload = body === undefined ? undefined : body instanceof Blob ? body : contentType === 'application/json' ? JSON.stringify(body) : String(body);
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; details: FieldIssue[] | null } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'internal', e?.message ?? res.statusText, e?.details ?? null);
  }
  return data as T;
}

export const get = <T,>(url: string) => api<T>('GET', url);
/** Sends a file as the raw request body (attachments). */
export const postFile = <T,>(url: string, file: Blob) => api<T>('POST', url, file, 'application/octet-stream');
/** Sends a text body as it is (e.g. a CSV file for an import). */
export const postText = <T,>(url: string, text: string, contentType: string) => api<T>('POST', url, text, contentType);
export const post = <T,>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const put = <T,>(url: string, body: unknown) => api<T>('PUT', url, body);
export const patch = <T,>(url: string, body: unknown) => api<T>('PATCH', url, body);

/** POSTs JSON and saves the file the server answers with (exports). Errors use the usual shape. */
export async function downloadPost(url: string, body: unknown): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) {
    const e = ((await res.json().catch(() => null)) as { error?: { code: string; message: string; details: FieldIssue[] | null } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'internal', e?.message ?? res.statusText, e?.details ?? null);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
