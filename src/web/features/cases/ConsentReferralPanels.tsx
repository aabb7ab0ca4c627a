import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Service, ServiceCategory, ConsentInput } from '../../../shared/referrals.js';
import { CONSENT_PURPOSES, TEXT_LIMITS } from '../../../shared/values.js';
import { call, field, optionalField, choiceField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { useReasonDialog } from '../../components/ReasonDialog.js';
import { currentLang, date } from '../../i18n.js';


/** Consent and assent per purpose; workers on the case record and withdraw them. */
export function ConsentPanel({ caseId, canWork }: { caseId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['consents', caseId], queryFn: () => call('GET /api/v1/cases/:id/consents', { params: { id: caseId } }) });
  const { error, run } = useAction();
  const { ask, dialog } = useReasonDialog();
  // What a referral would share depends on consent: the referral form's preview follows it.
  const refresh = () => Promise.all(['consents', 'case', 'referral-preview'].map((key) => qc.invalidateQueries({ queryKey: [key, caseId] })));
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    await run(async () => {
      await call('POST /api/v1/cases/:id/consents', { params: { id: caseId }, body: { purpose: choiceField<ConsentInput['purpose']>(f, 'purpose'), givenBy: choiceField<ConsentInput['givenBy']>(f, 'givenBy'), giverName: optionalField(f, 'giverName'), childAssent: f.get('childAssent') === 'on', givenOn: field(f, 'givenOn') } });
      await refresh();
    });
  };
  const withdraw = async (id: string) => {
    const note = await ask(t('web.consent.withdrawNote'), TEXT_LIMITS.withdrawalNote);
    if (!note) return;
    await run(async () => {
      await call('POST /api/v1/cases/:id/consents/:consentId/withdraw', { params: { id: caseId, consentId: id }, body: { note } });
      await refresh();
    });
  };
  return (
    <section className="card">
      <h2>{t('web.consent.title')}</h2>
      {dialog}
      <ErrorBanner message={error?.message} />
      <ul className="plain">
        {list.data?.items.map((c) => (
          <li key={c.id} className={c.active ? '' : 'muted'}>
            <strong>{t(`web.consent.purposes.${c.purpose}`)}</strong> · {t(`web.consent.givers.${c.givenBy}`)}{c.giverName ? ` (${c.giverName})` : ''} · {date(c.givenOn)}
            {c.childAssent ? ` · ${t('web.consent.assent')}` : ''}
            {c.active ? (canWork ? <> <button type="button" onClick={() => withdraw(c.id)}>{t('web.consent.withdraw')}</button></> : null) : ` · ${t('web.consent.withdrawn')} ${date(c.withdrawnAt ?? '')}`}
          </li>
        ))}
      </ul>
      {canWork ? (
        <form onSubmit={add} className="inline-form" noValidate>
          <select name="purpose" aria-label={t('web.consent.purpose')}>{CONSENT_PURPOSES.map((p) => <option key={p} value={p}>{t(`web.consent.purposes.${p}`)}</option>)}</select>
          <select name="givenBy" aria-label={t('web.consent.givenBy')}>{['child', 'parent', 'guardian', 'caregiver', 'court'].map((g) => <option key={g} value={g}>{t(`web.consent.givers.${g}`)}</option>)}</select>
          <Field label={t('web.consent.giverName')} name="giverName" />
          <Field label={t('web.consent.givenOn')} name="givenOn" type="date" defaultValue={new Date().toISOString().slice(0, 10)} error={error?.fields.givenOn} />
          <label className="check"><input type="checkbox" name="childAssent" /> {t('web.consent.assent')}</label>
          <button type="submit">{t('web.consent.record')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** Referrals of the case and, for its workers, a referral to a service in the directory. */
export function ReferralPanel({ caseId, canWork, place }: { caseId: string; canWork: boolean; place: string | null }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['referrals', caseId], queryFn: () => call('GET /api/v1/cases/:id/referrals', { params: { id: caseId } }) });
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  // Only services that reach the child's area, nearest first (union, upazila, district, national).
  const services = useQuery({
    queryKey: ['services', category, place],
    queryFn: () => call('GET /api/v1/services', { query: { category: category || undefined, place: place ?? undefined } }),
    enabled: canWork,
  });
  // Before sending: exactly what the provider will receive, and what is held back and why.
  const preview = useQuery({ queryKey: ['referral-preview', caseId], queryFn: () => call('GET /api/v1/cases/:id/referral-preview', { params: { id: caseId } }), enabled: canWork });
  const { error, run } = useAction();
  const { ask, dialog } = useReasonDialog();
  const withdraw = async (referralId: string) => {
    const reason = await ask(t('web.referrals.withdrawReason'), TEXT_LIMITS.reason);
    if (!reason) return;
    await run(async () => {
      await call('POST /api/v1/cases/:id/referrals/:referralId/withdraw', { params: { id: caseId, referralId }, body: { reason } });
      await Promise.all([qc.invalidateQueries({ queryKey: ['referrals', caseId] }), qc.invalidateQueries({ queryKey: ['case', caseId] })]);
    });
  };
  const refer = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    await run(async () => {
      await call('POST /api/v1/cases/:id/referrals', { params: { id: caseId }, body: { serviceId: field(f, 'serviceId'), reason: field(f, 'reason') } });
      form.reset();
      await Promise.all([qc.invalidateQueries({ queryKey: ['referrals', caseId] }), qc.invalidateQueries({ queryKey: ['case', caseId] })]);
    });
  };
  const name = (s: Service) => (currentLang() === 'bn' ? (s.name.local ?? s.name.en) : s.name.en);
  return (
    <section className="card">
      <h2>{t('web.referrals.title')}</h2>
      <ul className="plain">
        {list.data?.items.map((r) => (
          <li key={r.id} className={`referral status-${r.status}`}>
            <strong>{r.service.name}</strong> · {r.provider.name} · <span className="tag small">{t(`web.referrals.statuses.${r.status}`)}</span> <small>{date(r.createdAt)}</small>
            {r.responseReason ? <p className="hint">{t('web.referrals.declinedBecause')}: {r.responseReason}</p> : null}
            {r.feedback ? <p className="hint">{t('web.referrals.feedback')}: {r.feedback}</p> : null}
            {!r.shared.consented ? <p className="hint">{t('web.referrals.noConsent')}</p> : null}
            {r.allowedActions.includes('withdraw') ? <button type="button" className="small" onClick={() => void withdraw(r.id)}>{t('web.referrals.withdraw')}</button> : null}
          </li>
        ))}
      </ul>
      {dialog}
      {canWork ? (
        <form onSubmit={refer} noValidate>
          <ErrorBanner message={error?.message} />
          <div className="field">
            <label htmlFor="f-category">{t('web.referrals.category')}</label>
            <select id="f-category" value={category} onChange={(e) => setCategory(e.target.value as ServiceCategory | '')}>
              <option value="">{t('web.referrals.allCategories')}</option>
              {['health', 'psychosocial', 'legal_aid', 'education', 'shelter', 'family_tracing', 'disability', 'social_allowance', 'livelihood', 'other'].map((c) => <option key={c} value={c}>{t(`web.referrals.categories.${c}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-service">{t('web.referrals.service')}</label>
            <select id="f-service" name="serviceId">{services.data?.items.map((s) => <option key={s.id} value={s.id}>{name(s)} · {s.provider.name}</option>)}</select>
          </div>
          <div className="field">
            <label htmlFor="f-reason">{t('web.referrals.reason')}</label>
            <textarea id="f-reason" name="reason" rows={2} />
            {error?.fields.reason ? <p className="field-error" role="alert">{error.fields.reason}</p> : null}
          </div>
          {preview.data ? (
            <div className="share-preview" aria-live="polite">
              <p><strong>{t('web.referrals.willShare')}</strong> {[t('web.referrals.parts.caseNumber'), t('web.referrals.parts.reason'), ...(preview.data.shared.caseworker ? [t('web.referrals.parts.caseworker')] : []),
                ...(preview.data.withheld.length ? [] : [t('web.referrals.parts.child'), t('web.referrals.parts.concerns'), t('web.referrals.parts.place')])].join(', ')}.</p>
              {preview.data.withheld.length ? (
                <p className="hint"><strong>{t('web.referrals.willNotShare')}</strong> {preview.data.withheld.map((w) => t(`web.referrals.parts.${w}`)).join(', ')}: {t(`web.referrals.because.${preview.data.because}`)}</p>
              ) : null}
            </div>
          ) : null}
          <button type="submit">{t('web.referrals.send')}</button>
        </form>
      ) : null}
    </section>
  );
}
