import { useState } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { useReasonDialog } from '../../components/ReasonDialog.js';
import { useAction } from '../../useAction.js';
import { date, num } from '../../i18n.js';
import { RecordCard } from './RecordCard.js';

/**
 * One child across sources: every record the reader may see, the timeline of records and
 * cases, and the merges and splits made, each of which a reviewer can undo. A reviewer can
 * take records out of the person (a split) when they belong to another child.
 */
export function PersonPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const person = useQuery({ queryKey: ['people', 'person', id], queryFn: () => call('GET /api/v1/people/:id', { params: { id } }) });
  const [picked, setPicked] = useState<string[]>([]);
  const { error, run } = useAction();
  const { ask, dialog } = useReasonDialog();
  const refresh = () => qc.invalidateQueries({ queryKey: ['people'] });
  const split = async () => {
    const reason = await ask(t('web.people.person.splitReason'), { min: 3, max: 500 });
    if (!reason) return;
    await run(async () => {
      await call('POST /api/v1/people/:id/split', { params: { id }, body: { records: picked, reason } });
      setPicked([]);
      await refresh();
    });
  };
  const undo = (changeId: string) => run(async () => {
    await call('POST /api/v1/people/changes/:id/undo', { params: { id: changeId } });
    await refresh();
  });
  if (person.error) return <div className="page"><ErrorBanner message={(person.error as Error).message} /></div>;
  const p = person.data;
  if (!p) return <div className="page"><p>{t('web.common.wait')}</p></div>;
  return (
    <div className="page">
      {dialog}
      <h1>{p.records[0]?.names[0] ?? t('web.people.person.title')}</h1>
      <p className="meta">{t('web.people.person.records', { n: num(p.records.length) })}</p>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <section className="card">
        <h2>{t('web.people.person.sources')}</h2>
        <ul className="case-list">
          {p.records.map((r) => (
            <li key={r.id} className="case-card">
              {p.mayReview && p.records.length > 1 ? (
                <label className="check">
                  <input type="checkbox" checked={picked.includes(r.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id))} />
                  {' '}{t('web.people.person.pick')}
                </label>
              ) : null}
              <RecordCard record={r} link={false} />
            </li>
          ))}
        </ul>
        {p.mayReview && p.records.length > 1 ? (
          <button type="button" disabled={picked.length === 0 || picked.length === p.records.length} onClick={split}>{t('web.people.person.split')}</button>
        ) : null}
      </section>
      <section className="card">
        <h2>{t('web.people.person.timeline')}</h2>
        <ol className="timeline">
          {p.timeline.map((e) => (
            <li key={`${e.kind}-${e.caseId ?? e.recordId}`}>
              <small>{date(e.at)}</small>{' '}
              {e.kind === 'case' && e.caseId
                ? <>{t('web.people.person.caseOpened')} <Link to="/cases/$id" params={{ id: e.caseId }} className="case-number">{e.caseNumber}</Link> ({t(`web.cases.statuses.${e.status}`, { defaultValue: e.status ?? '' })})</>
                : t('web.people.person.recorded', { source: t(`web.people.sources.${e.source}`, { defaultValue: e.source }) })}
            </li>
          ))}
        </ol>
      </section>
      {p.changes.length ? (
        <section className="card">
          <h2>{t('web.people.person.changes')}</h2>
          <ul className="plain">
            {p.changes.map((c) => (
              <li key={c.id}>
                {t(`web.people.person.kinds.${c.kind}`)} · {date(c.madeAt)}{c.reason ? ` · ${c.reason}` : ''}
                {c.undoneAt ? <> · <span className="tag small">{t('web.people.person.undone')}</span></> : p.mayReview ? <> · <button type="button" onClick={() => undo(c.id)}>{t('web.people.person.undo')}</button></> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
