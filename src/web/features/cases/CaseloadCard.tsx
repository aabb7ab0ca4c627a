import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseloadSummary } from '../../../shared/cases.js';
import { call } from '../../api.js';
import { num } from '../../i18n.js';

const ROWS: Array<{ key: keyof CaseloadSummary; view?: string; alert?: boolean }> = [
  { key: 'mine', view: 'mine' },
  { key: 'overdueInitialAssessment', view: 'overdue', alert: true },
  { key: 'highRiskWithoutAssessment', view: 'high_risk_unassessed', alert: true },
  { key: 'plansAwaitingApproval', view: 'awaiting_approval' },
  { key: 'closuresAwaitingApproval', view: 'awaiting_approval' },
  { key: 'referralsWithoutResponse' },
  { key: 'team' },
];

/** Today's caseload on the home page: each number opens the matching list. */
export function CaseloadCard() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['caseload'], queryFn: () => call('GET /api/v1/caseload'), refetchInterval: 120_000 });
  if (!q.data) return null;
  return (
    <section className="card" aria-labelledby="caseload-title">
      <h2 id="caseload-title">{t('web.caseload.title')}</h2>
      <ul className="plain caseload">
        {ROWS.map(({ key, view, alert }) => (
          <li key={key} className={alert && q.data[key] > 0 ? 'alert' : ''}>
            <span className="count">{num(q.data[key])}</span>{' '}
            {view ? <Link to="/cases" search={{ view }}>{t(`web.caseload.${key}`)}</Link> : t(`web.caseload.${key}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
