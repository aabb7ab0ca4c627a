import { useEffect, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactCompletion, ContactDraft } from '../../../shared/helpline.js';
import { CALLER_RELATIONS, HELPLINE_URGENCIES, SEXES } from '../../../shared/values.js';
import { call } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { date, num } from '../../i18n.js';
import { useSession } from '../../session.js';
import { UnitPicker } from '../admin/UnitPicker.js';
import { CategoryPicker } from './CategoryPicker.js';
import { RepeatCaller } from './RepeatCaller.js';
import { DispatchPanel } from './DispatchPanel.js';
import { CallbackPanel } from './CallbackPanel.js';
import { ReferralPanel } from './ReferralPanel.js';
import { ScreenPop } from './ScreenPop.js';
import { useAutosave } from './useAutosave.js';
import { CaseMatches } from './CaseMatches.js';
import { uuid } from './uuid.js';

const EMPTY: ContactDraft = {
  channel: 'voice', callType: null, urgency: null,
  caller: { anonymous: false, name: '', relation: null, phone: '' },
  child: { anonymous: false, name: '', sex: null, ageYears: null, ageEstimated: false },
  geoCode: null, categories: [], summary: '',
};
const ABOUT_A_CHILD = ['child_self', 'adult_about_child', 'emergency'];

/** A saved contact back into the form (resuming a draft after a reload or from the list). */
function draftOf(c: Contact): ContactDraft {
  return {
    receivedAt: c.receivedAt, channel: c.channel, callType: c.callType, urgency: c.urgency,
    caller: { anonymous: c.caller.anonymous, name: c.caller.name, relation: c.caller.relation, phone: '' },
    child: c.child, geoCode: c.place?.code ?? null, categories: c.categories, summary: c.summary,
  };
}

/**
 * Taking a contact, keyboard first: Alt+1..8 picks the call type, Alt+C goes to the
 * categories, Alt+U to urgency, Alt+P to the place, Alt+R to the service directory, Ctrl+Enter completes. The form is saved
 * on the server as the agent types; the contact's id is in the address, so a reload resumes it.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useQuery({ queryKey: ['helpline', 'form'], queryFn: () => call('GET /api/v1/helpline/form'), staleTime: Infinity });
  const resumeId = new URLSearchParams(window.location.search).get('id');
  const [clientId, setClientId] = useState(uuid);
  const [draft, setDraft] = useState<ContactDraft>({ ...EMPTY, receivedAt: new Date().toISOString() });
  const [touched, setTouched] = useState(false);
  const [resumed, setResumed] = useState(!resumeId);
  const [outcome, setOutcome] = useState<ContactCompletion['outcome'] | null>(null);
  const [linkCaseId, setLinkCaseId] = useState<string | null>(null);
  const [done, setDone] = useState<Contact | null>(null);
  // The last saved contact carries the repeat-caller banner and the dispatches; it stays up while the next save runs.
  const [lastSaved, setLastSaved] = useState<Contact | null>(null);
  const { error, run, reset } = useAction();
  // A contact someone else took (a supervisor following an alert) is shown, not edited.
  const me = useSession().data?.me;
  const [owner, setOwner] = useState<string | null>(null);
  const readOnly = owner !== null && owner !== me?.id;
  const { state, saveNow } = useAutosave(clientId, draft, touched && !done && !readOnly);
  const refs = { categories: useRef<HTMLInputElement>(null), urgency: useRef<HTMLInputElement>(null), place: useRef<HTMLDivElement>(null), callType: useRef<HTMLInputElement>(null), refer: useRef<HTMLInputElement>(null) };

  // Resuming: the saved contact fills the form (its number stays on the server, masked).
  useEffect(() => {
    if (!resumeId) return;
    void call('GET /api/v1/helpline/contacts/:id', { params: { id: resumeId } }).then((c) => {
      setClientId(c.clientId);
      setDraft(draftOf(c));
      setOwner(c.agent?.id ?? null);
      setLastSaved(c);
      if (c.status === 'completed' && c.agent?.id === me?.id) setDone(c);
      setResumed(true);
    }, () => setResumed(true));
  }, [resumeId]);
  useEffect(() => { if (state.kind === 'saved') setLastSaved(state.contact); }, [state]);
  /** The contact as the server has it now: saved first when it is the reader's own draft. */
  const current = async (): Promise<Contact | null> => {
    if (!readOnly) return saveNow();
    const c = await call('GET /api/v1/helpline/contacts/:id', { params: { id: lastSaved!.id } });
    setLastSaved(c);
    return c;
  };
  // The first save puts the contact's id into the address.
  useEffect(() => {
    if (state.kind === 'saved' && !resumeId) window.history.replaceState(window.history.state, '', `${window.location.pathname}?id=${state.contact.id}`);
  }, [state, resumeId]);

  const change = (next: Partial<ContactDraft>) => { setDraft((d) => ({ ...d, ...next })); setTouched(true); };
  const aboutChild = draft.callType !== null && ABOUT_A_CHILD.includes(draft.callType);
  const chosenOutcome = outcome ?? (aboutChild ? 'create_case' : 'none');
  const fe = error?.fields ?? {};

  const finish = async () => {
    reset();
    await run(async () => {
      const saved = await saveNow();
      if (!saved) throw new Error(t('web.helpline.offline'));
      if (chosenOutcome === 'link_case' && !linkCaseId) throw new Error(t('web.helpline.matches.choose'));
      const body: ContactCompletion = chosenOutcome === 'create_case' ? { outcome: 'create_case' } : chosenOutcome === 'link_case' ? { outcome: 'link_case', caseId: linkCaseId! } : { outcome: 'none' };
      const completed = await call('POST /api/v1/helpline/contacts/:id/complete', { params: { id: saved.id }, body });
      setDone(completed);
      await qc.invalidateQueries({ queryKey: ['helpline', 'contacts'] });
    });
  };
  const shortcuts = (e: KeyboardEvent) => {
    if (done || readOnly) return;
    if (e.ctrlKey && e.key === 'Enter') { e.preventDefault(); void finish(); return; }
    if (!e.altKey || !form.data) return;
    const digit = /^Digit([1-9])$/.exec(e.code)?.[1];
    const type = digit ? form.data.callTypes[Number(digit) - 1] : undefined;
    if (type) { e.preventDefault(); change({ callType: type }); document.getElementById(`f-call-${type}`)?.focus(); return; }
    const target = { KeyC: refs.categories, KeyU: refs.urgency, KeyP: refs.place, KeyR: refs.refer }[e.code];
    if (target?.current) { e.preventDefault(); (target.current instanceof HTMLDivElement ? target.current.querySelector('input') : target.current)?.focus(); }
  };

  // The shortcuts work wherever the focus is on the page (also before the first field is entered).
  const onKey = useRef(shortcuts);
  onKey.current = shortcuts;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!form.data || !resumed) return <p role="status">{t('web.common.loading')}</p>;
  if (done) {
    return (
      <div className="page">
        <h1>{t('web.helpline.completed')}</h1>
        {done.case?.link === 'linked' ? (
          <p className="banner" role="status">{t('web.helpline.caseJoined', { number: done.case.number })}</p>
        ) : done.case ? (
          <p className="banner" role="status">{t('web.helpline.caseOpened', { number: done.case.number })} <Link to="/cases/$id" params={{ id: done.case.id }}>{t('web.helpline.openCase')}</Link></p>
        ) : <p className="banner" role="status">{t('web.helpline.completed')}</p>}
        <button type="button" className="primary" autoFocus onClick={() => { window.location.assign('/helpline/new'); }}>{t('web.helpline.another')}</button>
      </div>
    );
  }
  const status = state.kind === 'saving' ? t('web.helpline.saving') : state.kind === 'saved' ? t('web.helpline.saved', { time: date(state.at, true).split(' ').pop() }) : state.kind === 'offline' ? t('web.helpline.offline') : '';
  return (
    <div className="page intake">
      <h1>{t('web.helpline.intake')} <small className="muted">{form.data.helpline.number}</small></h1>
      <p className="hint">{t('web.helpline.intakeIntro')}</p>
      <p className={state.kind === 'offline' ? 'banner banner-error' : 'save-state'} role="status" aria-live="polite">{status}</p>
      <ErrorBanner message={state.kind === 'refused' ? state.error.message : error?.message} />
      {/* A new answered call opens by itself on an empty form, and asks first over a contact in progress. */}
      <ScreenPop autoOpen={!touched && !resumeId} />
      {lastSaved ? <RepeatCaller contact={lastSaved} form={form.data} /> : null}
      {/* An emergency: dispatch comes before everything else on the page. */}
      {draft.callType === 'emergency' || draft.urgency === 'immediate' ? <DispatchPanel contact={lastSaved} form={form.data} ensureSaved={current} /> : null}
      {readOnly ? <p className="banner" role="status">{t('web.helpline.readOnly', { name: lastSaved?.agent?.name ?? t('web.helpline.importedContact') })}</p> : null}
      <form className="card" onSubmit={(e) => { e.preventDefault(); if (!readOnly) void finish(); }} noValidate>
        <fieldset className="plain-fieldset" disabled={readOnly}>
        <fieldset className="choice-row" aria-describedby={fe.callType ? 'calltype-error' : undefined}>
          <legend>{t('web.helpline.callType')}</legend>
          {form.data.callTypes.map((type, i) => (
            <label key={type} className={`choice${draft.callType === type ? ' on' : ''}`}>
              <input id={`f-call-${type}`} ref={i === 0 ? refs.callType : undefined} type="radio" name="callType" value={type} checked={draft.callType === type} onChange={() => change({ callType: type })} />
              {t(`web.helpline.callTypes.${type}`)} <kbd>Alt+{num(i + 1)}</kbd>
            </label>
          ))}
          {fe.callType ? <p id="calltype-error" className="field-error" role="alert">{fe.callType}</p> : null}
        </fieldset>
        <div className="pair">
          <div className="field">
            <label htmlFor="f-channel">{t('web.helpline.channel')}</label>
            <select id="f-channel" value={draft.channel} onChange={(e) => change({ channel: e.target.value as ContactDraft['channel'] })}>
              {form.data.channels.map((c) => <option key={c} value={c}>{t(`web.helpline.channels.${c}`)}</option>)}
            </select>
          </div>
          <fieldset className="choice-row" aria-describedby={fe.urgency ? 'urgency-error' : undefined}>
            <legend>{t('web.helpline.urgency')} <kbd>Alt+U</kbd></legend>
            {HELPLINE_URGENCIES.map((u, i) => (
              <label key={u} className={`choice urgency-${u}${draft.urgency === u ? ' on' : ''}`}>
                <input ref={i === 0 ? refs.urgency : undefined} type="radio" name="urgency" value={u} checked={draft.urgency === u} onChange={() => change({ urgency: u })} />
                {t(`web.helpline.urgencies.${u}`)}
              </label>
            ))}
            {fe.urgency ? <p id="urgency-error" className="field-error" role="alert">{fe.urgency}</p> : null}
          </fieldset>
        </div>
        <div className="grid">
          <fieldset>
            <legend>{t('web.helpline.child')}</legend>
            <label className="check"><input type="checkbox" checked={draft.child.anonymous} onChange={(e) => change({ child: { ...draft.child, anonymous: e.target.checked } })} /> {t('web.helpline.anonymous')}</label>
            {!draft.child.anonymous ? (
              <div className="field">
                <label htmlFor="f-child-name">{t('web.helpline.childName')}</label>
                <input id="f-child-name" value={draft.child.name} onChange={(e) => change({ child: { ...draft.child, name: e.target.value } })} aria-invalid={Boolean(fe['child.name'])} />
                {fe['child.name'] ? <p className="field-error" role="alert">{fe['child.name']}</p> : null}
              </div>
            ) : null}
            <div className="pair">
              <div className="field">
                <label htmlFor="f-child-sex">{t('web.helpline.childSex')}</label>
                <select id="f-child-sex" value={draft.child.sex ?? ''} onChange={(e) => change({ child: { ...draft.child, sex: (e.target.value || null) as ContactDraft['child']['sex'] } })}>
                  <option value="">{t('web.helpline.unknown')}</option>
                  {SEXES.map((s) => <option key={s} value={s}>{t(`web.cases.sexes.${s}`)}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-child-age">{t('web.helpline.childAge')}</label>
                <input id="f-child-age" type="number" inputMode="numeric" min={0} max={25} value={draft.child.ageYears ?? ''} aria-invalid={Boolean(fe['child.ageYears'])}
                  onChange={(e) => change({ child: { ...draft.child, ageYears: e.target.value === '' ? null : Math.max(0, Math.min(25, Math.trunc(Number(e.target.value)))) } })} />
                {fe['child.ageYears'] ? <p className="field-error" role="alert">{fe['child.ageYears']}</p> : null}
              </div>
            </div>
            <label className="check"><input type="checkbox" checked={draft.child.ageEstimated} onChange={(e) => change({ child: { ...draft.child, ageEstimated: e.target.checked } })} /> {t('web.helpline.ageEstimated')}</label>
          </fieldset>
          <fieldset>
            <legend>{t('web.helpline.caller')}</legend>
            <label className="check"><input type="checkbox" checked={draft.caller.anonymous} onChange={(e) => change({ caller: { ...draft.caller, anonymous: e.target.checked } })} /> {t('web.helpline.anonymous')}</label>
            {!draft.caller.anonymous ? (
              <div className="field">
                <label htmlFor="f-caller-name">{t('web.helpline.callerName')}</label>
                <input id="f-caller-name" value={draft.caller.name} onChange={(e) => change({ caller: { ...draft.caller, name: e.target.value } })} />
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="f-caller-relation">{t('web.helpline.callerRelation')}</label>
              <select id="f-caller-relation" value={draft.caller.relation ?? ''} onChange={(e) => change({ caller: { ...draft.caller, relation: (e.target.value || null) as ContactDraft['caller']['relation'] } })}>
                <option value="">{t('web.helpline.unknown')}</option>
                {CALLER_RELATIONS.map((r) => <option key={r} value={r}>{t(`web.helpline.relations.${r}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-caller-phone">{t('web.helpline.callerPhone')}</label>
              <input id="f-caller-phone" type="tel" inputMode="tel" value={draft.caller.phone} onChange={(e) => change({ caller: { ...draft.caller, phone: e.target.value } })} aria-invalid={Boolean(fe['caller.phone'])}
                placeholder={lastSaved?.caller.phoneMasked ?? ''} aria-describedby={lastSaved?.caller.phoneMasked ? 'caller-phone-kept' : undefined} />
              {/* The number on record (from the contact centre, or typed earlier) stays on the server; typing a new one replaces it. */}
              {lastSaved?.caller.phoneMasked && !draft.caller.phone ? <p id="caller-phone-kept" className="hint">{t('web.helpline.phoneKept', { number: lastSaved.caller.phoneMasked })}</p> : null}
              {fe['caller.phone'] ? <p className="field-error" role="alert">{fe['caller.phone']}</p> : null}
            </div>
          </fieldset>
        </div>
        <div className="field" ref={refs.place}>
          <span>{t('web.helpline.place')} <kbd>Alt+P</kbd></span>
          <UnitPicker minLevel={2} value={draft.geoCode} label={t('web.helpline.place')} onChange={(code) => change({ geoCode: code })} />
          {fe.geoCode ? <p className="field-error" role="alert">{fe.geoCode}</p> : null}
        </div>
        <CategoryPicker ref={refs.categories} form={form.data} value={draft.categories} onChange={(categories) => change({ categories })} error={fe.categories} />
        <div className="field">
          <label htmlFor="f-summary">{t('web.helpline.summary')}</label>
          <textarea id="f-summary" rows={4} maxLength={4000} value={draft.summary} onChange={(e) => change({ summary: e.target.value })} />
        </div>
        <fieldset className="choice-row">
          <legend>{t('web.helpline.outcome')}</legend>
          {(aboutChild ? ['create_case', 'link_case', 'none'] as const : ['none'] as const).map((o) => (
            <label key={o} className={`choice${chosenOutcome === o ? ' on' : ''}`}>
              <input type="radio" name="outcome" value={o} checked={chosenOutcome === o} onChange={() => setOutcome(o)} /> {t(`web.helpline.outcomes.${o}`)}
            </label>
          ))}
        </fieldset>
        {chosenOutcome === 'link_case' && !readOnly ? <CaseMatches ensureSaved={current} value={linkCaseId} onChange={setLinkCaseId} /> : null}
        {!readOnly ? <button type="submit" className="primary">{t('web.helpline.complete')} <kbd>Ctrl+Enter</kbd></button> : null}
        </fieldset>
      </form>
      {lastSaved || touched ? <ReferralPanel ref={refs.refer} contact={lastSaved} place={draft.geoCode} readOnly={readOnly} ensureSaved={current} /> : null}
      {!readOnly && (lastSaved || touched) ? <CallbackPanel contact={lastSaved} ensureSaved={current} /> : null}
    </div>
  );
}
