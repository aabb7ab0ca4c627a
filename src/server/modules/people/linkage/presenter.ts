import type { Lang } from '../../../../shared/i18n/index.js';
import { localName } from '../../../../shared/i18n/index.js';
import type { LinkedRecord } from '../../../../shared/people.js';
import { LINK_COMPARISONS } from '../../../../shared/people.js';
import type { UnitRow } from '../../geo/queries.js';
import { ageOn } from '../service.js';
import { COMPARISONS } from './compare.js';

/** A stored record as a reader sees it: an allow-list of fields (no phone, no keys). */
export function presentRecord(r: {
  id: string; source: string; source_id: string | null; names: Array<{ text: string }>; sex: string; date_of_birth: string | null; dob_estimated: boolean;
  father_name: string | null; mother_name: string | null; created_at: Date;
}, place: UnitRow | undefined, lang: Lang): LinkedRecord {
  return {
    id: r.id, source: r.source, sourceId: r.source_id, names: r.names.map((n) => n.text), sex: r.sex,
    dateOfBirth: r.date_of_birth, dobEstimated: r.dob_estimated, ageYears: ageOn(r.date_of_birth),
    place: place ? { code: place.code, name: localName(lang, place.name_en, place.name_local) } : null,
    father: r.father_name, mother: r.mother_name, recordedAt: r.created_at.toISOString(),
  };
}

/** Each comparison's level and weight, with the level's label (the web app translates it by comparison and level). */
export function presentAgreements(levels: readonly number[], partials: readonly number[]) {
  return LINK_COMPARISONS.map((comparison, c) => {
    const level = levels[c] ?? -1;
    return { comparison, level, levelLabel: level < 0 ? 'null' : COMPARISONS[c]!.levels[level]!, weight: Math.round((partials[c] ?? 0) * 100) / 100 };
  });
}
