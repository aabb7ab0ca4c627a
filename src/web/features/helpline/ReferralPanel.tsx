import { forwardRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/helpline.js';
import type { Service, ServiceCategory } from '../../../shared/referrals.js';
import { SERVICE_CATEGORIES } from '../../../shared/values.js';
import { call } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { currentLang, date } from '../../i18n.js';
import { useAction } from '../../useAction.js';

const SHOWN = 8;
const serviceName = (s: Service) => (currentLang() === 'bn' ? (s.name.local ?? s.name.en) : s.name.en);

/**
 * Referring the caller to a service: the directory around the child's place, nearest first
 * (the server orders it), filtered by kind and name; the agent reads out the details and
 * records the referral. Nothing about the child goes to the service.
 */
export const ReferralPanel = forwardRef<HTMLInputElement, { contact: Contact | null; place: string | null; readOnly: boolean; ensureSaved: () => Promise<Contact | null> }>(
  function ReferralPanel({ contact, place, readOnly, ensureSaved }, findRef) {
    const { t } = useTranslation();
    const qc = useQueryClient();
    const { error, run } = useAction();
    const [category, setCategory] = useState<ServiceCategory | ''>('');
    const [text, setText] = useState('');
    const key = ['helpline', 'referrals', contact?.id];
    const made = useQuery({ queryKey: key, enabled: Boolean(contact), queryFn: () => call('GET /api/v1/helpline/contacts/:id/referrals', { params: { id: contact!.id } }) });
    const directory = useQuery({
      queryKey: ['services', 'near', place, category, text.trim()], enabled: !readOnly,
      queryFn: () => call('GET /api/v1/services', { query: { place: place ?? undefined, category: category || undefined, q: text.trim() || undefined } }),
    });
    const referred = new Set(made.data?.items.map((r) => r.service.id));
    const refer = (serviceId: string) => run(async () => {
      const saved = contact ?? (await ensureSaved());
      if (!saved) throw new Error(t('web.helpline.offline'));
      await call('POST /api/v1/helpline/contacts/:id/referrals', { params: { id: saved.id }, body: { serviceId, note: '' } });
      await qc.invalidateQueries({ queryKey: ['helpline', 'referrals', saved.id] });
    });
    const takeBack = (referralId: string) => run(async () => {
      await call('DELETE /api/v1/helpline/contacts/:id/referrals/:referralId', { params: { id: contact!.id, referralId } });
      await qc.invalidateQueries({ queryKey: key });
    });
    return (
      <section className="card" aria-labelledby="refer-title">
        <h2 id="refer-title">{t('web.helpline.refer.title')} {readOnly ? null : <kbd>Alt+R</kbd>}</h2>
        <ErrorBanner message={error?.message} />
        {made.data?.items.length ? (
          <ul className="plain" aria-label={t('web.helpline.refer.made')}>
            {made.data.items.map((r) => (
              <li key={r.id}>
                <strong>{serviceName(r.service)}</strong> · {r.service.provider.name}{r.service.contact.phone ? ` · ${r.service.contact.phone}` : ''} · {date(r.referredAt, true)} · {r.referredBy.name}
                {r.removable ? <> <button type="button" onClick={() => void takeBack(r.id)}>{t('web.helpline.refer.takeBack')}</button></> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {readOnly ? null : (
          <>
            <p className="muted">{t(place ? 'web.helpline.refer.intro' : 'web.helpline.refer.noPlace')}</p>
            <div className="toolbar wrap">
              <div className="field">
                <label htmlFor="f-refer-find">{t('web.helpline.refer.find')}</label>
                <input id="f-refer-find" ref={findRef} type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="f-refer-kind">{t('web.referrals.category')}</label>
                <select id="f-refer-kind" value={category} onChange={(e) => setCategory(e.target.value as ServiceCategory | '')}>
                  <option value="">{t('web.referrals.allCategories')}</option>
                  {SERVICE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`web.referrals.categories.${c}`)}</option>)}
                </select>
              </div>
            </div>
            {directory.data && directory.data.items.length === 0 ? <p role="status">{t('web.helpline.refer.none')}</p> : null}
            <ul className="plain" aria-label={t('web.helpline.refer.found')}>
              {directory.data?.items.slice(0, SHOWN).map((s) => (
                <li key={s.id}>
                  <strong>{serviceName(s)}</strong> · {t(`web.referrals.categories.${s.category}`)} · {s.provider.name} · {s.place.name ?? t('web.services.national')}
                  {s.contact.phone ? ` · ${s.contact.phone}` : ''}{' '}
                  {referred.has(s.id) ? <span className="muted">{t('web.helpline.refer.done')}</span>
                    : <button type="button" onClick={() => void refer(s.id)} aria-label={t('web.helpline.refer.referTo', { name: serviceName(s) })}>{t('web.helpline.refer.refer')}</button>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  },
);
