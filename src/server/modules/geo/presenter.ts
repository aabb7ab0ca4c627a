import type { CountryConfig, GeoUnit } from '../../../shared/geo.js';
import type { UnitRow } from './queries.js';

export function presentUnit(row: UnitRow, country: CountryConfig): GeoUnit {
  return {
    code: row.code,
    level: row.level,
    levelKey: country.levels.find((l) => l.level === row.level)?.key ?? String(row.level),
    parentCode: row.parent_code,
    name: { en: row.name_en, local: row.name_local },
    kind: row.kind,
    codeSource: row.code_source,
    flags: row.flags,
    ...(row.has_children === undefined ? {} : { hasChildren: row.has_children }),
  };
}
