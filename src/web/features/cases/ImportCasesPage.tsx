import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldIssue, call } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { num } from '../../i18n.js';

type Issue = FieldIssue & { params?: { row?: number; column?: string } };

/** Legacy import: the whole file or nothing, with a line-by-line report to fix and retry. */
export function ImportCasesPage() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    setImported(null);
    try {
      const r = await call('POST /api/v1/cases/import', { query: { filename: file.name }, body: await file.text() });
      setImported(r.imported);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
      e.target.value = '';
    }
  };
  const issues = (Array.isArray(error?.details) ? error.details : []) as Issue[];
  const report = () => {
    const rows = [['line', 'column', 'problem'], ...issues.map((i) => [String(i.params?.row ?? ''), i.params?.column ?? i.path, i.message])];
    const csv = rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv' }));
    a.download = 'import-report.csv';
    a.click();
  };
  return (
    <div className="page">
      <h1>{t('web.import.title')}</h1>
      <p className="hint">{t('web.import.intro')}</p>
      <p className="hint"><code>child_name, sex, age_years, upazila_code, concern, risk_level, source, reported_on</code> {t('web.import.optional')} <code>child_name_bn, union_code, summary, legacy_id</code></p>
      <label className="field">
        <span>{t('web.import.choose')}</span>
        <input type="file" accept=".csv,text/csv" onChange={choose} disabled={busy} />
      </label>
      {busy ? <p role="status">{t('web.import.checking')}</p> : null}
      {imported !== null ? <p className="banner" role="status">{t('web.import.done', { countText: num(imported) })}</p> : null}
      <ErrorBanner message={error?.message} />
      {issues.length ? (
        <>
          <button type="button" onClick={report}>{t('web.import.downloadReport')}</button>
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
      ) : null}
    </div>
  );
}
