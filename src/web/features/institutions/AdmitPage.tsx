import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ADMISSION_BASES, SEXES } from '../../../shared/values.js';
import { call, choiceField, field, newIdempotencyKey, optionalField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { num } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';
import { UnitPicker } from '../admin/UnitPicker.js';
import { ConcernPicker } from '../cases/ConcernPicker.js';
import { useTaxonomies } from '../cases/useTaxonomies.js';

type Basis = (typeof ADMISSION_BASES)[number];
type Sex = (typeof SEXES)[number];

/**
 * Admits a child: the child of a case (opened from a referral to the facility, whose staff do
 * not see the case file, or from a case one may see), or a child who arrives with no case (an
 * emergency drop-in, or brought on a court or police order), whose case the admission opens.
 * Over the seats or outside the ages served, the form asks why; the reason is kept with the stay.
 */
export function AdmitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const session = useSession();
  const params = new URLSearchParams(window.location.search);
  const referralId = params.get('referral') ?? undefined;
  const caseId = params.get('case') ?? undefined;
  const arriving = !referralId && !caseId;
  const mine = useQuery({ queryKey: ['facilities', 'mine'], queryFn: () => call('GET /api/v1/institutions/mine') });
  const taxonomies = useTaxonomies();
  const [basis, setBasis] = useState<Basis>(arriving ? 'emergency' : 'case');
  const [facilityId, setFacilityId] = useState(params.get('facility') ?? '');
  const [from, setFrom] = useState<string | null>(null);
  const [concerns, setConcerns] = useState<string[]>([]);
  // One key for this form: a save retried on a bad connection admits the child once.
  const idempotencyKey = useRef(newIdempotencyKey());
  const chosen = facilityId || mine.data?.items[0]?.id || '';
  // Today by the platform's clock (a training installation's may be ahead of this device's).
  const detail = useQuery({ queryKey: ['facility', chosen], queryFn: () => call('GET /api/v1/facilities/:id', { params: { id: chosen } }), enabled: Boolean(chosen) });
  const { error, run } = useAction();
  if (arriving && !hasPermission(session.data, 'cases.create')) {
    return <div className="page"><h1>{t('web.institutions.admit')}</h1><p className="hint">{t('web.institutions.admitHow')} <Link to="/referrals">{t('web.nav.referrals')}</Link></p></div>;
  }
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const age = optionalField(form, 'ageYears');
    const child = arriving ? {
      name: field(form, 'childName'), sex: choiceField<Sex>(form, 'sex'), ...(age ? { ageYears: Number(age) } : {}),
      ...(from ? { geoCode: from } : {}), concerns, summary: optionalField(form, 'summary'),
    } : undefined;
    await run(async () => {
      await call('POST /api/v1/placements', { idempotencyKey: idempotencyKey.current, body: {
        facilityId: chosen, ...(referralId ? { referralId } : caseId ? { caseId } : { child: child! }), basis, orderReference: optionalField(form, 'orderReference'),
        admittedOn: field(form, 'admittedOn'), overrideReason: optionalField(form, 'overrideReason'),
      } });
      // The facility's occupancy and residents have changed: no stale count on the next page.
      await qc.invalidateQueries({ queryKey: ['facility'] });
      await qc.invalidateQueries({ queryKey: ['facilities'] });
      await qc.invalidateQueries({ queryKey: ['residents', chosen] });
      await navigate({ to: '/facilities/$id', params: { id: chosen } });
    });
  };
  const fe = (name: string) => error?.fields[name];
  const concernError = error ? Object.entries(error.fields).find(([k]) => k.startsWith('child.concerns'))?.[1] : undefined;
  return (
    <div className="page">
      <h1>{arriving ? t('web.institutions.arriving') : t('web.institutions.admit')}</h1>
      {arriving ? <p className="hint">{t('web.institutions.arrivingHint')}</p> : null}
      <form onSubmit={submit} noValidate className="card">
        <ErrorBanner message={error ? error.message : null} />
        <div className="field">
          <label htmlFor="f-facility">{t('web.institutions.facility')}</label>
          <select id="f-facility" value={chosen} onChange={(e) => setFacilityId(e.target.value)} required>
            {mine.data?.items.map((f) => <option key={f.id} value={f.id}>{f.name} · {t('web.institutions.occupancy', { occupancy: num(f.occupancy), seats: num(f.seats) })}</option>)}
          </select>
          {fe('facilityId') ? <p className="field-error" role="alert">{fe('facilityId')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="f-basis">{t('web.institutions.basis')}</label>
          <select id="f-basis" value={basis} onChange={(e) => setBasis(e.target.value as Basis)}>
            {ADMISSION_BASES.filter((b) => !arriving || b !== 'case').map((b) => <option key={b} value={b}>{t(`web.institutions.bases.${b}`)}</option>)}
          </select>
        </div>
        {basis === 'court_order' || basis === 'police_order' ? (
          <div className="field">
            <label htmlFor="f-order">{t('web.institutions.orderReference')}</label>
            <input id="f-order" name="orderReference" required maxLength={100} />
            {fe('orderReference') ? <p className="field-error" role="alert">{fe('orderReference')}</p> : null}
          </div>
        ) : null}
        {arriving ? (
          <fieldset>
            <legend>{t('web.cases.child')}</legend>
            <Field label={t('web.institutions.childName')} name="childName" required maxLength={120} autoComplete="off" error={fe('child.name')} />
            <div className="field">
              <label htmlFor="f-sex">{t('web.cases.sex')}</label>
              <select id="f-sex" name="sex" defaultValue="female">
                {SEXES.map((s) => <option key={s} value={s}>{t(`web.cases.sexes.${s}`)}</option>)}
              </select>
            </div>
            <Field label={t('web.institutions.childAge')} name="ageYears" type="number" inputMode="numeric" min={0} max={25} required error={fe('child.ageYears')} />
            <div className="field">
              <UnitPicker minLevel={3} value={from} label={t('web.institutions.childFrom')} onChange={(code) => setFrom(code)} />
              {fe('child.geoCode') ? <p className="field-error" role="alert">{fe('child.geoCode')}</p> : null}
            </div>
            <ConcernPicker concerns={taxonomies.data?.concerns ?? []} value={concerns} onChange={setConcerns} error={concernError} />
            <div className="field">
              <label htmlFor="f-summary">{t('web.institutions.summary')}</label>
              <textarea id="f-summary" name="summary" maxLength={4000} />
            </div>
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor="f-on">{t('web.institutions.admittedOnLabel')}</label>
          {/* Keyed by the date: the field fills in once the platform's today has arrived. */}
          <input key={detail.data?.today ?? ''} id="f-on" name="admittedOn" type="date" defaultValue={detail.data?.today} required />
          {fe('admittedOn') ? <p className="field-error" role="alert">{fe('admittedOn')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="f-override">{t('web.institutions.overrideReason')}</label>
          <textarea id="f-override" name="overrideReason" aria-describedby="f-override-hint" />
          <p className="hint" id="f-override-hint">{t('web.institutions.overrideHint')}</p>
          {fe('overrideReason') ? <p className="field-error" role="alert">{fe('overrideReason')}</p> : null}
        </div>
        <button type="submit" className="primary">{t('web.institutions.admitSubmit')}</button>
      </form>
    </div>
  );
}
