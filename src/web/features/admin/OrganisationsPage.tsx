import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrganisationType } from '../../../shared/admin.js';
import { ORGANISATION_TYPES } from '../../../shared/values.js';
import { call, field, optionalField, choiceField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { num } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';
import { UnitPicker } from './UnitPicker.js';

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [geoCode, setGeoCode] = useState<string | null>(null);
  const { error, run } = useAction();
  const orgs = useQuery({ queryKey: ['admin', 'orgs', q], queryFn: () => call('GET /api/v1/admin/organisations', { query: { limit: 200, q } }) });
  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    await run(async () => {
      await call('POST /api/v1/admin/organisations', { body: { nameEn: field(f, 'nameEn'), nameLocal: optionalField(f, 'nameLocal') ?? null, type: choiceField<OrganisationType>(f, 'type'), geoCode } });
      form.reset();
      await qc.invalidateQueries({ queryKey: ['admin', 'orgs'] });
    });
  };
  return (
    <div className="page">
      <h1>{t('web.nav.organisations')}</h1>
      <input type="search" aria-label={t('web.common.search')} placeholder={t('web.common.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      {hasPermission(session.data, 'admin.organisations.manage') ? (
        <form className="card" onSubmit={create} noValidate>
          <h2>{t('web.admin.newOrganisation')}</h2>
          <ErrorBanner message={error?.message} />
          <Field label={t('web.admin.nameEn')} name="nameEn" required error={error?.fields.nameEn} />
          <Field label={t('web.admin.nameLocal')} name="nameLocal" lang="bn" error={error?.fields.nameLocal} />
          <div className="field">
            <label htmlFor="f-type">{t('web.admin.type')}</label>
            <select id="f-type" name="type">
              {ORGANISATION_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`web.orgTypes.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <span>{t('web.admin.place')}</span>
            <UnitPicker level={3} value={geoCode} onChange={setGeoCode} />
          </div>
          <button type="submit" className="primary">{t('web.common.save')}</button>
        </form>
      ) : null}
      {/* Wide tables scroll sideways on a phone: focusable, so a keyboard can scroll them too. */}
      <table className="table" tabIndex={0}>
        <thead>
          <tr>
            <th>{t('web.admin.name')}</th>
            <th>{t('web.admin.type')}</th>
            <th>{t('web.admin.place')}</th>
            <th>{t('web.admin.users')}</th>
          </tr>
        </thead>
        <tbody>
          {orgs.data?.items.map((o) => (
            <tr key={o.id}>
              <td>{i18n.language === 'bn' ? (o.nameLocal ?? o.nameEn) : o.nameEn}</td>
              <td>{t(`web.orgTypes.${o.type}`)}</td>
              <td>{o.placeName ?? ''}</td>
              <td>{num(o.userCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
