import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CaseSearchQuery } from '../../../../shared/cases.js';
import { formatDate, localName, translate, type Lang } from '../../../../shared/i18n/index.js';
import { can, type Actor } from '../../../platform/access/actor.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { ageOn } from '../../people/service.js';
import type { Taxonomies } from '../../people/taxonomies.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { searchCases } from '../core/queries.js';

export const MAX_EXPORT_ROWS = 200_000;

/**
 * The case list as CSV or XLSX, for holders of cases.export, with a stated purpose. Only
 * what the caller may see is exported; the export, its purpose, filters and row count are
 * audited before the file is handed over.
 */
export function createCaseExporter(db: Database, taxonomies: Taxonomies) {
  return {
    async export(actor: Actor, input: { format: 'csv' | 'xlsx'; purpose: string; filters: Omit<CaseSearchQuery, 'limit' | 'offset' | 'q'> }, ctx: AuditContext) {
      if (!can(actor, P.export) || !can(actor, P.read)) throw new AppError('forbidden');
      const lang: Lang = actor.lang;
      const result = await searchCases(db, actor, { ...input.filters, limit: MAX_EXPORT_ROWS, offset: 0 }, null);
      const label = (code: string) => taxonomies.concern(code)?.label[lang] ?? code;
      const header = ['caseNumber', 'childNames', 'sex', 'age', 'place', 'concerns', 'riskLevel', 'status', 'step', 'reportedOn', 'registeredAt'].map((k) => translate(lang, `export.columns.${k}`));
      const rows = result.items.map((r) => [
        r.case_number, r.child_names.map((n) => n.text).join(' / '), translate(lang, `web.cases.sexes.${r.child_sex}`), ageOn(r.child_dob) ?? '',
        r.place_name === null ? '' : localName(lang, r.place_name, r.place_name_local), r.concerns.map(label).join('; '), translate(lang, `web.cases.riskLevels.${r.risk_level}`), translate(lang, `web.cases.statuses.${r.status}`),
        translate(lang, `web.cases.steps.${r.step}`), r.reported_on, formatDate(lang, r.registered_at),
      ]);
      await db.tx((tx) => recordAudit(tx, ctx, { action: 'export.cases', entity: 'case', entityId: null, meta: { purpose: input.purpose, format: input.format, rows: rows.length, filters: input.filters } }));
      const stamp = new Date().toISOString().slice(0, 10);
      if (input.format === 'csv') {
        // A BOM so spreadsheet programs open Bangla text as UTF-8; a cell starting with = + - @
        // tab or CR is prefixed with ' so a spreadsheet shows it instead of running it (formula injection).
        return { fileName: `ncpp-cases-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(`\uFEFF${Papa.unparse([header, ...rows], { escapeFormulae: true })}`, 'utf8') };
      }
      const book = new ExcelJS.Workbook();
      book.creator = 'NCPP';
      const sheet = book.addWorksheet(translate(lang, 'export.sheet'));
      sheet.addRow(header).font = { bold: true };
      for (const r of rows) sheet.addRow(r);
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      sheet.columns.forEach((c) => {
        c.width = 18;
      });
      return { fileName: `ncpp-cases-${stamp}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: Buffer.from(await book.xlsx.writeBuffer()) };
    },
  };
}

export type CaseExporter = ReturnType<typeof createCaseExporter>;
