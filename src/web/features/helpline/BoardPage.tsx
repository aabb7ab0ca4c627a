import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { currentLang, date, num } from '../../i18n.js';
import { useAction } from '../../useAction.js';
import { Countdown } from './DispatchPanel.js';
import { useLive } from './useLive.js';

const KEY = ['helpline', 'board'];

/**
 * The supervisor's board: dispatches waiting for acknowledgement with their timers, callbacks
 * due and overdue (reassignable), contacts per agent this shift, contacts left in draft. It
 * refetches when the server says something changed, never on a timer.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const qc = useQueryClient();
  const { error, run } = useAction();
  const board = useQuery({ queryKey: KEY, queryFn: () => call('GET /api/v1/helpline/board') });
  const form = useQuery({ queryKey: ['helpline', 'form'], queryFn: () => call('GET /api/v1/helpline/form'), staleTime: Infinity });
  useLive((e) => { if (e.event === 'board' || e.event === 'ready') void qc.invalidateQueries({ queryKey: KEY }); });
  const targetName = (key: string) => { const d = form.data?.dispatchTargets.find((x) => x.key === key); return d ? (d.name[lang] ?? d.name.en ?? key) : key; };
  const reassign = (id: string, assigneeId: string) => run(async () => {
    await call('POST /api/v1/helpline/callbacks/:id/reassign', { params: { id }, body: { assigneeId } });
    await qc.invalidateQueries({ queryKey: KEY });
  });
  const b = board.data;
  return (
    <div className="page board">
      <h1>{t('web.helpline.desk.boardTitle')}</h1>
      <ErrorBanner message={error?.message ?? board.error?.message} />
      {b ? (
        <>
          <section className="card" aria-labelledby="board-dispatches">
            <h2 id="board-dispatches">{t('web.helpline.desk.openDispatches', { n: num(b.dispatches.length) })}</h2>
            {b.dispatches.length === 0 ? <p className="hint">{t('web.helpline.desk.none')}</p> : (
              <ul className="plain">
                {b.dispatches.map((d) => (
                  <li key={d.id} className={`dispatch-${d.status}`}>
                    <strong>{targetName(d.target)}</strong> · {d.agent} · {date(d.sentAt, true)} · <Countdown due={d.ackDue} /> · <a href={`/helpline/new?id=${d.contactId}`}>{t('web.helpline.desk.openContact')}</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="board-callbacks">
            <h2 id="board-callbacks">{t('web.helpline.desk.callbacksDue', { n: num(b.callbacks.length) })}</h2>
            {b.callbacks.length === 0 ? <p className="hint">{t('web.helpline.desk.none')}</p> : (
              <ul className="plain">
                {b.callbacks.map((c) => (
                  <li key={c.id} className={c.overdue ? 'overdue' : ''}>
                    {c.overdue ? <strong>{t('web.helpline.desk.overdue')} </strong> : null}{date(c.dueAt, true)} · {c.note || '—'} · <a href={`/helpline/new?id=${c.contactId}`}>{t('web.helpline.desk.openContact')}</a>
                    <label className="inline"> {t('web.helpline.desk.assignee')}{' '}
                      <select value={c.assignee.id} onChange={(e) => void reassign(c.id, e.target.value)}>
                        {b.agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
                      </select>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="board-shift">
            <h2 id="board-shift">{t('web.helpline.desk.shift', { from: date(b.shift.from, true), to: date(b.shift.to, true) })}</h2>
            <table className="table" tabIndex={0}>
              <thead><tr><th>{t('web.helpline.desk.agent')}</th><th>{t('web.helpline.desk.completed')}</th><th>{t('web.helpline.desk.drafts')}</th></tr></thead>
              <tbody>{b.shift.agents.map((a) => <tr key={a.id}><td>{a.name}</td><td>{num(a.completed)}</td><td>{num(a.drafts)}</td></tr>)}</tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="board-drafts">
            <h2 id="board-drafts">{t('web.helpline.desk.leftInDraft', { n: num(b.drafts.length) })}</h2>
            <ul className="plain">
              {b.drafts.map((d) => (
                <li key={d.id}>{d.agent} · {date(d.receivedAt, true)} · {d.callType ? t(`web.helpline.callTypes.${d.callType}`) : '—'} · {t('web.helpline.desk.lastSaved', { when: date(d.updatedAt, true) })} · <a href={`/helpline/new?id=${d.id}`}>{t('web.helpline.desk.openContact')}</a></li>
              ))}
            </ul>
          </section>
        </>
      ) : <p className="hint">{t('web.common.loading')}</p>}
    </div>
  );
}
