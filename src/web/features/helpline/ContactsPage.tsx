import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContactListItem } from '../../../shared/helpline.js';
import { call } from '../../api.js';
import { date } from '../../i18n.js';
import { ScreenPop } from './ScreenPop.js';

function ContactRows({ items, resume }: { items: ContactListItem[]; resume: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="case-list">
      {items.map((c) => (
        <li key={c.id} className={`case-card${c.urgency === 'immediate' || c.urgency === 'high' ? ' risk-high' : ''}`}>
          <strong>{c.callType ? t(`web.helpline.callTypes.${c.callType}`) : '—'}</strong> · {c.childName || '—'}
          <p className="meta">
            {date(c.receivedAt, true)} · {c.placeName ?? '—'} · {c.agent?.name ?? t('web.helpline.importedContact')}
            {c.case ? <> · <Link to="/cases/$id" params={{ id: c.case.id }}><span className="case-number">{c.case.number}</span></Link></> : null}
          </p>
          {resume ? <a className="button" href={`/helpline/new?id=${c.id}`}>{t('web.helpline.resume')}</a> : null}
        </li>
      ))}
    </ul>
  );
}

/** The agent's desk: a new contact, the contacts left unfinished (a dropped call, a closed browser), the latest completed. */
export function ContactsPage() {
  const { t } = useTranslation();
  const drafts = useQuery({ queryKey: ['helpline', 'contacts', 'draft'], queryFn: () => call('GET /api/v1/helpline/contacts', { query: { status: 'draft', mine: 'true', limit: 30 } }) });
  const recent = useQuery({ queryKey: ['helpline', 'contacts', 'completed'], queryFn: () => call('GET /api/v1/helpline/contacts', { query: { status: 'completed', limit: 30 } }) });
  return (
    <div className="page">
      <h1>{t('web.helpline.contactsTitle')}</h1>
      <ScreenPop autoOpen />
      <p><a className="button primary" href="/helpline/new">{t('web.helpline.intake')}</a></p>
      <section>
        <h2>{t('web.helpline.drafts')}</h2>
        {drafts.data?.items.length === 0 ? <p className="hint">{t('web.helpline.noDrafts')}</p> : null}
        <ContactRows items={drafts.data?.items ?? []} resume />
      </section>
      <section>
        <h2>{t('web.helpline.recent')}</h2>
        <ContactRows items={recent.data?.items ?? []} resume={false} />
      </section>
    </div>
  );
}
