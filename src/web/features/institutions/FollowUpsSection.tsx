import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FollowUpItem } from '../../../shared/institutions.js';
import { FOLLOWUP_OUTCOMES } from '../../../shared/values.js';
import { call, choiceField, field, optionalField } from '../../api.js';
import { useFormSubmit } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { date } from '../../i18n.js';

/**
 * The reintegration follow-up visits of children who left the facility for a family, a carer
 * or a job: those not made yet, overdue first; the staff record each visit and what it found.
 */
export function FollowUpsSection({ facilityId, mayRecord, today }: { facilityId: string; mayRecord: boolean; today: string }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['follow-ups', facilityId], queryFn: () => call('GET /api/v1/facilities/:id/follow-ups', { params: { id: facilityId }, query: { status: 'due' } }) });
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="fu-h">
      <h2 id="fu-h">{t('web.institutions.followUps')}</h2>
      {list.isSuccess && items.length === 0 ? <p className="hint">{t('web.institutions.noFollowUps')}</p> : null}
      <ul className="plain" data-follow-ups>
        {items.map((f) => <FollowUpRow key={f.id} f={f} facilityId={facilityId} mayRecord={mayRecord} today={today} />)}
      </ul>
    </section>
  );
}

function FollowUpRow({ f, facilityId, mayRecord, today }: { f: FollowUpItem; facilityId: string; mayRecord: boolean; today: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li data-follow-up={f.child.name}>
      {f.overdue ? <span className="badge-overdue">{t('web.institutions.overdue')}</span> : null} <strong>{f.child.name}</strong>
      {' · '}{t('web.institutions.followUpDue', { date: date(f.dueOn) })}
      {' · '}{t(`web.institutions.endReasons.${f.endReason}`)}, {t('web.institutions.leftOn', { date: date(f.dischargedOn) })}
      {f.case ? <> · <Link to="/cases/$id" params={{ id: f.case.id }}>{f.case.number}</Link></> : null}
      {mayRecord ? <> <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('web.institutions.recordVisit')}</button></> : null}
      {open ? <VisitForm f={f} facilityId={facilityId} today={today} /> : null}
    </li>
  );
}

function VisitForm({ f, facilityId, today }: { f: FollowUpItem; facilityId: string; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, submit } = useFormSubmit(async (form) => {
    await call('POST /api/v1/follow-ups/:id/visit', { params: { id: f.id }, body: { visitedOn: field(form, 'visitedOn'), outcome: choiceField<(typeof FOLLOWUP_OUTCOMES)[number]>(form, 'outcome'), note: optionalField(form, 'note') } });
    await qc.invalidateQueries({ queryKey: ['follow-ups', facilityId] });
  });
  return (
    <form onSubmit={submit} noValidate className="card" aria-label={t('web.institutions.recordVisit')}>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <div className="field"><label htmlFor={`fu-on-${f.id}`}>{t('web.institutions.visitedOnLabel')}</label><input id={`fu-on-${f.id}`} name="visitedOn" type="date" defaultValue={today} required /></div>
      <div className="field">
        <label htmlFor={`fu-out-${f.id}`}>{t('web.institutions.outcome')}</label>
        <select id={`fu-out-${f.id}`} name="outcome" defaultValue="settled">
          {FOLLOWUP_OUTCOMES.map((o) => <option key={o} value={o}>{t(`web.institutions.outcomes.${o}`)}</option>)}
        </select>
      </div>
      <div className="field"><label htmlFor={`fu-note-${f.id}`}>{t('web.institutions.note')}</label><textarea id={`fu-note-${f.id}`} name="note" maxLength={2000} /></div>
      <button type="submit" className="primary">{t('web.institutions.recordVisitSubmit')}</button>
    </form>
  );
}
