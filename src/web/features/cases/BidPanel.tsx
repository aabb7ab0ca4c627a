import { type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CareOption } from '../../../shared/bid.js';
import { CARE_OPTIONS } from '../../../shared/values.js';
import { call, field, optionalField, choiceField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { date } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';


/** Best-interest determination for an alternative-care decision, and the board's decision recorded back. */
export function BidPanel({ caseId, canWork }: { caseId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const session = useSession();
  const list = useQuery({ queryKey: ['bids', caseId], queryFn: () => call('GET /api/v1/cases/:id/bids', { params: { id: caseId } }) });
  const { error, run } = useAction();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['bids', caseId] }), qc.invalidateQueries({ queryKey: ['case', caseId] })]);
  const act = (fn: () => Promise<unknown>) =>
    run(async () => {
      await fn();
      await refresh();
    });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const options = CARE_OPTIONS.filter((o) => f.get(`opt-${o}`) === 'on').map((option) => ({ option, assessment: String(f.get(`assess-${option}`) ?? '') }));
    void act(() => call('POST /api/v1/cases/:id/bids', { params: { id: caseId }, body: { question: field(f, 'question'), options, recommendation: choiceField<CareOption>(f, 'recommendation'), childViews: field(f, 'childViews'), familyViews: optionalField(f, 'familyViews') } }));
  };
  const decide = (bidId: string) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void act(() => call('POST /api/v1/cases/:id/bids/:bidId/decision', { params: { id: caseId, bidId }, body: { decision: choiceField<CareOption>(f, 'decision'), decisionDate: field(f, 'decisionDate'), notes: field(f, 'notes') } }));
  };
  const pending = list.data?.items.some((b) => b.status === 'with_board');
  const mayDecide = hasPermission(session.data, 'cases.bid_decision');
  if (!canWork && !list.data?.items.length) return null;
  return (
    <details className="card" open={Boolean(list.data?.items.length)}>
      <summary>{t('web.bid.title')}</summary>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      {list.data?.items.map((b) => (
        <div key={b.id} className="bid">
          <p><strong>{b.question}</strong> <small>{date(b.submittedAt)} · {b.submittedBy}</small></p>
          <ul>{b.options.map((o) => <li key={o.option}>{t(`web.bid.careOptions.${o.option}`)}: {o.assessment}</li>)}</ul>
          <p>{t('web.bid.recommendation')}: {t(`web.bid.careOptions.${b.recommendation}`)} · {t('web.bid.childViews')}: {b.childViews}</p>
          {b.status === 'decided' ? (
            <p className="banner">{t('web.bid.decided')}: {t(`web.bid.careOptions.${b.decision ?? ''}`)} ({date(b.decisionDate ?? '')}) {b.decisionNotes}</p>
          ) : (
            <p className="tag">{t('web.bid.withBoard')}</p>
          )}
          {b.status === 'with_board' && mayDecide ? (
            <form onSubmit={decide(b.id)} className="inline-form" noValidate>
              <select name="decision" aria-label={t('web.bid.decision')} defaultValue={b.recommendation}>{CARE_OPTIONS.map((o) => <option key={o} value={o}>{t(`web.bid.careOptions.${o}`)}</option>)}</select>
              <Field label={t('web.bid.decisionDate')} name="decisionDate" type="date" defaultValue={new Date().toISOString().slice(0, 10)} />
              <Field label={t('web.bid.notes')} name="notes" />
              <button type="submit">{t('web.bid.record')}</button>
            </form>
          ) : null}
        </div>
      ))}
      {canWork && !pending ? (
        <form onSubmit={submit} noValidate>
          <Field label={t('web.bid.question')} name="question" error={error?.fields.question} />
          <fieldset>
            <legend>{t('web.bid.options')}</legend>
            {CARE_OPTIONS.map((o) => (
              <div key={o} className="scope-row">
                <label className="check"><input type="checkbox" name={`opt-${o}`} /> {t(`web.bid.careOptions.${o}`)}</label>
                <input name={`assess-${o}`} aria-label={`${t(`web.bid.careOptions.${o}`)}: ${t('web.bid.assessment')}`} placeholder={t('web.bid.assessment')} />
              </div>
            ))}
            {error?.fields.options ? <p className="field-error" role="alert">{error.fields.options}</p> : null}
          </fieldset>
          <div className="field">
            <label htmlFor="f-rec">{t('web.bid.recommendation')}</label>
            <select id="f-rec" name="recommendation">{CARE_OPTIONS.map((o) => <option key={o} value={o}>{t(`web.bid.careOptions.${o}`)}</option>)}</select>
          </div>
          <Field label={t('web.bid.childViews')} name="childViews" error={error?.fields.childViews} />
          <Field label={t('web.bid.familyViews')} name="familyViews" />
          <button type="submit">{t('web.bid.submit')}</button>
        </form>
      ) : null}
    </details>
  );
}
