import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { CaseDetail } from '../shared/cases.js';
import { ApiError, call, setCsrfToken, urlOf } from './api.js';

type Sent = { url: string; method: string; headers: Record<string, string>; body: unknown };
function answer(status: number, json: unknown) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, method: String(init.method), headers: init.headers as Record<string, string>, body: init.body });
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}

describe('the typed API client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('builds a URL from a route key: path parameters encoded, blank filters left out, lists repeated', () => {
    expect(urlOf('GET /api/v1/geo/units/:code', { params: { code: '30/26' } })).toBe('/api/v1/geo/units/30%2F26');
    expect(urlOf('GET /api/v1/cases', { query: { q: 'সুমি', limit: 50, risk: undefined, status: undefined } })).toBe(`/api/v1/cases?q=${encodeURIComponent('সুমি')}&limit=50`);
    expect(urlOf('GET /api/v1/cases', { query: { q: '' } })).toBe('/api/v1/cases');
    expect(urlOf('GET /api/v1/admin/roles')).toBe('/api/v1/admin/roles');
    expect(() => urlOf('GET /api/v1/cases/:id', { params: { id: '' } })).toThrow(/missing path parameter id/);
  });

  it('sends JSON with the CSRF token on writes, and nothing on reads', async () => {
    const sent = answer(200, { ok: true });
    setCsrfToken('csrf-1');
    await call('PUT /api/v1/me/lang', { body: { lang: 'bn' } });
    await call('GET /api/v1/auth/providers');
    expect(sent[0]).toMatchObject({ url: '/api/v1/me/lang', method: 'PUT', body: '{"lang":"bn"}' });
    expect(sent[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'csrf-1' });
    expect(sent[1]).toMatchObject({ url: '/api/v1/auth/providers', method: 'GET', body: undefined });
    expect(sent[1]!.headers['x-csrf-token']).toBeUndefined();
  });

  it('sends a file and a CSV as their raw bytes', async () => {
    const sent = answer(201, {});
    const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    await call('POST /api/v1/cases/:id/attachments', { params: { id: 'c1' }, query: { filename: 'report.pdf' }, file });
    const csv = new Blob(['case_number\n1'], { type: 'text/csv' });
    await call('POST /api/v1/cases/imports', { query: { filename: 'old.csv', again: 'false' }, csv });
    expect(sent[0]).toMatchObject({ url: '/api/v1/cases/c1/attachments?filename=report.pdf', method: 'POST', body: file });
    expect(sent[0]!.headers['content-type']).toBe('application/octet-stream');
    expect(sent[1]).toMatchObject({ url: '/api/v1/cases/imports?filename=old.csv&again=false', method: 'POST', body: csv });
    expect(sent[1]!.headers['content-type']).toBe('text/csv');
  });

  it('gives every POST an idempotency key and retries a lost answer with the same key', async () => {
    vi.useFakeTimers();
    const sent: Array<Record<string, string>> = [];
    let calls = 0;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push(init.headers as Record<string, string>);
      if (++calls === 1) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ ok: true }), { status: calls === 2 ? 503 : 201 });
    });
    const done = call('POST /api/v1/cases/:id/notes', { params: { id: 'c1' }, body: { body: 'Visited the family' }, idempotencyKey: 'form-key-0123456789' });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toEqual({ ok: true });
    vi.useRealTimers();
    expect(sent.map((h) => h['idempotency-key'])).toEqual(['form-key-0123456789', 'form-key-0123456789', 'form-key-0123456789']);
    const own = answer(201, {});
    await call('POST /api/v1/auth/logout');
    await call('POST /api/v1/auth/logout');
    expect(own[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(own[0]!.headers['idempotency-key']).not.toBe(own[1]!.headers['idempotency-key']);
  });

  it('turns the error shape into an ApiError with field messages', async () => {
    answer(422, { error: { code: 'validation', message: 'Check the form', details: [{ path: 'reason', code: 'too_small', message: 'Too short' }] } });
    const err = await call('POST /api/v1/cases/:id/reopen', { params: { id: 'c1' }, body: { reason: 'x' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(422);
    expect((err as ApiError).fields).toEqual({ reason: 'Too short' });
  });

  it('is typed from the shared route tables', () => {
    // Types only: the checks below are verified by `npm run typecheck`, never executed.
    const typed = () => {
      expectTypeOf(call('GET /api/v1/cases/:id', { params: { id: 'x' } })).resolves.toEqualTypeOf<CaseDetail>();
      // @ts-expect-error a route's path parameters are required
      void call('GET /api/v1/cases/:id');
      // @ts-expect-error a body must match the route's schema
      void call('PUT /api/v1/me/lang', { body: { lang: 'fr' } });
      // @ts-expect-error an unknown route is not callable
      void call('GET /api/v1/nowhere');
    };
    expect(typeof typed).toBe('function');
  });
});
