import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, IntakeForm } from '../../../shared/helpline.js';
import { call } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { currentLang, date, num } from '../../i18n.js';

/** Minutes left until a deadline, recomputed every 15 s so the countdown moves on its own. */
function useMinutesLeft(iso: string): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return Math.ceil((Date.parse(iso) - now) / 60_000);
}

export function Countdown({ due }: { due: string }) {
  const { t } = useTranslation();
  const left = useMinutesLeft(due);
  return <span className={left <= 0 ? 'overdue' : ''}>{left > 0 ? t('web.helpline.dispatch.left', { n: num(left) }) : t('web.helpline.dispatch.late', { n: num(-left) })}</span>;
}

/**
 * Emergency dispatch from the contact: send a responder from the country's list, watch the
 * acknowledgement deadline count down, record the acknowledgement. Unacknowledged in time,
 * the supervisors are alerted by the server (not by this page, which may be closed).
 */
export function DispatchPanel({ contact, form, ensureSaved }: { contact: Contact | null; form: IntakeForm; ensureSaved: () => Promise<Contact | null> }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { error, run } = useAction();
  const [note, setNote] = useState('');
  const nameOf = (key: string) => { const d = form.dispatchTargets.find((x) => x.key === key); return d ? (d.name[lang] ?? d.name.en ?? key) : key; };
  if (form.dispatchTargets.length === 0) return null;
  const send = (target: string) => run(async () => {
    const saved = contact ?? (await ensureSaved());
    if (!saved) throw new Error(t('web.helpline.offline'));
    await call('POST /api/v1/helpline/contacts/:id/dispatches', { params: { id: saved.id }, body: { target, note } });
    setNote('');
    await ensureSaved();
  });
  const acknowledge = (id: string) => run(async () => {
    await call('POST /api/v1/helpline/dispatches/:id/acknowledge', { params: { id }, body: { note: '' } });
    await ensureSaved();
  });
  return (
    <section className="card dispatch" aria-labelledby="dispatch-title">
      <h2 id="dispatch-title">{t('web.helpline.dispatch.title')}</h2>
      <ErrorBanner message={error?.message} />
      <div className="field">
        <label htmlFor="f-dispatch-note">{t('web.helpline.dispatch.note')}</label>
        <input id="f-dispatch-note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="toolbar wrap">
        {form.dispatchTargets.map((d) => (
          <button key={d.key} type="button" className="danger" onClick={() => void send(d.key)}>
            {t('web.helpline.dispatch.send', { target: nameOf(d.key), n: num(d.ackMinutes) })}
          </button>
        ))}
      </div>
      {contact?.dispatches.length ? (
        <ul className="plain">
          {contact.dispatches.map((d) => (
            <li key={d.id} className={`dispatch-${d.status}`}>
              <strong>{nameOf(d.target)}</strong> · {date(d.sentAt, true)} · {t(`web.helpline.dispatch.statuses.${d.status}`)}
              {d.status !== 'acknowledged' ? <> · <Countdown due={d.ackDue} /> <button type="button" onClick={() => void acknowledge(d.id)}>{t('web.helpline.dispatch.acknowledge')}</button></> : ` · ${date(d.acknowledgedAt!, true)}`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
