import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '@tanstack/react-router';
import type { CaseImport } from '../../../shared/cases.js';
import { ApiError, call, newIdempotencyKey } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { ImportReport, type Issue } from '../../components/ImportReport.js';
import { CsvPicker, useCsvUpload } from '../../components/CsvUpload.js';
import { num } from '../../i18n.js';

const RUNNING = new Set<CaseImport['status']>(['queued', 'checking', 'writing', 'rolling_back']);
/** How often a running import is asked for its progress. */
const POLL_MS = 1000;

/**
 * Legacy import: the file is uploaded and a job checks every row, then writes the whole file
 * or nothing. The page follows the job (its id is in the address, so a reload keeps it), shows
 * progress, and lists every line to fix when the file is refused.
 */
export function ImportCasesPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const [importId, setImportId] = useState(() => new URLSearchParams(window.location.search).get('import'));
  const [pollError, setPollError] = useState<ApiError | null>(null);
  const [job, setJob] = useState<CaseImport | null>(null);

  useEffect(() => {
    if (!importId) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await call('GET /api/v1/cases/imports/:id', { params: { id: importId } });
        if (stopped) return;
        setJob(current);
        if (RUNNING.has(current.status)) timer = setTimeout(poll, POLL_MS);
      } catch (err) {
        if (!stopped && err instanceof ApiError) setPollError(err);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importId]);

  const upload = useCsvUpload(async (file, again) => {
    setJob(null);
    setPollError(null);
    const started = await call('POST /api/v1/cases/imports', { query: { filename: file.name, again: again ? 'true' : 'false' }, csv: file, idempotencyKey: newIdempotencyKey() });
    setJob(started);
    setImportId(started.id);
    router.history.replace(`/cases/import?import=${started.id}`);
  });
  const error = upload.error ?? pollError;

  const issues = ((job?.status === 'rejected' || job?.status === 'failed' ? job.issues : Array.isArray(error?.details) ? error.details : []) ?? []) as Issue[];
  const running = job !== null && RUNNING.has(job.status);
  return (
    <div className="page">
      <h1>{t('web.import.title')}</h1>
      <p className="hint">{t('web.import.intro')}</p>
      <p className="hint"><code>child_name, sex, age_years, upazila_code, concern, risk_level, source, reported_on</code> {t('web.import.optional')} <code>child_name_bn, union_code, summary, legacy_id</code></p>
      <CsvPicker upload={upload} disabled={running} />
      {job && running ? (
        <div role="status">
          <p>{t(`web.import.status.${job.status}`, { done: num(job.rowsDone), total: num(job.rowsTotal ?? 0) })}</p>
          {job.status === 'writing' && job.rowsTotal ? <progress max={job.rowsTotal} value={job.rowsDone} aria-label={t('web.import.progress')} /> : null}
        </div>
      ) : null}
      {job?.status === 'done' ? <p className="banner" role="status">{t('web.import.done', { countText: num(job.rowsDone) })}</p> : null}
      {job?.status === 'rejected' ? <p className="banner banner-error" role="alert">{t('errors.import_rejected', { count: num(job.issueCount) })}</p> : null}
      {job?.status === 'failed' ? <p className="banner banner-error" role="alert">{t('web.import.failed')}</p> : null}
      <ErrorBanner message={error?.message} />
      <ImportReport issues={issues} total={job?.issueCount ?? issues.length} />
    </div>
  );
}
