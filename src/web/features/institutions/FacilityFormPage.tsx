import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FacilityDetail } from '../../../shared/institutions.js';
import { LICENCE_STATUSES, SEX_SERVED } from '../../../shared/values.js';
import { call, choiceField, field, newIdempotencyKey, optionalField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { currentLang } from '../../i18n.js';
import { UnitPicker } from '../admin/UnitPicker.js';

type Named = { id: string; name: string };

/** An organisation by typing part of its name (the directory); the chosen one stays listed. */
function OrgPicker({ name, label, value, onChange, error }: { name: string; label: string; value: Named | null; onChange: (o: Named | null) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const id = `f-${name}`;
  const [text, setText] = useState('');
  const found = useQuery({ queryKey: ['organisations', text], queryFn: () => call('GET /api/v1/organisations', { query: { q: text.trim() } }), enabled: text.trim().length >= 2 });
  const options = [...(value ? [value] : []), ...(found.data?.items.filter((o) => o.id !== value?.id).map((o) => ({ id: o.id, name: currentLang() === 'en' ? o.name : (o.nameLocal ?? o.name) })) ?? [])];
  return (
    <div className="field">
      <label htmlFor={`${id}-q`}>{label}</label>
      <input id={`${id}-q`} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
      <select name={name} aria-label={label} value={value?.id ?? ''} onChange={(e) => onChange(options.find((o) => o.id === e.target.value) ?? null)} aria-invalid={Boolean(error)}>
        <option value="">{t('web.institutions.choose')}</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}

/**
 * Registers a facility, or corrects one's record (`/facilities/$id/edit`): the district office's
 * form. The save is the whole record; occupancy is never typed (it is the children placed there).
 */
export function FacilityFormPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const existing = useQuery({ queryKey: ['facility', id], queryFn: () => call('GET /api/v1/facilities/:id', { params: { id: id! } }), enabled: Boolean(id) });
  const { t } = useTranslation();
  if (id && !existing.data) return <p>{t('web.common.loading')}</p>;
  return <FacilityForm key={id ?? 'new'} existing={existing.data} />;
}

function FacilityForm({ existing }: { existing: FacilityDetail | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const lang = currentLang();
  const country = useQuery({ queryKey: ['country'], queryFn: () => call('GET /api/v1/geo/country'), staleTime: Infinity });
  const [place, setPlace] = useState<string | null>(existing?.place.code ?? null);
  const [operator, setOperator] = useState<Named | null>(existing ? existing.operator : null);
  const [staff, setStaff] = useState<Named | null>(existing && existing.staffOrganisation.id !== existing.operator.id ? existing.staffOrganisation : null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const { error, run } = useAction();
  const fe = (name: string) => error?.fields[name];
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const services = (optionalField(form, 'services') ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
    const body = {
      type: field(form, 'type'), nameEn: field(form, 'nameEn'), nameLocal: optionalField(form, 'nameLocal'), operatorId: operator?.id ?? '', organisationId: staff?.id,
      geoCode: place ?? '', sexServed: choiceField<(typeof SEX_SERVED)[number]>(form, 'sexServed'), ageMin: Number(field(form, 'ageMin')), ageMax: Number(field(form, 'ageMax')),
      seats: Number(field(form, 'seats')), services, contactPhone: optionalField(form, 'contactPhone'), contactEmail: optionalField(form, 'contactEmail'),
      licenceStatus: choiceField<(typeof LICENCE_STATUSES)[number]>(form, 'licenceStatus'), licenceExpiresOn: optionalField(form, 'licenceExpiresOn'),
    };
    await run(async () => {
      const saved = existing
        ? await call('PUT /api/v1/facilities/:id', { params: { id: existing.id }, body })
        : await call('POST /api/v1/facilities', { idempotencyKey: idempotencyKey.current, body });
      await qc.invalidateQueries({ queryKey: ['facility'] });
      await qc.invalidateQueries({ queryKey: ['facilities'] });
      await navigate({ to: '/facilities/$id', params: { id: saved.id } });
    });
  };
  return (
    <div className="page">
      <p className="toolbar"><Link to={existing ? '/facilities/$id' : '/facilities'} params={existing ? { id: existing.id } : {}}>{t('web.institutions.back')}</Link></p>
      <h1>{existing ? t('web.institutions.editTitle', { name: existing.name }) : t('web.institutions.newTitle')}</h1>
      <form onSubmit={submit} noValidate className="card">
        <ErrorBanner message={error ? error.message : null} />
        <div className="field">
          <label htmlFor="f-type">{t('web.institutions.type')}</label>
          <select id="f-type" name="type" defaultValue={existing?.type ?? 'ngo_orphanage'}>
            {country.data?.institutionTypes.map((it) => <option key={it.key} value={it.key}>{it.name[lang] ?? it.name.en}</option>)}
          </select>
          {fe('type') ? <p className="field-error" role="alert">{fe('type')}</p> : null}
        </div>
        <Field label={t('web.institutions.nameEn')} name="nameEn" required maxLength={200} defaultValue={existing?.nameEn} error={fe('nameEn')} />
        <Field label={t('web.institutions.nameLocal')} name="nameLocal" maxLength={200} defaultValue={existing?.nameLocal ?? ''} error={fe('nameLocal')} />
        <OrgPicker name="operator" label={t('web.institutions.operatorPick')} value={operator} onChange={setOperator} error={fe('operatorId')} />
        <OrgPicker name="staff" label={t('web.institutions.staffPick')} value={staff} onChange={setStaff} error={fe('organisationId')} />
        <div className="field">
          <UnitPicker minLevel={3} value={place} label={t('web.institutions.placeLabel')} onChange={(code) => setPlace(code)} />
          {fe('geoCode') ? <p className="field-error" role="alert">{fe('geoCode')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="f-sexServed">{t('web.institutions.sexServedLabel')}</label>
          <select id="f-sexServed" name="sexServed" defaultValue={existing?.sexServed ?? 'any'}>
            {SEX_SERVED.map((s) => <option key={s} value={s}>{t(`web.institutions.sexServed.${s}`)}</option>)}
          </select>
        </div>
        <Field label={t('web.institutions.ageMin')} name="ageMin" type="number" inputMode="numeric" min={0} max={30} required defaultValue={existing?.ages.min ?? 6} error={fe('ageMin')} />
        <Field label={t('web.institutions.ageMax')} name="ageMax" type="number" inputMode="numeric" min={0} max={30} required defaultValue={existing?.ages.max ?? 17} error={fe('ageMax')} />
        <Field label={t('web.institutions.seats')} name="seats" type="number" inputMode="numeric" min={0} max={5000} required defaultValue={existing?.seats ?? ''} error={fe('seats')} />
        <div className="field">
          <label htmlFor="f-services">{t('web.institutions.servicesLabel')}</label>
          <textarea id="f-services" name="services" defaultValue={existing?.services.join('\n') ?? ''} />
        </div>
        <Field label={t('web.institutions.phone')} name="contactPhone" type="tel" defaultValue={existing?.contact.phone ?? ''} error={fe('contactPhone')} />
        <Field label={t('web.institutions.emailLabel')} name="contactEmail" type="email" defaultValue={existing?.contact.email ?? ''} error={fe('contactEmail')} />
        <div className="field">
          <label htmlFor="f-licenceStatus">{t('web.institutions.licence')}</label>
          <select id="f-licenceStatus" name="licenceStatus" defaultValue={existing?.licence.status ?? 'licensed'}>
            {LICENCE_STATUSES.map((s) => <option key={s} value={s}>{t(`web.institutions.licences.${s}`)}</option>)}
          </select>
        </div>
        <Field label={t('web.institutions.licenceExpiresLabel')} name="licenceExpiresOn" type="date" defaultValue={existing?.licence.expiresOn ?? ''} error={fe('licenceExpiresOn')} />
        <button type="submit" className="primary">{t('web.institutions.save')}</button>
      </form>
    </div>
  );
}
