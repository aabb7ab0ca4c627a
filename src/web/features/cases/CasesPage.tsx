import { useEffect, useState } from 'react';
import { Link, useRouter } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseSearchQuery } from '../../../shared/cases.js';
import { call, download } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { date, num } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';
import { labelOf, useTaxonomies } from './useTaxonomies.js';

/** Caseload and search: by child name in either script, case number, risk and status. */
export function CasesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const tax = useTaxonomies();
  // The search lives in the address (a reload, a shared link or Back keeps it); the home
  // page's caseload numbers link here with ?view=... The server checks every value.
  const initial = new URLSearchParams(window.location.search);
  const [q, setQ] = useState(initial.get('q') ?? '');
  const [risk, setRisk] = useState((initial.get('risk') ?? '') as CaseSearchQuery['risk'] | '');
  const [status, setStatus] = useState((initial.get('status') === 'all' ? '' : (initial.get('status') ?? 'open')) as CaseSearchQuery['status'] | '');
  const [view, setView] = useState((initial.get('view') ?? '') as CaseSearchQuery['view'] | '');
  const router = useRouter();
  useEffect(() => {
    const search = new URLSearchParams();
    if (q.trim()) search.set('q', q.trim());
    if (risk) search.set('risk', risk);
    if (status !== 'open') search.set('status', status || 'all');
    if (view) search.set('view', view);
    const next = `/cases${search.size ? `?${search}` : ''}`;
    if (next !== `${window.location.pathname}${window.location.search}`) router.history.replace(next);
  }, [q, risk, status, view, router]);
  const query = { limit: 50, q: q.trim(), risk: risk || undefined, status: status || undefined, view: view || undefined };
  const list = useQuery({ queryKey: ['cases', query], queryFn: () => call('GET /api/v1/cases', { query }) });
  return (
    <div className="page">
      <h1>{t('web.cases.title')}</h1>
      <div className="toolbar wrap">
        <input type="search" aria-label={t('web.cases.search')} placeholder={t('web.cases.searchHint')} value={q} onChange={(e) => setQ(e.target.value)} />
        <select aria-label={t('web.cases.view')} value={view} onChange={(e) => setView(e.target.value as CaseSearchQuery['view'] | '')}>
          <option value="">{t('web.cases.views.all')}</option>
          {['mine', 'overdue', 'high_risk_unassessed', 'awaiting_approval'].map((v) => <option key={v} value={v}>{t(`web.cases.views.${v}`)}</option>)}
        </select>
        <select aria-label={t('web.cases.risk')} value={risk} onChange={(e) => setRisk(e.target.value as CaseSearchQuery['risk'] | '')}>
          <option value="">{t('web.cases.anyRisk')}</option>
          {['high', 'medium', 'low'].map((r) => (
            <option key={r} value={r}>{t(`web.cases.riskLevels.${r}`)}</option>
          ))}
        </select>
        <select aria-label={t('web.cases.status')} value={status} onChange={(e) => setStatus(e.target.value as CaseSearchQuery['status'] | '')}>
          <option value="open">{t('web.cases.statuses.open')}</option>
          <option value="closed">{t('web.cases.statuses.closed')}</option>
          <option value="">{t('web.cases.statuses.all')}</option>
        </select>
        {hasPermission(session.data, 'cases.create') ? (
          <Link to="/cases/new" className="button primary">{t('web.cases.new')}</Link>
        ) : null}
        {hasPermission(session.data, 'cases.import') ? (
          <Link to="/cases/import" className="button">{t('web.import.link')}</Link>
        ) : null}
      </div>
      <p className="hint" role="status">{t('web.cases.found', { countText: num(list.data?.total ?? 0) })}</p>
      {hasPermission(session.data, 'cases.export') ? <ExportForm filters={{ ...(risk ? { risk } : {}), ...(status ? { status } : {}), ...(view ? { view } : {}) }} /> : null}
      <ul className="case-list">
        {list.data?.items.map((c) => (
          <li key={c.id} className={`case-card risk-${c.riskLevel}`}>
            <Link to="/cases/$id" params={{ id: c.id }}>
              <strong>{c.child.displayName}</strong>
            </Link>
            {c.child.names.length > 1 ? <span className="alt-names"> ({c.child.names.slice(1).join(', ')})</span> : null}
            <div className="meta">
              <span className={`badge-risk risk-${c.riskLevel}`}>{t(`web.cases.riskLevels.${c.riskLevel}`)}</span>
              {c.overdue ? <span className="badge-overdue">{t('web.cases.overdue')}</span> : null}
              {c.sensitive ? <span className="tag small">{t('web.cases.sensitive')}</span> : null}
              <span>{c.caseNumber}</span> · <span>{t(`web.cases.steps.${c.step}`)}</span> · <span>{c.place.name}</span>
              {c.child.ageYears !== null ? <span> · {t('web.cases.age', { ageText: num(c.child.ageYears) })}</span> : null}
            </div>
            <div className="meta">
              {c.concerns.map((code) => labelOf(tax.data?.concerns, code)).join(', ')} · {t('web.cases.registered')} {date(c.registeredAt)}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Export of the current list: the purpose is required and goes to the audit trail. */
function ExportForm({ filters }: { filters: Record<string, string> }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const { error, run } = useAction();
  const exportAs = (format: 'csv' | 'xlsx') => run(() => download('POST /api/v1/cases/export', { body: { format, purpose, filters } }));
  return (
    <details className="card">
      <summary>{t('web.export.title')}</summary>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <label className="field">
        <span>{t('web.export.purpose')}</span>
        <input value={purpose} onChange={(e) => setPurpose(e.target.value)} minLength={10} maxLength={500} />
      </label>
      <div className="toolbar">
        <button type="button" onClick={() => exportAs('csv')}>{t('web.export.csv')}</button>
        <button type="button" onClick={() => exportAs('xlsx')}>{t('web.export.xlsx')}</button>
      </div>
    </details>
  );
}
