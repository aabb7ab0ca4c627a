import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_PERMISSIONS } from '../../../shared/permissions/institutions.js';
import { CLAIM_STATUSES } from '../../../shared/values.js';
import { call } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { month as monthName, num } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';

/** The months a claim can be for: this one and the two years before, newest first. */
function recentMonths(): string[] {
  const now = new Date();
  return Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 10));
}

/** The grant officer's queue: a month's claims, flagged ones first, and the button that generates them. */
export function ClaimsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const session = useSession();
  const months = recentMonths();
  const [month, setMonth] = useState(months[1]!);
  const [status, setStatus] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const { error, run } = useAction();
  const [generated, setGenerated] = useState<{ claims: number; flagged: number } | null>(null);
  const list = useQuery({ queryKey: ['claims', month, status, flaggedOnly], queryFn: () => call('GET /api/v1/grants/claims', { query: { month, status: (status || undefined) as (typeof CLAIM_STATUSES)[number] | undefined, flaggedOnly: flaggedOnly || undefined } }) });
  const generate = () => run(async () => {
    setGenerated(await call('POST /api/v1/grants/claims/generate', { body: { month } }));
    await qc.invalidateQueries({ queryKey: ['claims'] });
  });
  const monthLabel = (m: string) => monthName(m.slice(0, 7));
  return (
    <div className="page">
      <h1>{t('web.grants.title')}</h1>
      <div className="toolbar wrap">
        <select aria-label={t('web.grants.month')} value={month} onChange={(e) => { setMonth(e.target.value); setGenerated(null); }}>
          {months.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
        </select>
        <select aria-label={t('web.grants.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('web.grants.allStatuses')}</option>
          {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{t(`web.grants.statuses.${s}`)}</option>)}
        </select>
        <label className="check"><input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} /> {t('web.grants.flaggedOnly')}</label>
        {hasPermission(session.data, INSTITUTION_PERMISSIONS.verifyClaims) ? <button type="button" onClick={generate}>{t('web.grants.generate', { month: monthLabel(month) })}</button> : null}
      </div>
      <ErrorBanner message={error?.message} />
      {generated ? <p className="banner" role="status">{t('web.grants.generated', { claims: num(generated.claims), flagged: num(generated.flagged) })}</p> : null}
      {list.data && list.data.items.length === 0 ? <p className="hint">{t('web.grants.none')}</p> : null}
      <ul className="case-list">
        {list.data?.items.map((c) => (
          <li key={c.id} className={`case-card${c.flags.length ? ' risk-high' : ''}`} data-claim={c.facility.name}>
            <Link to="/grants/$id" params={{ id: c.id }}><strong>{c.facility.name}</strong></Link> <span className="tag small">{t(`web.grants.statuses.${c.status}`)}</span>
            <p className="meta">{c.facility.district} · {t('web.grants.children', { claimed: num(c.claimedChildren), verified: num(c.verifiedChildren) })} · {t('web.grants.payable', { amount: num(c.payableAmount) })}</p>
            {c.flags.length ? <p className="meta">{c.flags.map((f) => <span key={f} className="badge-overdue">{t(`web.grants.flags.${f}`)}</span>)}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
