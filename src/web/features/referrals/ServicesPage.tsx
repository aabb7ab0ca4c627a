import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ServiceCategory } from '../../../shared/referrals.js';
import { SERVICE_CATEGORIES } from '../../../shared/values.js';
import { call, field, optionalField, choiceField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { currentLang } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';
import { UnitPicker } from '../admin/UnitPicker.js';

/** The service directory: who offers what, where, and how to reach them; providers add their own services. */
export function ServicesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  const [place, setPlace] = useState<string | null>(null);
  const { error, run } = useAction();
  const list = useQuery({ queryKey: ['services', category], queryFn: () => call('GET /api/v1/services', { query: { category: category || undefined } }) });
  const me = session.data?.me;
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    await run(async () => {
      await call('POST /api/v1/services', {
        body: {
          nameEn: field(f, 'nameEn'), nameLocal: optionalField(f, 'nameLocal'), category: choiceField<ServiceCategory>(f, 'category'),
          description: optionalField(f, 'description'), descriptionLocal: optionalField(f, 'descriptionLocal'), providerOrganisationId: me?.organisation.id ?? '', geoCode: place, contactPhone: optionalField(f, 'contactPhone'),
        },
      });
      form.reset();
      await qc.invalidateQueries({ queryKey: ['services'] });
    });
  };
  return (
    <div className="page">
      <h1>{t('web.services.title')}</h1>
      <select aria-label={t('web.referrals.category')} value={category} onChange={(e) => setCategory(e.target.value as ServiceCategory | '')}>
        <option value="">{t('web.referrals.allCategories')}</option>
        {SERVICE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`web.referrals.categories.${c}`)}</option>)}
      </select>
      <ul className="case-list">
        {list.data?.items.map((s) => (
          <li key={s.id} className="case-card">
            <strong>{currentLang() === 'bn' ? (s.name.local ?? s.name.en) : s.name.en}</strong> · {t(`web.referrals.categories.${s.category}`)}
            <p className="meta">{s.provider.name} · {s.place.name ?? t('web.services.national')}{s.contact.phone ? ` · ${s.contact.phone}` : ''}</p>
            {s.description ? <p>{s.description}</p> : null}
          </li>
        ))}
      </ul>
      {hasPermission(session.data, 'services.manage') ? (
        <form className="card" onSubmit={add} noValidate>
          <h2>{t('web.services.add')}</h2>
          <p className="hint">{t('web.services.provider', { name: me?.organisation.name ?? '' })}</p>
          <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
          <Field label={t('web.admin.nameEn')} name="nameEn" error={error?.fields.nameEn} />
          <Field label={t('web.admin.nameLocal')} name="nameLocal" lang="bn" />
          <div className="field">
            <label htmlFor="f-svc-cat">{t('web.referrals.category')}</label>
            <select id="f-svc-cat" name="category">{SERVICE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`web.referrals.categories.${c}`)}</option>)}</select>
          </div>
          <Field label={t('web.services.description')} name="description" lang="en" />
          <Field label={t('web.services.descriptionLocal')} name="descriptionLocal" lang="bn" />
          <div className="field"><span>{t('web.services.where')}</span><UnitPicker level={3} value={place} onChange={setPlace} /></div>
          <Field label={t('web.family.phone')} name="contactPhone" type="tel" error={error?.fields.contactPhone} />
          <button type="submit" className="primary">{t('web.common.save')}</button>
        </form>
      ) : null}
    </div>
  );
}
