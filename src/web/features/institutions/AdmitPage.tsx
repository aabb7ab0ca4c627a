import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ADMISSION_BASES } from '../../../shared/values.js';
import { call, field, optionalField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { num } from '../../i18n.js';

/**
 * Admits the child of a case: opened from a referral to the facility (its staff do not see the
 * case file) or from a case one may see. Over the seats or outside the ages served, the form
 * asks why; the reason is kept with the stay.
 */
export function AdmitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const params = new URLSearchParams(window.location.search);
  const referralId = params.get('referral') ?? undefined;
  const caseId = params.get('case') ?? undefined;
  const mine = useQuery({ queryKey: ['facilities', 'mine'], queryFn: () => call('GET /api/v1/institutions/mine') });
  const [basis, setBasis] = useState<(typeof ADMISSION_BASES)[number]>('case');
  const [facilityId, setFacilityId] = useState('');
  const chosen = facilityId || mine.data?.items[0]?.id || '';
  // Today by the platform's clock (a training installation's may be ahead of this device's).
  const detail = useQuery({ queryKey: ['facility', chosen], queryFn: () => call('GET /api/v1/facilities/:id', { params: { id: chosen } }), enabled: Boolean(chosen) });
  const { error, run } = useAction();
  if (!referralId && !caseId) return <div className="page"><h1>{t('web.institutions.admit')}</h1><p className="hint">{t('web.institutions.admitHow')} <Link to="/referrals">{t('web.nav.referrals')}</Link></p></div>;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    await run(async () => {
      await call('POST /api/v1/placements', { body: {
        facilityId: chosen, ...(referralId ? { referralId } : { caseId }), basis, orderReference: optionalField(form, 'orderReference'),
        admittedOn: field(form, 'admittedOn'), overrideReason: optionalField(form, 'overrideReason'),
      } });
      // The facility's occupancy and residents have changed: no stale count on the next page.
      await qc.invalidateQueries({ queryKey: ['facility'] });
      await qc.invalidateQueries({ queryKey: ['facilities'] });
      await navigate({ to: '/facilities/$id', params: { id: chosen } });
    });
  };
  const fieldError = (name: string) => error?.fields[name];
  return (
    <div className="page">
      <h1>{t('web.institutions.admit')}</h1>
      <form onSubmit={submit} noValidate className="card">
        <ErrorBanner message={error ? error.message : null} />
        <div className="field">
          <label htmlFor="f-facility">{t('web.institutions.facility')}</label>
          <select id="f-facility" value={chosen} onChange={(e) => setFacilityId(e.target.value)} required>
            {mine.data?.items.map((f) => <option key={f.id} value={f.id}>{f.name} · {t('web.institutions.occupancy', { occupancy: num(f.occupancy), seats: num(f.seats) })}</option>)}
          </select>
          {fieldError('facilityId') ? <p className="field-error" role="alert">{fieldError('facilityId')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="f-basis">{t('web.institutions.basis')}</label>
          <select id="f-basis" value={basis} onChange={(e) => setBasis(e.target.value as typeof basis)}>
            {ADMISSION_BASES.map((b) => <option key={b} value={b}>{t(`web.institutions.bases.${b}`)}</option>)}
          </select>
        </div>
        {basis === 'court_order' || basis === 'police_order' ? (
          <div className="field">
            <label htmlFor="f-order">{t('web.institutions.orderReference')}</label>
            <input id="f-order" name="orderReference" required maxLength={100} />
            {fieldError('orderReference') ? <p className="field-error" role="alert">{fieldError('orderReference')}</p> : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="f-on">{t('web.institutions.admittedOnLabel')}</label>
          {/* Keyed by the date: the field fills in once the platform's today has arrived. */}
          <input key={detail.data?.today ?? ''} id="f-on" name="admittedOn" type="date" defaultValue={detail.data?.today} required />
          {fieldError('admittedOn') ? <p className="field-error" role="alert">{fieldError('admittedOn')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="f-override">{t('web.institutions.overrideReason')}</label>
          <textarea id="f-override" name="overrideReason" aria-describedby="f-override-hint" />
          <p className="hint" id="f-override-hint">{t('web.institutions.overrideHint')}</p>
          {fieldError('overrideReason') ? <p className="field-error" role="alert">{fieldError('overrideReason')}</p> : null}
        </div>
        <button type="submit" className="primary">{t('web.institutions.admitSubmit')}</button>
      </form>
    </div>
  );
}
