import Papa from 'papaparse';
import { z } from 'zod';
import { can, type Actor } from '../../../platform/access/actor.js';
import { placeOf, scopeCovers } from '../../../platform/access/scope.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import type { GeoService } from '../../geo/service.js';
import { peopleService } from '../../people/service.js';
import type { Taxonomies } from '../../people/taxonomies.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { initialAssessmentDue, isSensitive } from '../policy.js';
import { defaultTeam, insertCase, type DefaultTeam } from '../core/queries.js';

/** The documented columns (docs/import-cases.md). Unknown columns are refused, so a typo is not silently dropped. */
export const REQUIRED_COLUMNS = ['child_name', 'sex', 'age_years', 'upazila_code', 'concern', 'risk_level', 'source', 'reported_on'] as const;
export const OPTIONAL_COLUMNS = ['child_name_bn', 'union_code', 'summary', 'legacy_id'] as const;
export const MAX_ROWS = 200_000;

const SEX: Record<string, 'female' | 'male' | 'other' | 'unknown'> = {
  f: 'female', female: 'female', girl: 'female', 'মেয়ে': 'female', 'মহিলা': 'female', 'নারী': 'female',
  m: 'male', male: 'male', boy: 'male', 'ছেলে': 'male', 'পুরুষ': 'male',
  other: 'other', 'অন্যান্য': 'other', unknown: 'unknown', '': 'unknown',
};
const SOURCES = new Set(['helpline', 'outreach', 'police', 'court', 'institution', 'self', 'community_committee', 'ngo']);

const issue = (row: number, column: string, code: string, params?: Record<string, unknown>): FieldIssue => ({ path: `rows.${row}.${column}`, code, message: '', params: { row, column, ...params } });

type ValidRow = {
  line: number; names: Array<{ text: string; kind: 'full' }>; sex: 'female' | 'male' | 'other' | 'unknown'; age: number;
  place: { code: string; adm1: string | null; adm2: string | null; adm3: string | null }; concern: string; risk: 'high' | 'medium' | 'low';
  source: string; reportedOn: string; summary: string | null; legacyId: string | null;
};

/**
 * Imports legacy cases from CSV, all or nothing: every row is checked first and any problem
 * is reported with its line number (the header is line 1); only a clean file is written, in
 * one transaction. Imported cases start at registration with the upazila's default team.
 */
export function createCaseImporter(db: Database, geo: GeoService, taxonomies: Taxonomies, country: string) {
  const sensitiveCodes = new Set(taxonomies.concerns.filter((c) => c.sensitive).map((c) => c.code));

  async function validate(actor: Actor, csv: string): Promise<{ rows: ValidRow[]; issues: FieldIssue[] }> {
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
    const issues: FieldIssue[] = [];
    const columns = parsed.meta.fields ?? [];
    for (const c of REQUIRED_COLUMNS) if (!columns.includes(c)) issues.push({ path: `columns.${c}`, code: 'missing_column', message: '', params: { column: c } });
    for (const c of columns) if (![...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].includes(c as never)) issues.push({ path: `columns.${c}`, code: 'unknown_column', message: '', params: { column: c } });
    if (issues.length) return { rows: [], issues };
    if (parsed.data.length === 0) return { rows: [], issues: [{ path: 'rows', code: 'no_rows', message: '' }] };
    if (parsed.data.length > MAX_ROWS) return { rows: [], issues: [{ path: 'rows', code: 'too_many_rows', message: '', params: { max: MAX_ROWS } }] };
    for (const e of parsed.errors) if (e.row !== undefined) issues.push(issue(e.row + 2, 'row', 'malformed_row'));

    const unitCache = new Map<string, Awaited<ReturnType<GeoService['find']>>>();
    const unit = async (code: string) => {
      if (!unitCache.has(code)) unitCache.set(code, await geo.find(code));
      return unitCache.get(code);
    };
    const rows: ValidRow[] = [];
    for (const [i, r] of parsed.data.entries()) {
      const line = i + 2;
      const before = issues.length;
      const get = (c: string) => (r[c] ?? '').trim();
      const name = get('child_name');
      if (!name || name.length > 120) issues.push(issue(line, 'child_name', 'required'));
      const sex = SEX[get('sex').toLowerCase()];
      if (!sex) issues.push(issue(line, 'sex', 'invalid_sex'));
      const age = Number(get('age_years'));
      if (!/^\d{1,2}$/.test(get('age_years')) || age > 25) issues.push(issue(line, 'age_years', 'invalid_age'));
      const upazila = await unit(get('upazila_code'));
      if (!upazila || upazila.level !== 3) issues.push(issue(line, 'upazila_code', 'unknown_upazila'));
      else if (!scopeCovers(actor, P.import, placeOf(upazila))) issues.push(issue(line, 'upazila_code', 'row_outside_your_area'));
      let placeCode = upazila?.code ?? '';
      if (get('union_code')) {
        const union = await unit(get('union_code'));
        if (!union || union.parent_code !== upazila?.code) issues.push(issue(line, 'union_code', 'unknown_union'));
        else placeCode = union.code;
      }
      const concern = taxonomies.resolveConcern(get('concern'));
      if (!concern) issues.push(issue(line, 'concern', 'row_unknown_concern', { concern: get('concern') }));
      const risk = get('risk_level').toLowerCase();
      if (!['high', 'medium', 'low'].includes(risk)) issues.push(issue(line, 'risk_level', 'invalid_risk'));
      const source = get('source').toLowerCase().replace(/[\s-]+/g, '_');
      if (!SOURCES.has(source)) issues.push(issue(line, 'source', 'invalid_source'));
      const reportedOn = get('reported_on');
      const date = z.iso.date().safeParse(reportedOn);
      if (!date.success || new Date(`${reportedOn}T00:00:00Z`).getTime() > Date.now()) issues.push(issue(line, 'reported_on', 'invalid_date'));
      if (issues.length > before || !upazila || !concern || !sex) continue;
      const names: ValidRow['names'] = [{ text: name, kind: 'full' }];
      if (get('child_name_bn')) names.push({ text: get('child_name_bn'), kind: 'full' });
      rows.push({
        line, names, sex, age, concern: concern.code, risk: risk as ValidRow['risk'], source, reportedOn, summary: get('summary') || null, legacyId: get('legacy_id') || null,
        place: { code: placeCode, ...placeOf(upazila) },
      });
    }
    return { rows, issues };
  }

  return {
    async import(actor: Actor, csv: string, fileName: string, ctx: AuditContext): Promise<{ imported: number }> {
      if (!can(actor, P.import)) throw new AppError('forbidden');
      const { rows, issues } = await validate(actor, csv);
      if (issues.length) throw new AppError('validation', 'import_rejected', issues.slice(0, 1000), { count: issues.length });
      const now = new Date();
      const teams = new Map<string, DefaultTeam>();
      await db.tx(async (tx) => {
        for (const r of rows) {
          const adm3 = r.place.adm3 as string;
          if (!teams.has(adm3)) teams.set(adm3, await defaultTeam(tx, adm3, r.place.adm2 as string, actor.organisationId));
          const team = teams.get(adm3)!;
          const reported = new Date(`${r.reportedOn}T00:00:00Z`);
          const child = await peopleService.create(tx, { names: r.names, sex: r.sex, ageYears: r.age, disabilities: [], vulnerableGroups: [], geoCode: r.place.code }, r.place, reported);
          const created = await insertCase(tx, {
            country, year: reported.getUTCFullYear(), childId: child.id, riskLevel: r.risk, concerns: [r.concern], source: r.source,
            sensitive: isSensitive([r.concern], sensitiveCodes), summary: r.summary, reportedOn: r.reportedOn, due: initialAssessmentDue(r.risk, now),
            organisationId: team.organisationId, caseworkerId: team.caseworker, supervisorId: team.supervisor, place: r.place,
            createdBy: actor.via === 'cli' ? null : actor.userId, nameKey: child.nameKey, nameFolded: child.nameFolded, event: 'imported',
          });
          await recordAudit(tx, ctx, { action: 'case.import', entity: 'case', entityId: created.id, after: { case_number: created.case_number, file: fileName, line: r.line, legacy_id: r.legacyId } });
        }
      });
      return { imported: rows.length };
    },
  };
}

export type CaseImporter = ReturnType<typeof createCaseImporter>;
