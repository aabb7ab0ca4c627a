import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Sex, RiskLevel, CaseSource } from '../../../shared/cases.js';
import { CASE_SOURCES, RISK_LEVELS } from '../../../shared/values.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { currentLang } from '../../i18n.js';
import { UnitPicker } from '../admin/UnitPicker.js';
import { call, choiceField, field, newIdempotencyKey, optionalField } from '../../api.js';
import { useTaxonomies } from './useTaxonomies.js';
import { ConcernPicker } from './ConcernPicker.js';
import { PossibleChildren } from './PossibleChildren.js';

/** SOP step 1, identification and registration: the child, the concerns, the risk. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tax = useTaxonomies();
  const [place, setPlace] = useState<string | null>(null);
  // The upazila the place lies in: where possible existing children are looked for.
  const [area, setArea] = useState<string | null>(null);
  const [concerns, setConcerns] = useState<string[]>([]);
  const [nameForMatch, setNameForMatch] = useState('');
  const [ageForMatch, setAgeForMatch] = useState<number | null>(null);
  const [sexForMatch, setSexForMatch] = useState<Sex>('female');
  // A person already on record the worker says this child is: the new case joins that person.
  const [linkTo, setLinkTo] = useState<string | null>(null);
  const { error, run } = useAction();
  const [busy, setBusy] = useState(false);
  // One key for this registration: pressing Save again after a lost answer returns the case
  // already made instead of registering the child twice.
  const idempotencyKey = useRef(newIdempotencyKey());
  const today = new Date().toISOString().slice(0, 10);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const names = [f.get('nameBn'), f.get('nameEn')].map((v) => String(v ?? '').trim()).filter(Boolean).map((text) => ({ text, kind: 'full' as const }));
    const age = String(f.get('ageYears') ?? '');
    const dob = String(f.get('dateOfBirth') ?? '');
    setBusy(true);
    await run(async () => {
      const created = await call('POST /api/v1/cases', {
        idempotencyKey: idempotencyKey.current,
        body: {
          child: {
            names, sex: choiceField<Sex>(f, 'sex'), ...(dob ? { dateOfBirth: dob } : {}), ...(age ? { ageYears: Number(age) } : {}), geoCode: place ?? '',
            disabilities: f.getAll('disabilities').map(String), vulnerableGroups: f.getAll('vulnerableGroups').map(String), addressDetail: optionalField(f, 'addressDetail'),
            ...(linkTo ? { linkTo } : {}),
          },
          concerns, riskLevel: choiceField<RiskLevel>(f, 'riskLevel'), source: choiceField<CaseSource>(f, 'source'), reportedOn: field(f, 'reportedOn'), summary: optionalField(f, 'summary'),
        },
      });
      await navigate({ to: '/cases/$id', params: { id: created.id } });
    });
    setBusy(false);
  };
  const lang = currentLang();
  const fe = error?.fields ?? {};
  return (
    <div className="page">
      <h1>{t('web.cases.new')}</h1>
      <form className="card" onSubmit={submit} noValidate>
        <ErrorBanner message={error?.message} />
        <fieldset>
          <legend>{t('web.cases.child')}</legend>
          <Field label={t('web.cases.nameBn')} name="nameBn" lang="bn" error={fe['child.names']} onBlur={(e) => setNameForMatch(e.currentTarget.value)} />
          <Field label={t('web.cases.nameEn')} name="nameEn" lang="en" onBlur={(e) => { if (!nameForMatch.trim()) setNameForMatch(e.currentTarget.value); }} />
          <div className="field">
            <label htmlFor="f-sex">{t('web.cases.sex')}</label>
            <select id="f-sex" name="sex" defaultValue="female" onChange={(e) => setSexForMatch(e.currentTarget.value as Sex)}>
              {['female', 'male', 'other', 'unknown'].map((s) => <option key={s} value={s}>{t(`web.cases.sexes.${s}`)}</option>)}
            </select>
          </div>
          <div className="pair">
            <Field label={t('web.cases.dateOfBirth')} name="dateOfBirth" type="date" max={today} error={fe['child.dateOfBirth']}
              onChange={(e) => { const v = e.currentTarget.value; if (v) setAgeForMatch(Math.floor((Date.now() - Date.parse(v)) / (365.25 * 86400_000))); }} />
            <Field label={t('web.cases.ageYears')} name="ageYears" type="number" min={0} max={25} inputMode="numeric" error={fe['child.ageYears']}
              onChange={(e) => setAgeForMatch(e.currentTarget.value ? Number(e.currentTarget.value) : null)} />
          </div>
          <div className="field">
            <span id="place-label">{t('web.cases.placeUnion')}</span>
            <UnitPicker minLevel={3} value={place} label={t('web.cases.placeUnion')} onChange={(code, unit) => { setPlace(code); setArea(unit ? (unit.level === 3 ? unit.code : (unit.within.find((w) => w.level === 3)?.code ?? null)) : null); }} />
            {fe['child.geoCode'] ? <p className="field-error" role="alert">{fe['child.geoCode']}</p> : null}
          </div>
          <PossibleChildren name={nameForMatch} area={area} age={ageForMatch} sex={sexForMatch} chosen={linkTo} onChoose={setLinkTo} />
          {fe['child.linkTo'] ? <p className="field-error" role="alert">{fe['child.linkTo']}</p> : null}
          <Field label={t('web.cases.addressDetail')} name="addressDetail" />
          <details>
            <summary>{t('web.cases.disabilities')}</summary>
            {tax.data?.disabilities.map((d) => (
              <label key={d.code} className="check"><input type="checkbox" name="disabilities" value={d.code} /> {d.label[lang] ?? d.label.en}</label>
            ))}
          </details>
          <details>
            <summary>{t('web.cases.vulnerable')}</summary>
            {tax.data?.vulnerableGroups.map((v) => (
              <label key={v.code} className="check"><input type="checkbox" name="vulnerableGroups" value={v.code} /> {v.label[lang] ?? v.label.en}</label>
            ))}
          </details>
        </fieldset>
        <fieldset>
          <legend>{t('web.cases.case')}</legend>
          <ConcernPicker concerns={tax.data?.concerns ?? []} value={concerns} onChange={setConcerns} error={fe.concerns ?? fe['concerns.0']} />
          <div className="field">
            <label htmlFor="f-risk">{t('web.cases.risk')}</label>
            <select id="f-risk" name="riskLevel" defaultValue="medium">
              {RISK_LEVELS.map((r) => <option key={r} value={r}>{t(`web.cases.riskLevels.${r}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-source">{t('web.cases.source')}</label>
            <select id="f-source" name="source" defaultValue="outreach">
              {CASE_SOURCES.map((s) => <option key={s} value={s}>{t(`web.cases.sources.${s}`)}</option>)}
            </select>
          </div>
          <Field label={t('web.cases.reportedOn')} name="reportedOn" type="date" defaultValue={today} max={today} error={fe.reportedOn} />
          <div className="field">
            <label htmlFor="f-summary">{t('web.cases.summary')}</label>
            <textarea id="f-summary" name="summary" rows={4} maxLength={4000} />
          </div>
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>{busy ? t('web.common.wait') : t('web.cases.register')}</button>
      </form>
    </div>
  );
}
