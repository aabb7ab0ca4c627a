import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GeoCodeParam, GeoSearchQuery, GeoUnit, CountryInfo, GeoJsonFile } from '../../../shared/geo.js';
import type { GeoService } from './service.js';

/**
 * Geography is public reference data (no personal data), so these routes need no sign-in:
 * the public portal and the map views use them too.
 */
export function registerGeoRoutes(app: FastifyInstance, geo: GeoService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public' as const };
  const tags = ['geo'];

  r.get('/api/v1/geo/country', { config, schema: { tags, response: { 200: CountryInfo } } }, async () => {
    const c = geo.country;
    return { code: c.code, name: c.name, languages: c.languages, timezone: c.timezone, currency: c.currency, helpline: c.helpline, levels: c.levels, flags: c.geography.flags, institutionTypes: c.institutionTypes };
  });
  r.get('/api/v1/geo/units', { config, schema: { tags, response: { 200: z.object({ items: z.array(GeoUnit) }) } } }, async () => ({ items: await geo.children(null) }));
  r.get('/api/v1/geo/units/:code', { config, schema: { tags, params: GeoCodeParam, response: { 200: z.object({ unit: GeoUnit, path: z.array(GeoUnit) }) } } }, async (req) => ({
    unit: await geo.get(req.params.code),
    path: await geo.path(req.params.code),
  }));
  r.get('/api/v1/geo/units/:code/children', { config, schema: { tags, params: GeoCodeParam, response: { 200: z.object({ items: z.array(GeoUnit) }) } } }, async (req) => ({
    items: await geo.children(req.params.code),
  }));
  r.get('/api/v1/geo/search', { config, schema: { tags, querystring: GeoSearchQuery, response: { 200: z.object({ items: z.array(GeoUnit.extend({ score: z.number() })) }) } } }, async (req) => ({
    items: await geo.search(req.query),
  }));
  r.get('/api/v1/geo/geojson/:level', { config, schema: { tags, params: z.object({ level: z.coerce.number().int().min(1).max(4) }), response: { 200: GeoJsonFile, 304: z.null() } } }, async (req, reply) => {
    const asset = geo.geojson(req.params.level);
    reply.header('etag', asset.etag).header('cache-control', 'public, max-age=86400').header('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === asset.etag) return reply.status(304).send(null);
    reply.type('application/geo+json');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(asset.gzip);
    const { gunzipSync } = await import('node:zlib');
    return reply.send(gunzipSync(asset.gzip));
  });
}
