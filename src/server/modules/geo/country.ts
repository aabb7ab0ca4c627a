import fs from 'node:fs';
import path from 'node:path';
import { CountryConfig, UnitRecord } from '../../../shared/geo.js';

/** Reads and validates data/countries/<code>.json. */
export function loadCountry(referenceDataDir: string, code: string): CountryConfig {
  const file = path.join(referenceDataDir, 'countries', `${code}.json`);
  if (!fs.existsSync(file)) throw new Error(`No country configuration at ${file}`);
  return CountryConfig.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Reads the country's units file, validated record by record. */
export function readUnits(referenceDataDir: string, country: CountryConfig): { units: UnitRecord[]; raw: string } {
  const raw = fs.readFileSync(path.join(referenceDataDir, country.geography.units), 'utf8');
  const parsed = JSON.parse(raw) as unknown[];
  const units = parsed.map((u, i) => {
    const r = UnitRecord.safeParse(u);
    if (!r.success) throw new Error(`${country.geography.units} record ${i + 1}: ${r.error.issues[0]?.message}`);
    return r.data;
  });
  return { units, raw };
}
