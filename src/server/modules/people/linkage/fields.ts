import { linkName } from '../../../../shared/phonetic.js';
import { keysOf } from './blocking.js';
import { parseRecord, Vocabulary, type LinkSource } from './records.js';

/** What any source says about a person, as the linkage fields are computed from it. */
export type LinkInput = {
  names: readonly string[]; dob: string | null; dobEstimated: boolean; sex: string | null;
  union: string | null; upazila: string | null; district: string | null;
  father: string | null; mother: string | null; phone: string | null;
};

/** A stored person row as linkage reads it: the union is the place when it lies below the upazila. */
export function linkInputOf(r: { names: ReadonlyArray<{ text: string }>; date_of_birth: string | null; dob_estimated: boolean; sex: string; geo_code: string | null;
  adm2_code: string | null; adm3_code: string | null; father_name?: string | null; mother_name?: string | null; phone?: string | null }): LinkInput {
  return {
    names: r.names.map((n) => n.text), dob: r.date_of_birth, dobEstimated: r.dob_estimated, sex: r.sex,
    union: r.geo_code && r.geo_code !== r.adm3_code ? r.geo_code : null, upazila: r.adm3_code, district: r.adm2_code,
    father: r.father_name ?? null, mother: r.mother_name ?? null, phone: r.phone ?? null,
  };
}

/** The record as the engine reads it (names and parents in linkName form; a stored link_name saves working it out again). */
export function linkSource(id: string, r: LinkInput, storedLinkName?: string): LinkSource {
  return {
    id, linkName: storedLinkName ?? linkNames(r.names), dob: r.dob, dobEstimated: r.dobEstimated, sex: r.sex,
    union: r.union, upazila: r.upazila, district: r.district,
    linkFather: r.father ? linkName(r.father) : null, linkMother: r.mother ? linkName(r.mother) : null, phone: r.phone,
  };
}

/** Every name in linkName form, each once, joined by ` | ` (persons.link_name). */
export function linkNames(names: readonly string[]): string {
  return [...new Set(names.map(linkName).filter(Boolean))].join(' | ');
}

/** persons.link_name and persons.link_keys for a record about to be written. */
export function linkColumns(r: LinkInput): { linkName: string; linkKeys: string[] } {
  const vocab = new Vocabulary();
  const source = linkSource('', r);
  return { linkName: source.linkName, linkKeys: keysOf(parseRecord(source, vocab), vocab) };
}
