import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FacilityInspections } from '../../../shared/inspections.js';
import { call, field, optionalField } from '../../api.js';
import { useAction, useFormSubmit } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { date, num } from '../../i18n.js';

/**
 * A facility against the care standards: the latest score and when the next inspection is due,
 * the scores over time, the corrective actions still open (closed here by the staff or the
 * office), and for the district office the inspection form.
 */
export function InspectionsSection({ facilityId, today }: { facilityId: string; today: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const data = useQuery({ queryKey: ['inspections', facilityId], queryFn: () => call('GET /api/v1/facilities/:id/inspections', { params: { id: facilityId } }) });
  if (!data.data) return null;
  const d = data.data;
  const latest = d.inspections[0];
  const openActions = d.inspections.flatMap((i) => i.actions.filter((a) => !a.doneOn));
  return (
    <section className="card" aria-labelledby="insp-h" data-inspections>
      <h2 id="insp-h">{t('web.institutions.inspections')}</h2>
      {latest ? <p data-score={latest.score}><strong>{t('web.institutions.score', { score: num(latest.score) })}</strong> · {date(latest.inspectedOn)}</p> : <p className="hint">{t('web.institutions.noInspection')}</p>}
      {d.nextDueOn ? <p>{d.overdue ? <span className="badge-overdue">{t('web.institutions.overdue')}</span> : null} {t('web.institutions.nextInspection', { date: date(d.nextDueOn) })}</p> : null}
      {d.inspections.length > 1 ? (
        <>
          <h3>{t('web.institutions.history')}</h3>
          <ul className="plain">{d.inspections.map((i) => <li key={i.id}>{t('web.institutions.inspectionOn', { date: date(i.inspectedOn), score: num(i.score) })}</li>)}</ul>
        </>
      ) : null}
      {openActions.length ? (
        <>
          <h3>{t('web.institutions.openActions')}</h3>
          <ul className="plain" data-actions>
            {openActions.map((a) => <ActionRow key={a.id} a={a} facilityId={facilityId} today={today} mayComplete={d.allowedActions.includes('complete_action')} />)}
          </ul>
        </>
      ) : null}
      {d.allowedActions.includes('inspect') ? <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('web.institutions.recordInspection')}</button> : null}
      {open ? <InspectionForm d={d} facilityId={facilityId} today={today} onDone={() => setOpen(false)} /> : null}
    </section>
  );
}

function ActionRow({ a, facilityId, today, mayComplete }: { a: FacilityInspections['inspections'][number]['actions'][number]; facilityId: string; today: string; mayComplete: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, run } = useAction();
  const done = () => run(async () => {
    await call('POST /api/v1/inspection-actions/:id/done', { params: { id: a.id }, body: { doneOn: today } });
    await qc.invalidateQueries({ queryKey: ['inspections', facilityId] });
  });
  return (
    <li>
      {a.overdue ? <span className="badge-overdue">{t('web.institutions.overdue')}</span> : null} {a.description} · {t('web.institutions.actionDue', { date: date(a.dueOn) })}
      {mayComplete ? <> <button type="button" onClick={() => void done()}>{t('web.institutions.markDone')}</button></> : null}
      {error ? <p className="field-error" role="alert">{error.message}</p> : null}
    </li>
  );
}

/** Every standard of the checklist, met or not, with a note; corrective actions one per line. */
function InspectionForm({ d, facilityId, today, onDone }: { d: FacilityInspections; facilityId: string; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, submit: send } = useFormSubmit(async (form) => {
    const dueOn = optionalField(form, 'actionsDue') ?? today;
    const actions = (optionalField(form, 'actions') ?? '').split('\n').map((l) => l.trim()).filter(Boolean).map((description) => ({ description, dueOn }));
    await call('POST /api/v1/facilities/:id/inspections', { params: { id: facilityId }, body: {
      inspectedOn: field(form, 'inspectedOn'), summary: optionalField(form, 'summary'), actions,
      findings: d.standards.map((s) => ({ code: s.code, met: form.get(`met-${s.code}`) === 'on', note: optionalField(form, `note-${s.code}`) })),
    } });
    await qc.invalidateQueries({ queryKey: ['inspections', facilityId] });
  });
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    if (await send(e)) onDone();
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-label={t('web.institutions.recordInspection')}>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <div className="field"><label htmlFor="insp-on">{t('web.institutions.inspectedOn')}</label><input id="insp-on" name="inspectedOn" type="date" defaultValue={today} required /></div>
      <fieldset>
        <legend>{t('web.institutions.inspections')}</legend>
        {d.standards.map((s) => (
          <div key={s.code} className="field" data-standard={s.code}>
            <label className="check"><input type="checkbox" name={`met-${s.code}`} /> {s.label}</label>
            <input name={`note-${s.code}`} aria-label={t('web.institutions.findingNote', { item: s.label })} maxLength={1000} />
          </div>
        ))}
      </fieldset>
      <div className="field"><label htmlFor="insp-sum">{t('web.institutions.inspectionSummary')}</label><textarea id="insp-sum" name="summary" maxLength={4000} /></div>
      <div className="field"><label htmlFor="insp-act">{t('web.institutions.actionsLabel')}</label><textarea id="insp-act" name="actions" /></div>
      <div className="field"><label htmlFor="insp-due">{t('web.institutions.actionsDue')}</label><input id="insp-due" name="actionsDue" type="date" defaultValue={today} /></div>
      <button type="submit" className="primary">{t('web.institutions.saveInspection')}</button>
    </form>
  );
}
