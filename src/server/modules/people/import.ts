import { setImmediate as nextTick } from 'node:timers/promises';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { can } from '../../platform/access/actor.js';
import { scopeCovers } from '../../platform/access/scope.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { decodeUtf8, parseCsv, rowIssue } from '../../platform/csv.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import { PersonName } from '../../../shared/cases.js';
import { PEOPLE_PERMISSIONS as P } from '../../../shared/permissions/people.js';
import { SourceName } from '../../../shared/people.js';
import { textProblem } from '../../../shared/text.js';
import { toAsciiDigits } from '../../../shared/i18n/index.js';
import type { GeoService } from '../geo/service.js';
import * as lq from './linkage/queries.js';
import { insertMany, type NewPersonRow } from './queries.js';
import { estimatedDob, personKeys } from './service.js';

/** The documented columns (docs/import-people.md); unknown columns are refused so a typo is not silently dropped. */
export const PEOPLE_COLUMNS = ['source_id', 'name', 'sex', 'birth_date', 'age_years', 'as_of', 'father_name', 'mother_name', 'phone', 'upazila_code', 'union_code'] as const;
const REQUIRED = ['source_id', 'name'] as const;
export const MAX_PEOPLE_ROWS = 2_000_000;
const NAME_MAX = PersonName.shape.text.maxLength ?? 120;
const SOURCE_ID_MAX = 100;
const BATCH = 5000;

const SEX: Record<string, 'female' | 'male' | 'unknown'> = {
  '': 'unknown', unknown: 'unknown', f: 'female', female: 'female', girl: 'female', 'মেয়ে': 'female', 'মহিলা': 'female', 'নারী': 'female',
  m: 'male', male: 'male', boy: 'male', 'ছেলে': 'male', 'পুরুষ': 'male',
};

const isRealPastDate = (d: string) => z.iso.date().safeParse(d).success && d <= new Date().toISOString().slice(0, 10) && d >= '1900-01-01';

export type PeopleImportResult = { status: 'done'; rows: number; source: string } | { status: 'rejected'; issues: FieldIssue[]; issueCount: number };

/**
 * Imports a list of people from another system (an NGO list, an institution register, a grant
 * enrolment): every row checked, each problem reported with the file's line and the column,
 * and nothing written unless every row is right. Rows are written in one transaction with the
 * import's own row and its audit row; records keep their source and the source's ids.
 */
export function createPeopleImporter(db: Database, geo: GeoService) {
  return {
    async importFile(actor: Actor, input: { source: string; fileName: string; content: Uint8Array; again?: boolean; maxRows?: number }, ctx: AuditContext): Promise<PeopleImportResult> {
      if (!can(actor, P.import)) throw new AppError('forbidden');
      if (!SourceName.safeParse(input.source).success) throw new AppError('validation', 'validation', [{ path: 'source', code: 'source_name', message: '' }]);
      const text = decodeUtf8(input.content);
      if (text === null) return reject([{ path: 'file', code: 'not_utf8', message: '' }]);
      const sha256 = createHash('sha256').update(input.content).digest('hex');
      const before = await lq.importedBefore(db, sha256);
      if (before && !input.again) throw new AppError('conflict', 'people_import_same_file', undefined, { date: before.made_at.toISOString().slice(0, 10) });

      const maxRows = input.maxRows ?? MAX_PEOPLE_ROWS;
      const parsed = await parseCsv(text, maxRows);
      const issues: FieldIssue[] = [];
      for (const c of REQUIRED) if (!parsed.columns.includes(c)) issues.push({ path: `columns.${c}`, code: 'missing_column', message: '', params: { column: c } });
      for (const c of parsed.columns) if (!(PEOPLE_COLUMNS as readonly string[]).includes(c)) issues.push({ path: `columns.${c}`, code: 'unknown_column', message: '', params: { column: c.slice(0, 60) } });
      if (issues.length) return reject(issues);
      if (!parsed.rows.length) return reject([{ path: 'rows', code: 'no_rows', message: '' }]);
      if (parsed.tooMany) return reject([{ path: 'rows', code: 'too_many_rows', message: '', params: { max: maxRows } }]);

      const importId = randomUUID();
      const rows: NewPersonRow[] = [];
      const lineOf = new Map<string, number>();
      for (const [i, r] of parsed.rows.entries()) {
        if (i % 2000 === 1999) await nextTick();
        const line = r.line;
        if (r.malformed) {
          issues.push(rowIssue(line, 'row', 'malformed_row'));
          continue;
        }
        const start = issues.length;
        const get = (c: string) => (r.cells[c] ?? '').trim();
        for (const c of parsed.columns) if (textProblem(r.cells[c] ?? '')) issues.push(rowIssue(line, c, 'row_unsafe_text'));
        if (issues.length > start) continue;
        const sourceId = get('source_id');
        if (!sourceId) issues.push(rowIssue(line, 'source_id', 'required'));
        else if (sourceId.length > SOURCE_ID_MAX) issues.push(rowIssue(line, 'source_id', 'row_too_long', { max: SOURCE_ID_MAX }));
        else if (lineOf.has(sourceId)) issues.push(rowIssue(line, 'source_id', 'row_repeated_id', { first: lineOf.get(sourceId) }));
        else lineOf.set(sourceId, line);
        const names = get('name').split('|').map((n) => n.trim()).filter(Boolean);
        if (!names.length) issues.push(rowIssue(line, 'name', 'required'));
        if (names.some((n) => n.length > NAME_MAX)) issues.push(rowIssue(line, 'name', 'row_too_long', { max: NAME_MAX }));
        for (const c of ['father_name', 'mother_name'] as const) if (get(c).length > NAME_MAX) issues.push(rowIssue(line, c, 'row_too_long', { max: NAME_MAX }));
        const sex = SEX[get('sex').toLowerCase()];
        if (!sex) issues.push(rowIssue(line, 'sex', 'invalid_sex'));
        const birth = toAsciiDigits(get('birth_date'));
        const ageText = toAsciiDigits(get('age_years'));
        const asOf = toAsciiDigits(get('as_of'));
        let dob: string | null = null;
        if (birth) {
          if (!isRealPastDate(birth)) issues.push(rowIssue(line, 'birth_date', 'invalid_date'));
          else dob = birth;
          if (ageText) issues.push(rowIssue(line, 'age_years', 'row_age_and_birth_date'));
        } else if (ageText) {
          if (!/^\d{1,2}$/.test(ageText) || Number(ageText) > 25) issues.push(rowIssue(line, 'age_years', 'invalid_age'));
          else if (!asOf) issues.push(rowIssue(line, 'as_of', 'required'));
          else if (!isRealPastDate(asOf)) issues.push(rowIssue(line, 'as_of', 'invalid_date'));
          else dob = estimatedDob(Number(ageText), new Date(`${asOf}T00:00:00Z`));
        }
        const phoneDigits = toAsciiDigits(get('phone')).replace(/[\s().-]/g, '');
        if (phoneDigits && !/^\+?\d{7,15}$/.test(phoneDigits)) issues.push(rowIssue(line, 'phone', 'invalid_phone'));
        const upazila = get('upazila_code') ? await geo.find(get('upazila_code')) : undefined;
        if (get('upazila_code') && (!upazila || upazila.level !== 3)) issues.push(rowIssue(line, 'upazila_code', 'unknown_upazila'));
        const union = get('union_code') ? await geo.find(get('union_code')) : undefined;
        if (get('union_code') && (!union || union.level !== 4 || (upazila && union.parent_code !== upazila.code))) issues.push(rowIssue(line, 'union_code', 'unknown_union'));
        const place = union ?? upazila;
        const placeGiven = Boolean(get('union_code') || get('upazila_code'));
        if ((place || !placeGiven) && !scopeCovers(actor, P.import, { adm1: place?.adm1_code ?? null, adm2: place?.adm2_code ?? null, adm3: place?.adm3_code ?? null })) {
          issues.push(rowIssue(line, place ? (union ? 'union_code' : 'upazila_code') : 'upazila_code', 'row_outside_your_area'));
        }
        if (issues.length > start || !sex) continue;
        const named = names.map((text) => ({ text, kind: 'full' }));
        const keys = personKeys(named);
        rows.push({
          id: randomUUID(), names: named, display_name: names[0]!, name_key: keys.nameKey, name_folded: keys.nameFolded, sex, date_of_birth: dob, dob_estimated: !birth && !!dob,
          geo_code: place?.code ?? null, adm1_code: place?.adm1_code ?? null, adm2_code: place?.adm2_code ?? null, adm3_code: place?.adm3_code ?? null,
          source: input.source, source_id: sourceId, father_name: get('father_name') || null, mother_name: get('mother_name') || null, phone: phoneDigits || null, import_id: importId,
        });
      }
      if (!issues.length) {
        // Ids imported from this source before are refused: a second import of a list is a new list, or the same rows twice.
        for (let i = 0; i < rows.length; i += 50_000) {
          const ids = rows.slice(i, i + 50_000).map((r) => r.source_id!);
          for (const e of await lq.existingSourceIds(db, input.source, ids)) issues.push(rowIssue(lineOf.get(e.source_id)!, 'source_id', 'row_imported_before'));
        }
      }
      if (issues.length) return reject(issues.sort((a, b) => Number(a.params?.row ?? 0) - Number(b.params?.row ?? 0)));
      await db.tx(async (tx) => {
        for (let i = 0; i < rows.length; i += BATCH) await insertMany(tx, rows.slice(i, i + BATCH));
        await lq.insertImport(tx, { id: importId, source: input.source, fileName: input.fileName, sha256, rows: rows.length, userId: ctx.actorUserId });
        await recordAudit(tx, ctx, { action: 'people.import', entity: 'people_import', entityId: importId, after: { source: input.source, file: input.fileName, sha256, rows: rows.length } });
      });
      return { status: 'done', rows: rows.length, source: input.source };
    },
  };
}

export type PeopleImporter = ReturnType<typeof createPeopleImporter>;

const REPORT_MAX = 1000;
function reject(issues: FieldIssue[]): PeopleImportResult {
  return { status: 'rejected', issues: issues.slice(0, REPORT_MAX), issueCount: issues.length };
}
