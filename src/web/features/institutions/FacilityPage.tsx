import { useState } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DISCHARGE_REASONS } from '../../../shared/values.js';
import type { Placement } from '../../../shared/institutions.js';
import { ApiError, call, field, optionalField } from '../../api.js';
import { useFormSubmit } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { currentLang, date, num } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';
import { FollowUpsSection } from './FollowUpsSection.js';
import { InspectionsSection } from './InspectionsSection.js';
import { PhaseForm } from './PhaseForm.js';
import { GrantEnrolButton } from './GrantEnrolButton.js';
import { Occupancy } from './Occupancy.js';

/** One facility: its seats, and for its staff and officers the children in it, deadlines first. */
export function FacilityPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const session = useSession();
  const country = useQuery({ queryKey: ['country'], queryFn: () => call('GET /api/v1/geo/country'), staleTime: Infinity });
  const f = useQuery({ queryKey: ['facility', id], queryFn: () => call('GET /api/v1/facilities/:id', { params: { id } }) });
  const mayRead = f.data?.allowedActions.includes('residents') ?? false;
  const residents = useQuery({ queryKey: ['residents', id], queryFn: () => call('GET /api/v1/facilities/:id/residents', { params: { id } }), enabled: mayRead });
  if (f.error) return <div className="page"><h1>{f.error instanceof ApiError && f.error.status === 404 ? t('web.institutions.notFound') : t('web.errors.failed')}</h1><Link to="/facilities">{t('web.institutions.back')}</Link></div>;
  if (!f.data) return <p>{t('web.common.loading')}</p>;
  const d = f.data;
  const mayPlace = d.allowedActions.includes('admit');
  // The type's care phases, in the reader's language (a Shishu Paribar's four).
  const lang = currentLang();
  const phases = country.data?.institutionTypes.find((it) => it.key === d.type)?.phases?.map((p) => ({ key: p.key, name: p.name[lang] ?? p.name.en ?? p.key })) ?? [];
  const due = residents.data?.items.filter((r) => r.alerts.length > 0) ?? [];
  return (
    <div className="page">
      <p className="toolbar"><Link to="/facilities">{t('web.institutions.back')}</Link></p>
      <h1>{d.name}</h1>
      {d.allowedActions.includes('manage') ? <p><Link className="button" to="/facilities/$id/edit" params={{ id: d.id }}>{t('web.institutions.editFacility')}</Link></p> : null}
      <section className="card">
        <dl className="facts">
          <dt>{t('web.institutions.type')}</dt><dd>{d.typeName}</dd>
          <dt>{t('web.institutions.place')}</dt><dd>{[d.place.name, d.place.district].filter(Boolean).join(' · ')}</dd>
          <dt>{t('web.institutions.operator')}</dt><dd>{d.operator.name}</dd>
          <dt>{t('web.institutions.seats')}</dt><dd><Occupancy occupancy={d.occupancy} seats={d.seats} /></dd>
          <dt>{t('web.institutions.serves')}</dt><dd>{t('web.institutions.ages', { min: num(d.ages.min), max: num(d.ages.max) })} · {t(`web.institutions.sexServed.${d.sexServed}`)}</dd>
          <dt>{t('web.institutions.licence')}</dt><dd>{t(`web.institutions.licences.${d.licence.status}`)}{d.licence.expiresOn ? ` · ${t('web.institutions.expires', { date: date(d.licence.expiresOn) })}` : ''}</dd>
          {d.contact.phone ? <><dt>{t('web.institutions.phone')}</dt><dd>{d.contact.phone}</dd></> : null}
        </dl>
        {mayPlace ? <p className="hint">{t('web.institutions.admitHow')} <Link to="/referrals">{t('web.nav.referrals')}</Link></p> : null}
        {mayPlace && hasPermission(session.data, 'cases.create') ? <p><Link className="button" to="/facilities/admit" search={{ facility: d.id }}>{t('web.institutions.arriving')}</Link></p> : null}
      </section>
      {mayRead || d.allowedActions.includes('manage') ? <InspectionsSection facilityId={id} today={d.today} /> : null}
      {mayRead ? (
        <>
          <section className="card" aria-labelledby="due-h">
            <h2 id="due-h">{t('web.institutions.deadlines')}</h2>
            {due.length === 0 ? <p className="hint">{t('web.institutions.noDeadlines')}</p> : (
              <ul className="plain" data-alerts>
                {due.flatMap((r) => r.alerts.map((a) => (
                  <li key={`${r.id}-${a.rule}`}><span className="badge-overdue">{t(`web.institutions.rules.${a.rule}`)}</span> {r.child.name} · {t('web.institutions.dueBy', { date: date(a.dueOn) })}</li>
                )))}
              </ul>
            )}
          </section>
          <section aria-labelledby="res-h">
            <h2 id="res-h">{t('web.institutions.residents', { n: num(residents.data?.items.length ?? 0) })}</h2>
            {residents.isLoading ? <p>{t('web.common.loading')}</p> : null}
            <ul className="case-list">
              {residents.data?.items.map((r) => <Resident key={r.id} r={r} facilityId={id} mayPlace={mayPlace} mayEnrol={d.allowedActions.includes('enrol')} today={d.today} phases={phases} />)}
            </ul>
          </section>
          <FollowUpsSection facilityId={id} mayRecord={mayPlace} today={d.today} />
        </>
      ) : null}
    </div>
  );
}

function Resident({ r, facilityId, mayPlace, mayEnrol, today, phases }: { r: Placement; facilityId: string; mayPlace: boolean; mayEnrol: boolean; today: string; phases: ReadonlyArray<{ key: string; name: string }> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'transfer' | 'discharge' | 'phase' | null>(null);
  const phase = r.phases.at(-1);
  const laterPhase = phases.length > 0 && phases.at(-1)?.key !== phase?.key;
  return (
    <li className="case-card" data-resident={r.child.name}>
      <strong>{r.child.name}</strong>
      <p className="meta">
        {t(`web.cases.sexes.${r.child.sex}`)}{r.child.ageYears !== null ? ` · ${t('web.cases.age', { ageText: num(r.child.ageYears) })}` : ''} · {t('web.institutions.admittedOn', { date: date(r.admittedOn) })}
        {r.case ? <> · <Link to="/cases/$id" params={{ id: r.case.id }}>{r.case.number}</Link></> : null}
        {r.alerts.map((a) => <span key={a.rule} className="badge-overdue">{t(`web.institutions.rules.${a.rule}`)} · {date(a.dueOn)}</span>)}
      </p>
      <GrantEnrolButton r={r} facilityId={facilityId} mayEnrol={mayEnrol} today={today} />
      {phase ? <p className="meta" data-phase={phase.key}>{t('web.institutions.phaseSince', { phase: phase.name, date: date(phase.startedOn) })}</p> : null}
      {mayPlace ? (
        <div className="toolbar">
          <button type="button" aria-expanded={open === 'transfer'} onClick={() => setOpen(open === 'transfer' ? null : 'transfer')}>{t('web.institutions.transfer')}</button>
          <button type="button" aria-expanded={open === 'discharge'} onClick={() => setOpen(open === 'discharge' ? null : 'discharge')}>{t('web.institutions.discharge')}</button>
          {laterPhase ? <button type="button" aria-expanded={open === 'phase'} onClick={() => setOpen(open === 'phase' ? null : 'phase')}>{t('web.institutions.nextPhase')}</button> : null}
        </div>
      ) : null}
      {open === 'transfer' ? <TransferForm r={r} facilityId={facilityId} today={today} /> : null}
      {open === 'discharge' ? <DischargeForm r={r} facilityId={facilityId} today={today} /> : null}
      {open === 'phase' ? <PhaseForm r={r} phases={phases} facilityId={facilityId} today={today} /> : null}
    </li>
  );
}

/** Moves the child to another facility: the seats there are shown, and taking a full one needs a reason. */
function TransferForm({ r, facilityId, today }: { r: Placement; facilityId: string; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const options = useQuery({ queryKey: ['facilities', 'pick', text], queryFn: () => call('GET /api/v1/facilities', { query: { q: text.trim(), limit: 20 } }), enabled: text.trim().length >= 2 });
  const { error, submit } = useFormSubmit(async (form) => {
    await call('POST /api/v1/placements/:id/transfer', { params: { id: r.id }, body: { toFacilityId: to, on: field(form, 'on'), reason: field(form, 'reason'), overrideReason: optionalField(form, 'overrideReason') } });
    await qc.invalidateQueries({ queryKey: ['residents', facilityId] });
    await qc.invalidateQueries({ queryKey: ['facility'] });
  });
  return (
    <form onSubmit={submit} noValidate className="card" aria-label={t('web.institutions.transfer')}>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <div className="field">
        <label htmlFor={`to-q-${r.id}`}>{t('web.institutions.toFacility')}</label>
        <input id={`to-q-${r.id}`} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('web.institutions.search')} />
        <select aria-label={t('web.institutions.toFacility')} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('web.institutions.choose')}</option>
          {options.data?.items.filter((f) => f.id !== facilityId).map((f) => <option key={f.id} value={f.id}>{f.name} · {t('web.institutions.occupancy', { occupancy: num(f.occupancy), seats: num(f.seats) })}</option>)}
        </select>
      </div>
      <div className="field"><label htmlFor={`to-on-${r.id}`}>{t('web.institutions.on')}</label><input id={`to-on-${r.id}`} name="on" type="date" defaultValue={today} required /></div>
      <div className="field"><label htmlFor={`to-why-${r.id}`}>{t('web.institutions.transferReason')}</label><textarea id={`to-why-${r.id}`} name="reason" required minLength={10} /></div>
      <div className="field"><label htmlFor={`to-ovr-${r.id}`}>{t('web.institutions.overrideReason')}</label><textarea id={`to-ovr-${r.id}`} name="overrideReason" /></div>
      <button type="submit" className="primary">{t('web.institutions.transferSubmit')}</button>
    </form>
  );
}

function DischargeForm({ r, facilityId, today }: { r: Placement; facilityId: string; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, submit } = useFormSubmit(async (form) => {
    await call('POST /api/v1/placements/:id/discharge', { params: { id: r.id }, body: { reason: field(form, 'reason') as (typeof DISCHARGE_REASONS)[number], on: field(form, 'on'), note: optionalField(form, 'note') } });
    await qc.invalidateQueries({ queryKey: ['residents', facilityId] });
    await qc.invalidateQueries({ queryKey: ['follow-ups', facilityId] });
    await qc.invalidateQueries({ queryKey: ['facility', facilityId] });
  });
  return (
    <form onSubmit={submit} noValidate className="card" aria-label={t('web.institutions.discharge')}>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <div className="field">
        <label htmlFor={`dc-why-${r.id}`}>{t('web.institutions.dischargeReason')}</label>
        <select id={`dc-why-${r.id}`} name="reason" defaultValue="family_reunification">
          {DISCHARGE_REASONS.map((x) => <option key={x} value={x}>{t(`web.institutions.endReasons.${x}`)}</option>)}
        </select>
      </div>
      <div className="field"><label htmlFor={`dc-on-${r.id}`}>{t('web.institutions.on')}</label><input id={`dc-on-${r.id}`} name="on" type="date" defaultValue={today} required /></div>
      <div className="field"><label htmlFor={`dc-note-${r.id}`}>{t('web.institutions.note')}</label><textarea id={`dc-note-${r.id}`} name="note" /></div>
      <button type="submit" className="primary">{t('web.institutions.dischargeSubmit')}</button>
    </form>
  );
}
