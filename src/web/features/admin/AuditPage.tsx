import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { date, num } from '../../i18n.js';


export function AuditPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['admin', 'audit'], queryFn: () => call('GET /api/v1/admin/audit', { query: { limit: 200 } }) });
  return (
    <div className="page">
      <h1>{t('web.nav.audit')}</h1>
      <p className="hint">{t('web.admin.auditHint')}</p>
      {/* Wide tables scroll sideways on a phone: focusable, so a keyboard can scroll them too. */}
      <table className="table" tabIndex={0}>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('web.admin.when')}</th>
            <th>{t('web.admin.action')}</th>
            <th>{t('web.admin.entity')}</th>
            <th>{t('web.admin.actorRole')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data?.items.map((a) => (
            <tr key={a.seq}>
              <td>{num(a.seq)}</td>
              <td>{date(a.at, true)}</td>
              <td>{a.action}</td>
              <td>
                {a.entity}
                {a.entity_id ? <small> {a.entity_id.slice(0, 8)}</small> : null}
              </td>
              <td>{a.actor_role ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
