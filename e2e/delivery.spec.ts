import { describe, expect, it } from 'vitest';
import { baseUrl } from './browser.js';

/**
 * What a phone on a slow link is sent: the built app's assets precompressed (brotli, else
 * gzip) and cached for a year, the page itself revalidated, API answers compressed, and the
 * sign-in answers (which carry the CSRF token) never compressed. Node's fetch decompresses
 * transparently, so the encoding is read from the headers.
 */
describe('delivery over slow links', () => {
  const get = (path: string, encoding: string, headers: Record<string, string> = {}) => fetch(`${baseUrl()}${path}`, { headers: { 'accept-encoding': encoding, ...headers } });

  it('serves the entry script precompressed, brotli first, cached for a year', async () => {
    const html = await (await get('/login', 'identity')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const br = await get(script!, 'br, gzip');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(br.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
    expect((await get(script!, 'gzip')).headers.get('content-encoding')).toBe('gzip');
    expect((await get(script!, 'identity')).headers.get('content-encoding')).toBeNull();
  });

  it('revalidates the page itself, so a new release is picked up', async () => {
    const page = await get('/cases', 'br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('compresses API answers but never the sign-in answers that carry the CSRF token', async () => {
    const geo = await get('/api/v1/geo/units?level=1', 'br, gzip');
    expect(geo.status).toBe(200);
    expect(geo.headers.get('content-encoding')).toBe('br');
    const session = await get('/api/v1/auth/session', 'br, gzip');
    expect(session.headers.get('content-encoding')).toBeNull();
  });
});
