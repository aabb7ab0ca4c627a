import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { declaredPages, earlyRoutes, earlyScript, pathPattern, readDeclaredPages, type EarlyRoute } from './early-requests.js';

const FEATURES = path.resolve(import.meta.dirname, '../web/features');

/** Runs the page-load script as a browser would at `pathname`: what it fetched and preloaded. */
function runScript(routes: EarlyRoute[], pathname: string) {
  const fetched: string[] = [];
  const preloaded: Array<{ rel: string; href: string; crossOrigin: string }> = [];
  const window: Record<string, unknown> = {};
  vm.runInNewContext(earlyScript(routes), {
    window,
    location: { pathname },
    fetch: (url: string, init: { headers: Record<string, string>; credentials: string }) => {
      expect(init).toEqual({ headers: { accept: 'application/json' }, credentials: 'same-origin' });
      fetched.push(url);
      return Promise.resolve({});
    },
    document: { createElement: () => ({}), head: { appendChild: (l: { rel: string; href: string; crossOrigin: string }) => preloaded.push(l) } },
  });
  return { fetched, preloaded, early: window.__ncppEarly as Record<string, unknown> };
}

describe('page-load script', () => {
  it('reads every page of the features, the module each loads and its early data', () => {
    const pages = readDeclaredPages(FEATURES);
    const casePage = pages.find((p) => p.path === '/cases/$id');
    expect(casePage).toEqual({ path: '/cases/$id', module: path.join(FEATURES, 'cases/CasePage.tsx'), early: '/api/v1/cases/$id' });
    expect(pages.find((p) => p.path === '/')).toEqual({ path: '/', module: null, early: null });
    // Every lazily loaded page is found: as many as the declarations call lazyPage.
    const lazyCalls = fs.readdirSync(FEATURES).map((d) => path.join(FEATURES, d, 'index.ts')).filter((f) => fs.existsSync(f)).reduce((n, f) => n + (fs.readFileSync(f, 'utf8').match(/lazyPage\(/g)?.length ?? 0), 0);
    expect(pages.filter((p) => p.module)).toHaveLength(lazyCalls);
    expect(lazyCalls).toBeGreaterThan(20);
  });

  it('turns a route path into an anchored pattern with its parameters', () => {
    expect(pathPattern('/cases/$id')).toEqual({ pattern: '^/cases/([^/]+)/?$', params: ['id'] });
    expect(new RegExp(pathPattern('/cases/$id').pattern).exec('/cases/abc')?.[1]).toBe('abc');
    expect(new RegExp(pathPattern('/cases/$id').pattern).test('/cases/abc/more')).toBe(false);
    expect(new RegExp(pathPattern('/a.b').pattern).test('/aXb')).toBe(false);
  });

  it('refuses an early URL naming a parameter its path lacks', () => {
    expect(() => earlyRoutes([{ path: '/cases', module: null, early: '/api/v1/cases/$id' }], () => [])).toThrow(/\$id/);
  });

  it('asks for the session, the page code and the page data, taking fixed paths before parameters', () => {
    const routes = earlyRoutes(
      [
        { path: '/cases/$id', module: '/m/CasePage.tsx', early: '/api/v1/cases/$id' },
        { path: '/cases/new', module: '/m/NewCasePage.tsx', early: null },
        { path: '/', module: null, early: null },
      ],
      (m) => [`/assets/${path.basename(m, '.tsx')}-x.js`],
    );
    expect(routes.map((r) => r[0])).toEqual(['^/cases/new/?$', '^/cases/([^/]+)/?$']);

    const opened = runScript(routes, '/cases/0a1b');
    expect(opened.fetched).toEqual(['/api/v1/auth/session', '/api/v1/cases/0a1b']);
    expect(opened.preloaded).toEqual([{ rel: 'modulepreload', crossOrigin: '', href: '/assets/CasePage-x.js' }]);
    expect(Object.keys(opened.early)).toEqual(['/api/v1/auth/session', '/api/v1/cases/0a1b']);

    const form = runScript(routes, '/cases/new');
    expect(form.fetched).toEqual(['/api/v1/auth/session']);
    expect(form.preloaded.map((l) => l.href)).toEqual(['/assets/NewCasePage-x.js']);

    expect(runScript(routes, '/elsewhere').preloaded).toEqual([]);
  });

  it('reads the built pages the same way as the declarations', () => {
    expect(declaredPages("    { path: '/x/$id', component: lazyPage(() => import('./X.js'), 'X'), early: '/api/x/$id' },\n", '/f')).toEqual([{ path: '/x/$id', module: '/f/X.js', early: '/api/x/$id' }]);
  });
});
