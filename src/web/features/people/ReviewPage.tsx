import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LINK_DECISIONS } from '../../../shared/people.js';
import { call } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { useAction } from '../../useAction.js';
import { date, num } from '../../i18n.js';
import { RecordCard } from './RecordCard.js';

type Decision = (typeof LINK_DECISIONS)[number];

/**
 * Pairs record linkage could not decide, side by side, with how each field compared and
 * what it weighed: the reviewer says same child, different children, or not sure. Every
 * judgement is kept and teaches the next estimation; "same child" merges the two persons.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'open' | 'unsure'>('open');
  const [offset, setOffset] = useState(0);
  const page = useQuery({ queryKey: ['people', 'review', status, offset], queryFn: () => call('GET /api/v1/people/review', { query: { status, offset } }) });
  const { error, run } = useAction();
  const decide = (a: string, b: string, decision: Decision) =>
    run(async () => {
      await call('POST /api/v1/people/review', { body: { a, b, decision } });
      await qc.invalidateQueries({ queryKey: ['people', 'review'] });
    });
  const total = page.data?.total ?? 0;
  return (
    <div className="page">
      <h1>{t('web.people.review.title')}</h1>
      <p className="hint">{t('web.people.review.intro')}</p>
      {page.data?.model ? <p className="meta">{t('web.people.review.model', { version: num(page.data.model.version), date: date(page.data.model.createdAt) })}</p> : null}
      <div className="toolbar">
        <select aria-label={t('web.people.review.which')} value={status} onChange={(e) => { setStatus(e.target.value as 'open' | 'unsure'); setOffset(0); }}>
          <option value="open">{t('web.people.review.open')}</option>
          <option value="unsure">{t('web.people.review.unsure')}</option>
        </select>
        <span>{t('web.people.review.count', { n: num(total) })}</span>
      </div>
      <ErrorBanner message={error?.message} />
      {page.data && page.data.items.length === 0 ? <p>{t('web.people.review.empty')}</p> : null}
      <ul className="case-list">
        {page.data?.items.map((p) => (
          <li key={`${p.a.id}-${p.b.id}`} className="case-card pair">
            <p><strong>{t('web.people.review.probability', { p: num(Math.round(p.probability * 100)) })}</strong></p>
            <div className="pair-records">
              <RecordCard record={p.a} />
              <RecordCard record={p.b} />
            </div>
            <ul className="agreements plain">
              {p.agreements.map((g) => (
                <li key={g.comparison} className={g.weight > 0.5 ? 'agrees' : g.weight < -0.5 ? 'differs' : 'neutral'}>
                  {t(`web.people.comparisons.${g.comparison}`)}: {g.level < 0 ? t('web.people.levels.null') : t(`web.people.levels.${g.comparison}.${g.level}`)}
                  {' '}<small>({g.weight > 0 ? '+' : ''}{num(Math.round(g.weight * 10) / 10)})</small>
                </li>
              ))}
            </ul>
            <div className="toolbar">
              <button type="button" onClick={() => decide(p.a.id, p.b.id, 'same')}>{t('web.people.review.same')}</button>
              <button type="button" onClick={() => decide(p.a.id, p.b.id, 'different')}>{t('web.people.review.different')}</button>
              {p.status === 'open' ? <button type="button" onClick={() => decide(p.a.id, p.b.id, 'unsure')}>{t('web.people.review.notSure')}</button> : null}
            </div>
          </li>
        ))}
      </ul>
      <div className="toolbar">
        {offset > 0 ? <button type="button" onClick={() => setOffset(Math.max(0, offset - 20))}>{t('web.people.review.previous')}</button> : null}
        {offset + 20 < total ? <button type="button" onClick={() => setOffset(offset + 20)}>{t('web.people.review.next')}</button> : null}
      </div>
    </div>
  );
}
