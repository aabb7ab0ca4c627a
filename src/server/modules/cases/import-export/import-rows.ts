import { setImmediate as nextTick } from 'node:timers/promises';
import { parseCsv, rowIssue } from '../../../platform/csv.js';
import { z } from 'zod';
import { PersonName } from '../../../../shared/cases.js';
import { textProblem } from '../../../../shared/text.js';
import { CASE_SOURCES } from '../../../../shared/values.js';
import type { FieldIssue } from '../../../platform/errors.js';

/** The documented columns (docs/import-cases.md). Unknown columns are refused, so a typo is not silently dropped. */
export const REQUIRED_COLUMNS = ['child_name', 'sex', 'age_years', 'upazila_code', 'concern', 'risk_level', 'source', 'reported_on'] as const;
export const OPTIONAL_COLUMNS = ['child_name_bn', 'union_code', 'summary', 'legacy_id'] as const;
export const MAX_ROWS = 200_000;
/** The API's own limits (shared/cases.ts), so an imported case could have been registered by hand. */
const NAME_MAX = PersonName.shape.text.maxLength ?? 120;
const SUMMARY_MAX = 4000;
const LEGACY_ID_MAX = 100;
/** Rows checked between two yields to the event loop: other requests are served while a big file is checked. */
const YIELD_EVERY = 1000;
/** Built once: a schema made per row cost more than the rest of the row's checks. */
const ISO_DATE = z.iso.date();

const SEX: Record<string, 'female' | 'male' | 'other' | 'unknown'> = {
  f: 'female', female: 'female', girl: 'female', 'মেয়ে': 'female', 'মহিলা': 'female', 'নারী': 'female',
  m: 'male', male: 'male', boy: 'male', 'ছেলে': 'male', 'পুরুষ': 'male',
  other: 'other', 'অন্যান্য': 'other', unknown: 'unknown', '': 'unknown',
};
const SOURCES = new Set<string>(CASE_SOURCES);

export type ImportUnit = { code: string; level: number; parent_code: string | null; adm1: string | null; adm2: string | null; adm3: string | null };
export type ValidRow = {
  line: number; names: Array<{ text: string; kind: 'full' }>; sex: 'female' | 'male' | 'other' | 'unknown'; age: number;
  place: { code: string; adm1: string | null; adm2: string | null; adm3: string | null }; concern: string; risk: 'high' | 'medium' | 'low';
  source: string; reportedOn: string; summary: string | null; legacyId: string | null;
};
/** What row checks need from the rest of the system: places, concerns and the importer's area. */
export type RowLookups = {
  unit(code: string): Promise<ImportUnit | undefined>;
  concern(text: string): string | undefined;
  covers(place: { adm1: string | null; adm2: string | null; adm3: string | null }): boolean;
};


/**
 * Checks every row of a legacy file: columns first, then each row (line numbers as in the
 * file), collecting every problem. Yields to the event loop every thousand rows.
 */
export async function checkRows(text: string, lookups: RowLookups): Promise<{ rows: ValidRow[]; issues: FieldIssue[] }> {
  const parsed = await parseCsv(text, MAX_ROWS);
  const issues: FieldIssue[] = [];
  for (const c of REQUIRED_COLUMNS) if (!parsed.columns.includes(c)) issues.push({ path: `columns.${c}`, code: 'missing_column', message: '', params: { column: c } });
  for (const c of parsed.columns) if (![...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].includes(c as never)) issues.push({ path: `columns.${c}`, code: 'unknown_column', message: '', params: { column: c.slice(0, 60) } });
  if (issues.length) return { rows: [], issues };
  if (parsed.rows.length === 0) return { rows: [], issues: [{ path: 'rows', code: 'no_rows', message: '' }] };
  if (parsed.tooMany) return { rows: [], issues: [{ path: 'rows', code: 'too_many_rows', message: '', params: { max: MAX_ROWS } }] };

  const rows: ValidRow[] = [];
  for (const [i, r] of parsed.rows.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTick();
    const line = r.line;
    if (r.malformed) {
      issues.push(rowIssue(line, 'row', 'malformed_row'));
      continue;
    }
    const before = issues.length;
    const get = (c: string) => (r.cells[c] ?? '').trim();
    // The platform's text rule first: a NUL or control character is named, not sent to the database.
    for (const c of parsed.columns) {
      const problem = textProblem(r.cells[c] ?? '');
      if (problem) issues.push(rowIssue(line, c, 'row_unsafe_text'));
    }
    if (issues.length > before) continue;
    const name = get('child_name');
    if (!name) issues.push(rowIssue(line, 'child_name', 'required'));
    const tooLong = (column: string, max: number) => {
      if (get(column).length > max) issues.push(rowIssue(line, column, 'row_too_long', { max }));
    };
    tooLong('child_name', NAME_MAX);
    tooLong('child_name_bn', NAME_MAX);
    tooLong('summary', SUMMARY_MAX);
    tooLong('legacy_id', LEGACY_ID_MAX);
    const sex = SEX[get('sex').toLowerCase()];
    if (!sex) issues.push(rowIssue(line, 'sex', 'invalid_sex'));
    const age = Number(get('age_years'));
    if (!/^\d{1,2}$/.test(get('age_years')) || age > 25) issues.push(rowIssue(line, 'age_years', 'invalid_age'));
    const upazila = await lookups.unit(get('upazila_code'));
    if (!upazila || upazila.level !== 3) issues.push(rowIssue(line, 'upazila_code', 'unknown_upazila'));
    else if (!lookups.covers(upazila)) issues.push(rowIssue(line, 'upazila_code', 'row_outside_your_area'));
    let placeCode = upazila?.code ?? '';
    if (get('union_code')) {
      const union = await lookups.unit(get('union_code'));
      if (!union || union.parent_code !== upazila?.code) issues.push(rowIssue(line, 'union_code', 'unknown_union'));
      else placeCode = union.code;
    }
    const concern = lookups.concern(get('concern'));
    if (!concern) issues.push(rowIssue(line, 'concern', 'row_unknown_concern', { concern: get('concern').slice(0, 80) }));
    const risk = get('risk_level').toLowerCase();
    if (!['high', 'medium', 'low'].includes(risk)) issues.push(rowIssue(line, 'risk_level', 'invalid_risk'));
    const source = get('source').toLowerCase().replace(/[\s-]+/g, '_');
    if (!SOURCES.has(source)) issues.push(rowIssue(line, 'source', 'invalid_source'));
    const reportedOn = get('reported_on');
    const date = ISO_DATE.safeParse(reportedOn);
    if (!date.success || new Date(`${reportedOn}T00:00:00Z`).getTime() > Date.now()) issues.push(rowIssue(line, 'reported_on', 'invalid_date'));
    if (issues.length > before || !upazila || !concern || !sex) continue;
    const names: ValidRow['names'] = [{ text: name, kind: 'full' }];
    if (get('child_name_bn')) names.push({ text: get('child_name_bn'), kind: 'full' });
    rows.push({
      line, names, sex, age, concern, risk: risk as ValidRow['risk'], source, reportedOn, summary: get('summary') || null, legacyId: get('legacy_id') || null,
      place: { code: placeCode, adm1: upazila.adm1, adm2: upazila.adm2, adm3: upazila.adm3 },
    });
  }
  return { rows, issues };
}
