import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../api.js';
import { num } from '../i18n.js';

export type Issue = FieldIssue & { params?: { row?: number; column?: string } };

/** The report as CSV; cells that a spreadsheet would run as a formula are neutralised (papaparse's escapeFormulae). */
async function downloadReport(issues: Issue[], t: (k: string) => string) {
  const { default: Papa } = await import('papaparse');
  const rows = [[t('web.import.line'), t('web.import.column'), t('web.import.problem')], ...issues.map((i) => [String(i.params?.row ?? ''), i.params?.column ?? i.path, i.message])];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([`\uFEFF${Papa.unparse(rows, { escapeFormulae: true })}`], { type: 'text/csv' }));
  a.download = 'import-report.csv';
  a.click();
}

/** Every problem of a refused import file by line and column, with the whole report to download. */
export function ImportReport({ issues, total }: { issues: Issue[]; total: number }) {
  const { t } = useTranslation();
  if (!issues.length) return null;
  return (
    <>
      <button type="button" onClick={() => void downloadReport(issues, t)}>{t('web.import.downloadReport')}</button>
      {total > issues.length ? <p className="hint">{t('web.import.firstProblems', { shown: num(issues.length), total: num(total) })}</p> : null}
      {/* Wide tables scroll sideways on a phone: focusable, so a keyboard can scroll them too. */}
      <table className="table" tabIndex={0}>
        <thead><tr><th>{t('web.import.line')}</th><th>{t('web.import.column')}</th><th>{t('web.import.problem')}</th></tr></thead>
        <tbody>
          {issues.map((i, k) => (
            <tr key={k}><td>{i.params?.row !== undefined ? num(i.params.row) : ''}</td><td>{i.params?.column ?? i.path}</td><td>{i.message}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
