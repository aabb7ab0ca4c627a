import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The page-load script: a few lines inlined in index.html that start, as the HTML arrives, the
 * requests the app would otherwise make only after its own code has downloaded and run: the
 * session, the opened page's code (its lazy chunk) and the page's first data. On Fast 3G each
 * request made in a row costs a round trip of half a second; made beside the app's code they
 * cost nothing extra. The app takes the answers by URL (`takeEarly` in src/web/api.ts).
 *
 * The routes come from the feature declarations (src/web/features/<name>/index.ts): a page's
 * `path`, the file its `lazyPage(() => import('./X.js'))` loads, and its optional `early` data
 * URL, each page on one line. The chunk names are known only once the bundle is written, so
 * the table is built here, at the end of the build.
 */

/** One page as declared: its path, the module it loads lazily, the URL of its first data. */
export type DeclaredPage = { path: string; module: string | null; early: string | null };

/** The source file of an import written with its built name (`./CasePage.js` is CasePage.tsx or .ts). */
const sourceOf = (file: string): string => [file.replace(/\.js$/, '.tsx'), file.replace(/\.js$/, '.ts')].find((f) => fs.existsSync(f)) ?? file;

/** The pages declared in one feature's index.ts, in order (a page is one `{ path: ... }` line). */
export function declaredPages(source: string, dir: string): DeclaredPage[] {
  const pages: DeclaredPage[] = [];
  for (const line of source.split('\n')) {
    const p = /\{\s*path:\s*'([^']+)'/.exec(line);
    if (!p) continue;
    const imported = /import\('([^']+)'\)/.exec(line)?.[1];
    const early = /\bearly:\s*'([^']+)'/.exec(line)?.[1] ?? null;
    pages.push({ path: p[1]!, module: imported ? sourceOf(path.resolve(dir, imported)) : null, early });
  }
  return pages;
}

/** A router path (`/cases/$id`) as an anchored pattern, its parameters captured in order. */
export function pathPattern(routePath: string): { pattern: string; params: string[] } {
  const params: string[] = [];
  const pattern = routePath
    .split('/')
    .map((seg) => {
      if (!seg.startsWith('$')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(seg.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: `^${pattern}/?$`, params };
}

/** One row of the script's table: pattern, chunk files to preload, data URL ($1, $2 for the parameters). */
export type EarlyRoute = [pattern: string, chunks: string[], data: string | null];

/**
 * The table for the pages that have something to start early. Pages without a parameter come
 * first, so `/cases/new` is not taken for the case `new`.
 */
export function earlyRoutes(pages: readonly DeclaredPage[], chunksOf: (module: string) => string[]): EarlyRoute[] {
  const rows = pages.flatMap((page): Array<EarlyRoute & { fixed: boolean }> => {
    const chunks = page.module ? chunksOf(page.module) : [];
    if (!chunks.length && !page.early) return [];
    const { pattern, params } = pathPattern(page.path);
    const data = page.early ? page.early.replace(/\$([A-Za-z]+)/g, (_, name: string) => {
      const i = params.indexOf(name);
      if (i < 0) throw new Error(`early-requests: ${page.path} asks for $${name} in its early URL, which its path does not have`);
      return `$${i + 1}`;
    }) : null;
    return [Object.assign([pattern, chunks, data] as EarlyRoute, { fixed: params.length === 0 })];
  });
  return [...rows.filter((r) => r.fixed), ...rows.filter((r) => !r.fixed)].map(([a, b, c]) => [a, b, c]);
}

/** The inline script itself (no dependency, old browsers' syntax, errors kept to itself). */
export function earlyScript(routes: readonly EarlyRoute[]): string {
  return `(function(){try{var E=window.__ncppEarly={},p=location.pathname,R=${JSON.stringify(routes)};` +
    // The same request the app's call() would make, so the answer means the same.
    `function get(u){E[u]=fetch(u,{headers:{accept:'application/json'},credentials:'same-origin'});E[u].catch(function(){})}` +
    `get('/api/v1/auth/session');` +
    `for(var i=0;i<R.length;i++){var m=new RegExp(R[i][0]).exec(p);if(!m)continue;` +
    `R[i][1].forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.appendChild(l)});` +
    `if(R[i][2])get(R[i][2].replace(/\\$(\\d)/g,function(_,n){return m[n]}));break}}catch(e){}})();`;
}

/** Reads every feature's declaration under `featuresDir`. */
export function readDeclaredPages(featuresDir: string): DeclaredPage[] {
  return fs
    .readdirSync(featuresDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(featuresDir, d.name, 'index.ts')))
    .flatMap((d) => declaredPages(fs.readFileSync(path.join(featuresDir, d.name, 'index.ts'), 'utf8'), path.join(featuresDir, d.name)));
}

type Chunk = { type: 'chunk'; fileName: string; facadeModuleId: string | null; imports: string[]; isEntry: boolean };

/** The Vite plugin: writes the page-load script into index.html at the end of the build. */
export function earlyRequests(featuresDir: string): Plugin {
  return {
    name: 'ncpp-early-requests',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk') as unknown as Chunk[];
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const byModule = new Map(chunks.filter((c) => c.facadeModuleId).map((c) => [path.resolve(c.facadeModuleId!), c]));
        const entry = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]));
        /** A lazy page's chunk and what it imports beyond what the entry already loads. */
        const chunksOf = (module: string): string[] => {
          const own = byModule.get(module);
          if (!own) throw new Error(`early-requests: no chunk for ${module}`);
          const files = new Set<string>();
          const visit = (file: string) => {
            if (files.has(file) || entry.has(file)) return;
            files.add(file);
            for (const f of byFile.get(file)?.imports ?? []) visit(f);
          };
          visit(own.fileName);
          return [...files].map((f) => `/${f}`);
        };
        const pages = readDeclaredPages(featuresDir);
        return [{ tag: 'script', children: earlyScript(earlyRoutes(pages, chunksOf)), injectTo: 'head-prepend' }];
      },
    },
  };
}
