import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { date, num } from '../../i18n.js';


/** Background jobs (email and later rollups), with their state and retries. */
export function JobsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['admin', 'jobs'], queryFn: () => call('GET /api/v1/admin/jobs'), refetchInterval: 10_000 });
  return (
    <div className="page">
      <h1>{t('web.nav.jobs')}</h1>
      {q.data?.items.length === 0 ? <p>{t('web.admin.noJobs')}</p> : null}
      {/* Wide tables scroll sideways on a phone: focusable, so a keyboard can scroll them too. */}
      <table className="table" tabIndex={0}>
        <thead>
          <tr>
            <th>{t('web.admin.job')}</th>
            <th>{t('web.admin.status')}</th>
            <th>{t('web.admin.retries')}</th>
            <th>{t('web.admin.when')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data?.items.map((j) => (
            <tr key={j.id}>
              <td>{j.name}</td>
              <td>{j.state}</td>
              <td>{num(j.retry_count)}</td>
              <td>{date(j.created_on, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
