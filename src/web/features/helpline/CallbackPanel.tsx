import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/helpline.js';
import { call } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { date } from '../../i18n.js';
import { useAction } from '../../useAction.js';

/** "YYYY-MM-DDTHH:mm" in the browser's own time, as a datetime-local input wants it. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** Callbacks promised from this contact: schedule one with its due time, see and close the ones made. */
export function CallbackPanel({ contact, ensureSaved }: { contact: Contact | null; ensureSaved: () => Promise<Contact | null> }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, run } = useAction();
  const [due, setDue] = useState(() => localInput(new Date(Date.now() + 3600_000)));
  const [note, setNote] = useState('');
  const key = ['helpline', 'callbacks', contact?.id];
  const list = useQuery({ queryKey: key, enabled: Boolean(contact), queryFn: () => call('GET /api/v1/helpline/contacts/:id/callbacks', { params: { id: contact!.id } }) });
  const schedule = () => run(async () => {
    const saved = contact ?? (await ensureSaved());
    if (!saved) throw new Error(t('web.helpline.offline'));
    await call('POST /api/v1/helpline/contacts/:id/callbacks', { params: { id: saved.id }, body: { dueAt: new Date(due).toISOString(), note } });
    setNote('');
    await qc.invalidateQueries({ queryKey: ['helpline', 'callbacks', saved.id] });
  });
  const close = (id: string) => run(async () => {
    await call('POST /api/v1/helpline/callbacks/:id/close', { params: { id }, body: { outcome: 'done', note: '' } });
    await qc.invalidateQueries({ queryKey: key });
  });
  return (
    <section className="card" aria-labelledby="callback-title">
      <h2 id="callback-title">{t('web.helpline.desk.callbacks')}</h2>
      <ErrorBanner message={error?.message} />
      <div className="toolbar wrap">
        <div className="field">
          <label htmlFor="f-callback-due">{t('web.helpline.desk.dueAt')}</label>
          <input id="f-callback-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} aria-invalid={Boolean(error?.fields.dueAt)} />
        </div>
        <div className="field">
          <label htmlFor="f-callback-note">{t('web.helpline.desk.note')}</label>
          <input id="f-callback-note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="button" onClick={() => void schedule()}>{t('web.helpline.desk.schedule')}</button>
      </div>
      {list.data?.items.length ? (
        <ul className="plain">
          {list.data.items.map((c) => (
            <li key={c.id}>
              {date(c.dueAt, true)} · {c.assignee.name} · {t(`web.helpline.desk.statuses.${c.status}`)}{c.note ? ` · ${c.note}` : ''}
              {c.status === 'scheduled' ? <> <button type="button" onClick={() => void close(c.id)}>{t('web.helpline.desk.done')}</button></> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
