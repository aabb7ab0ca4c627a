import type { FastifyInstance } from 'fastify';
import { geoApi } from '../../../shared/geo.js';
import { routesFrom } from '../../platform/http/contract.js';
import type { GeoService } from './service.js';

/**
 * Geography is public reference data (no personal data), so these routes need no sign-in:
 * the public portal and the map views use them too.
 */
export function registerGeoRoutes(app: FastifyInstance, geo: GeoService) {
  const on = routesFrom(app, geoApi, ['geo']);
  const config = { access: 'public' as const };

  on('GET /api/v1/geo/country', { config }, async () => {
    const c = geo.country;
    return { code: c.code, name: c.name, languages: c.languages, timezone: c.timezone, currency: c.currency, helpline: c.helpline, levels: c.levels, flags: c.geography.flags, institutionTypes: c.institutionTypes };
  });
  on('GET /api/v1/geo/units', { config }, async () => ({ items: await geo.children(null) }));
  on('GET /api/v1/geo/units/:code', { config }, async (req) => ({ unit: await geo.get(req.params.code), path: await geo.path(req.params.code) }));
  on('GET /api/v1/geo/units/:code/children', { config }, async (req) => ({ items: await geo.children(req.params.code) }));
  on('GET /api/v1/geo/search', { config }, async (req) => ({ items: await geo.search(req.query) }));
  on('GET /api/v1/geo/geojson/:level', { config }, async (req, reply) => {
    const asset = geo.geojson(req.params.level);
    reply.header('etag', asset.etag).header('cache-control', 'public, max-age=86400').header('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === asset.etag) return reply.status(304).send(null);
    reply.type('application/geo+json');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(asset.gzip);
    const { gunzipSync } = await import('node:zlib');
    return reply.send(gunzipSync(asset.gzip));
  });
}
