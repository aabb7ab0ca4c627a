import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { date } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';
import { AreaCard } from '../geo/AreaCard.js';
import { CaseloadCard } from '../cases/CaseloadCard.js';
import { visibleNav } from '../../nav.js';
import { MyFacilitiesCard } from '../institutions/MyFacilitiesCard.js';
import { INSTITUTION_PERMISSIONS } from '../../../shared/permissions/institutions.js';

export const HOMES = ['admin', 'national', 'district', 'supervisor', 'caseload', 'helpline', 'institution', 'partner', 'portal', 'referrals'] as const;


function RecentAudit() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['audit', 'recent'], queryFn: () => call('GET /api/v1/admin/audit', { query: { limit: 8 } }) });
  return (
    <section className="card">
      <h2>{t('web.home.recentActivity')}</h2>
      <ul className="plain">
        {q.data?.items.map((a) => (
          <li key={a.seq}>
            <small>{date(a.at, true)}</small> {a.action} <small>({a.entity})</small>
          </li>
        ))}
      </ul>
      <Link to="/admin/audit">{t('web.nav.audit')}</Link>
    </section>
  );
}

/**
 * What the reader can open today, from the pages their permissions reach: a home never
 * promises a module that is not there yet.
 */
function TodayCard({ permissions }: { permissions: readonly string[] }) {
  const { t } = useTranslation();
  const items = visibleNav(permissions).filter((n) => n.to !== '/');
  return (
    <section className="card" data-today>
      <h2>{t('web.home.today')}</h2>
      <ul className="plain">
        {permissions.includes('cases.create') ? <li><Link to="/cases/new">{t('web.cases.new')}</Link></li> : null}
        {items.map((n) => <li key={n.to}><Link to={n.to}>{t(n.label)}</Link></li>)}
      </ul>
    </section>
  );
}

/** Each role lands on its own home: its title, its working area and what it can act on. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.me;
  if (!me) return null;
  const home = (HOMES as readonly string[]).includes(me.home) ? me.home : 'caseload';
  const scope = [...me.roles].sort((a, b) => a.scopeLevel - b.scopeLevel)[0];
  return (
    <div className="page" data-home={home}>
      <h1>{t(`web.home.title.${home}`)}</h1>
      <p className="lead">{t('web.home.welcome', { name: me.fullName })}</p>
      <p className="hint">{t(`web.home.about.${home}`)}</p>
      <div className="grid">
        {hasPermission(session.data, 'cases.read') ? <CaseloadCard /> : null}
        {hasPermission(session.data, INSTITUTION_PERMISSIONS.place) ? <MyFacilitiesCard /> : null}
        <TodayCard permissions={me.permissions} />
        <AreaCard code={scope?.scopeCode ?? null} />
        {hasPermission(session.data, 'admin.audit.read') ? <RecentAudit /> : null}
        {hasPermission(session.data, 'admin.users.read') ? (
          <section className="card">
            <h2>{t('web.home.administration')}</h2>
            <ul className="plain">
              <li><Link to="/admin/users">{t('web.nav.users')}</Link></li>
              <li><Link to="/admin/organisations">{t('web.nav.organisations')}</Link></li>
              <li><Link to="/admin/roles">{t('web.nav.roles')}</Link></li>
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
