import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, newIdempotencyKey } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { ImportReport, type Issue } from '../../components/ImportReport.js';
import { CsvPicker, useCsvUpload } from '../../components/CsvUpload.js';
import { num } from '../../i18n.js';

const SOURCES = ['ngo_list', 'institution_register', 'grant_enrolment'] as const;

/**
 * A list of people from another system (an NGO's list, an institution's register, a grant
 * enrolment): every row is checked and the whole file is imported or nothing, with each line
 * to fix listed. The records keep their source; the next linkage run joins them to the
 * children already known. Large files go through `ncpp import people`.
 */
export function ImportPeoplePage() {
  const { t } = useTranslation();
  const [source, setSource] = useState<string>(SOURCES[0]);
  const [done, setDone] = useState<number | null>(null);
  const upload = useCsvUpload(async (file, again) => {
    setDone(null);
    const result = await call('POST /api/v1/people/imports', { query: { source, again: again ? 'true' : 'false' }, csv: file, idempotencyKey: newIdempotencyKey() });
    setDone(result.rows);
  });
  const { error, busy } = upload;
  const issues = (Array.isArray(error?.details) ? error.details : []) as Issue[];
  return (
    <div className="page">
      <h1>{t('web.people.import.title')}</h1>
      <p className="hint">{t('web.people.import.intro')}</p>
      <p className="hint"><code>source_id, name</code> {t('web.import.optional')} <code>sex, birth_date, age_years, as_of, father_name, mother_name, phone, upazila_code, union_code</code></p>
      <div className="field">
        <label htmlFor="f-source">{t('web.people.import.source')}</label>
        <select id="f-source" value={source} onChange={(e) => setSource(e.target.value)} disabled={busy}>
          {SOURCES.map((s) => <option key={s} value={s}>{t(`web.people.sources.${s}`)}</option>)}
        </select>
      </div>
      <CsvPicker upload={upload} disabled={false} />
      {done !== null ? <p className="banner" role="status">{t('web.people.import.done', { n: num(done) })}</p> : null}
      <ErrorBanner message={error?.message} />
      <ImportReport issues={issues} total={Number((error?.details as unknown[] | null)?.length ?? 0)} />
    </div>
  );
}
