import crypto from 'node:crypto';
import type { CountryConfig, UnitRecord } from '../../../shared/geo.js';
import { nameKey } from '../../../shared/phonetic.js';
import type { Database } from '../../platform/db/database.js';
import { sql } from '../../platform/db/sql.js';
import { datasetVersion, setDatasetVersion } from '../../platform/db/versions.js';
import { readUnits } from './country.js';

type Resolved = UnitRecord & { adm: [string | null, string | null, string | null]; allFlags: string[] };

/** Fills in each unit's ancestors at levels 1-3 and inherits hard-to-reach flags downwards. */
export function resolveHierarchy(units: UnitRecord[]): Resolved[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const memo = new Map<string, Resolved>();
  const resolve = (u: UnitRecord, depth = 0): Resolved => {
    const done = memo.get(u.code);
    if (done) return done;
    if (depth > 10) throw new Error(`Cycle in geography at ${u.code}`);
    const parent = u.parent ? byCode.get(u.parent) : undefined;
    if (u.parent && !parent) throw new Error(`Unit ${u.code} names a parent ${u.parent} that does not exist`);
    if (parent && parent.level >= u.level) throw new Error(`Unit ${u.code} is not below its parent ${parent.code}`);
    const up = parent ? resolve(parent, depth + 1) : undefined;
    const adm: Resolved['adm'] = up ? [...up.adm] : [null, null, null];
    if (u.level <= 3) adm[u.level - 1] = u.code;
    const allFlags = [...new Set([...(up?.allFlags ?? []), ...u.flags])].sort();
    const r = { ...u, adm, allFlags };
    memo.set(u.code, r);
    return r;
  };
  return units.map((u) => resolve(u));
}

/**
 * Loads the country's admin units into geo_units when the file changed since the last load
 * (checksum), so a normal start costs one SELECT. Units are upserted, never deleted: records
 * may point at a unit that a newer file renames or retires.
 */
export async function loadGeography(db: Database, referenceDataDir: string, country: CountryConfig): Promise<{ loaded: number; skipped: boolean }> {
  const { units, raw } = readUnits(referenceDataDir, country);
  const checksum = crypto.createHash('sha256').update(raw).digest('hex');
  const name = `geo:${country.code}`;
  if ((await datasetVersion(db, name)) === checksum) return { loaded: 0, skipped: true };
  const resolved = resolveHierarchy(units);
  // Parents first, so the foreign key holds at every insert.
  resolved.sort((a, b) => a.level - b.level);
  await db.tx(async (tx) => {
    const batch = 500;
    for (let i = 0; i < resolved.length; i += batch) {
      const rows = resolved.slice(i, i + batch);
      await tx.query(sql`
        INSERT INTO geo_units (code, level, parent_code, name_en, name_local, names_alt, kind, code_source, flags,
                               adm1_code, adm2_code, adm3_code, search_key, lat, lon, note)
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(
          rows.map((u) => ({
            code: u.code, level: u.level, parent_code: u.parent, name_en: u.name_en, name_local: u.name_local,
            names_alt: u.names_alt, kind: u.kind, code_source: u.code_source, flags: u.allFlags,
            adm1_code: u.adm[0], adm2_code: u.adm[1], adm3_code: u.adm[2],
            search_key: [u.name_en, u.name_local ?? '', ...u.names_alt].map(nameKey).filter(Boolean).join(' | '),
            lat: u.lat, lon: u.lon, note: u.note,
          })),
        )}::jsonb) AS x(code text, level smallint, parent_code text, name_en text, name_local text, names_alt text[],
                        kind text, code_source text, flags text[], adm1_code text, adm2_code text, adm3_code text,
                        search_key text, lat double precision, lon double precision, note text)
        ON CONFLICT (code) DO UPDATE SET
          level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, name_en = EXCLUDED.name_en,
          name_local = EXCLUDED.name_local, names_alt = EXCLUDED.names_alt, kind = EXCLUDED.kind,
          code_source = EXCLUDED.code_source, flags = EXCLUDED.flags, adm1_code = EXCLUDED.adm1_code,
          adm2_code = EXCLUDED.adm2_code, adm3_code = EXCLUDED.adm3_code, search_key = EXCLUDED.search_key,
          lat = EXCLUDED.lat, lon = EXCLUDED.lon, note = EXCLUDED.note`);
    }
    await setDatasetVersion(tx, name, checksum);
  });
  return { loaded: resolved.length, skipped: false };
}
