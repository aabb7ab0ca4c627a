import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api.js';
import { date, num } from '../i18n.js';


/** In-app notifications: polled every minute (cheap; one indexed query). */
export function Bell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['notifications'], queryFn: () => call('GET /api/v1/notifications'), refetchInterval: 60_000 });
  const unread = q.data?.unread ?? 0;
  const markRead = async () => {
    await call('POST /api/v1/notifications/read', { body: {} });
    await qc.invalidateQueries({ queryKey: ['notifications'] });
  };
  return (
    <div className="bell">
      {/* The name comes from the content ("Notifications 11 unread"), so the number one sees is the number one hears (WCAG 2.5.3, label in name). */}
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        <span className="sr-only">{t('web.notifications.title')} </span>
        {unread > 0 ? <><span className="badge">{num(unread)}</span><span className="sr-only"> {t('web.notifications.unread')}</span></> : null}
      </button>
      {open ? (
        <div className="bell-panel" role="dialog" aria-label={t('web.notifications.title')}>
          <h2>{t('web.notifications.title')}</h2>
          {q.data?.items.length ? (
            <ul>
              {q.data.items.map((n) => (
                <li key={n.id} className={n.read ? '' : 'unread'}>
                  {n.link ? <a href={n.link}>{n.text}</a> : n.text}
                  <small>{date(n.createdAt, true)}</small>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('web.notifications.empty')}</p>
          )}
          {unread > 0 ? (
            <button type="button" onClick={markRead}>
              {t('web.notifications.markRead')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
