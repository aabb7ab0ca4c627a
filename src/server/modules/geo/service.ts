import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import type { CountryConfig, GeoSearchHit, GeoSearchQuery, GeoUnit } from '../../../shared/geo.js';
import { nameKey } from '../../../shared/phonetic.js';
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { presentUnit } from './presenter.js';
import * as q from './queries.js';

export type GeoJsonAsset = { gzip: Buffer; etag: string };

/** Admin geography: the hierarchy, search, paths and map shapes. Reference data, not personal. */
export function createGeoService(db: Database, country: CountryConfig, referenceDataDir: string) {
  const geojsonCache = new Map<number, GeoJsonAsset>();
  // Admin units change only when reference data is reloaded at start-up: keep them in memory
  // (about 5,000 small rows) so validating a place costs no database round trip.
  let units: Promise<Map<string, q.UnitRow>> | undefined;
  const allUnits = () => {
    units ??= q.allUnits(db).then((rows) => new Map(rows.map((r) => [r.code, r])));
    return units;
  };
  /** The units a unit lies in, nearest first (a union: its upazila, district, division), from memory. */
  const ancestors = async (code: string): Promise<q.UnitRow[]> => {
    const all = await allUnits();
    const up: q.UnitRow[] = [];
    for (let u = all.get(all.get(code)?.parent_code ?? ''); u; u = u.parent_code ? all.get(u.parent_code) : undefined) up.push(u);
    return up;
  };

  return {
    country,

    /** Children of a unit, or the top level when `code` is null. */
    async children(code: string | null): Promise<GeoUnit[]> {
      if (code !== null && !(await q.findUnit(db, code))) throw notFound();
      return (await q.listChildren(db, code)).map((r) => presentUnit(r, country));
    },

    async get(code: string): Promise<GeoUnit> {
      const row = await q.findUnit(db, code);
      if (!row) throw notFound();
      return presentUnit(row, country);
    },

    /** `find*` may return nothing: used by other modules to validate a place. */
    async find(code: string): Promise<q.UnitRow | undefined> {
      return (await allUnits()).get(code);
    },

    /** Every unit at a level (optionally under one parent), by code: for seeds and reference lists. */
    async unitsAt(level: number, parentCode?: string): Promise<q.UnitRow[]> {
      const rows = [...(await allUnits()).values()].filter((u) => u.level === level && (parentCode === undefined || u.parent_code === parentCode));
      return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    },

    /** The unit and its ancestors, top level first. */
    async path(code: string): Promise<GeoUnit[]> {
      const rows = await q.pathTo(db, code);
      if (rows.length === 0) throw notFound();
      return rows.map((r) => presentUnit(r, country));
    },

    /** Places by name, the `near` area's first, each with the units it lies in (names in both scripts). */
    async search(query: GeoSearchQuery): Promise<GeoSearchHit[]> {
      const key = nameKey(query.q);
      if (!key) return [];
      const rows = await q.searchUnits(db, query.q, key, { level: query.level, minLevel: query.minLevel }, query.near, query.limit);
      return Promise.all(rows.map(async (r) => {
        const within = (await ancestors(r.code)).map((up) => ({ code: up.code, level: up.level, name: { en: up.name_en, local: up.name_local } }));
        return { ...presentUnit(r, country), score: Math.round(Number(r.score) * 1000) / 1000, inArea: r.in_area, within };
      }));
    },

    ancestors,

    async counts() {
      return q.countByLevel(db);
    },

    /** Simplified map shapes for a level, gzipped once and kept in memory. */
    geojson(level: number): GeoJsonAsset {
      const cached = geojsonCache.get(level);
      if (cached) return cached;
      const file = country.geography.geojson[String(level)];
      if (!file) throw notFound();
      const body = fs.readFileSync(path.join(referenceDataDir, file));
      const asset = {
        gzip: zlib.gzipSync(body, { level: 9 }),
        etag: `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
      };
      geojsonCache.set(level, asset);
      return asset;
    },
  };
}

export type GeoService = ReturnType<typeof createGeoService>;
