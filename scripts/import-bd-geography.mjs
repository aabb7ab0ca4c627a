#!/usr/bin/env node
// Converts the Bangladesh reference geography (shared/data/bd, merged from nuhil and BBS/HDX)
// into NCPP's country-neutral units file, data/geo/bd/units.json. Run it again when the source
// changes; the app itself only reads units.json, so a new or renamed unit is a data change.
//
// Local codes for units with no BBS code (see data/geo/README.md):
//   upazila: <district code>-U<nuhil id>      e.g. 1004-U494
//   union:   <upazila code>-N<nuhil id>       e.g. 201940-N1
import fs from 'node:fs';
import path from 'node:path';

const src = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/data/bd');
const out = path.resolve(import.meta.dirname, '../data/geo/bd/units.json');
const read = (f) => JSON.parse(fs.readFileSync(path.join(src, f), 'utf8'));

const divisions = read('divisions.json');
const districts = read('districts.json');
const upazilas = read('upazilas.json');
const thanas = read('metro-thanas.json');
const unions = read('unions.json');
const htr = read('hard-to-reach.json');

const flagsByDistrict = new Map();
for (const list of htr.lists) {
  for (const m of list.members) flagsByDistrict.set(m.code, [...(flagsByDistrict.get(m.code) ?? []), list.id]);
}

const units = [];
const unit = (u) => units.push({ note: null, lat: null, lon: null, names_alt: [], kind: null, flags: [], ...u });
for (const d of divisions) unit({ code: d.code, level: 1, parent: null, name_en: d.name_en, name_local: d.name_bn, names_alt: d.name_en_alt ?? [], code_source: 'official' });
for (const d of districts) {
  unit({ code: d.code, level: 2, parent: d.parent_code, name_en: d.name_en, name_local: d.name_bn, names_alt: d.name_en_alt ?? [], code_source: 'official', lat: d.lat ?? null, lon: d.lon ?? null, flags: (flagsByDistrict.get(d.code) ?? []).sort() });
}
const upazilaCodeByNuhil = new Map();
const districtByNuhil = new Map(districts.map((d) => [d.nuhil_id, d.code]));
for (const u of upazilas) {
  const parent = u.parent_code ?? districtByNuhil.get(u.nuhil_district_id);
  if (!parent) throw new Error(`upazila ${u.name_en} has no district`);
  const code = u.code ?? `${parent}-U${u.nuhil_id}`;
  upazilaCodeByNuhil.set(u.nuhil_id, code);
  const alt = [u.name_en_bbs, u.name_en_source].filter((n) => n && n !== u.name_en);
  unit({ code, level: 3, parent, name_en: u.name_en, name_local: u.name_bn, names_alt: [...new Set(alt)], kind: 'upazila', code_source: u.code ? 'official' : 'local', note: u.note ?? null });
}
for (const t of thanas) unit({ code: t.code, level: 3, parent: t.parent_code, name_en: t.name_en, name_local: t.name_bn, kind: 'metro_thana', code_source: 'official' });
for (const n of unions) {
  const parent = n.parent_code ?? upazilaCodeByNuhil.get(n.parent_nuhil_id);
  if (!parent) throw new Error(`union ${n.name_en} has no upazila`);
  unit({ code: `${parent}-N${n.nuhil_id}`, level: 4, parent, name_en: n.name_en, name_local: n.name_bn, kind: 'union', code_source: 'local' });
}
const seen = new Set();
for (const u of units) {
  if (seen.has(u.code)) throw new Error(`duplicate code ${u.code}`);
  seen.add(u.code);
}
fs.writeFileSync(out, `[\n${units.map((u) => JSON.stringify(u)).join(',\n')}\n]\n`);
console.log(`wrote ${units.length} units to ${path.relative(process.cwd(), out)}`);
