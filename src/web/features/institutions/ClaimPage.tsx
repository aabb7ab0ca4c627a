import type { FormEvent } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClaimDetail } from '../../../shared/grants.js';
import { SPOT_RESULTS, TEXT_LIMITS } from '../../../shared/values.js';
import { ApiError, call, field } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { useReasonDialog } from '../../components/ReasonDialog.js';
import { month as monthName, num } from '../../i18n.js';

/** One orphanage's claim for a month: each child, why a line is not paid, the spot checks, the decision and the payment. */
export function ClaimPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useQuery({ queryKey: ['claim', id], queryFn: () => call('GET /api/v1/grants/claims/:id', { params: { id } }) });
  const { error, run } = useAction();
  const { ask, dialog } = useReasonDialog();
  const done = async (next: ClaimDetail) => {
    qc.setQueryData(['claim', id], next);
    await qc.invalidateQueries({ queryKey: ['claims'] });
  };
  if (q.error) return <div className="page"><h1>{q.error instanceof ApiError && q.error.status === 404 ? t('web.grants.notFound') : t('web.errors.failed')}</h1><Link to="/grants">{t('web.grants.back')}</Link></div>;
  const c = q.data;
  if (!c) return <p>{t('web.common.loading')}</p>;
  const may = (a: ClaimDetail['allowedActions'][number]) => c.allowedActions.includes(a);
  const spot = (enrolmentId: string, result: (typeof SPOT_RESULTS)[number]) => run(async () => done(await call('POST /api/v1/grants/claims/:id/spot-checks', { params: { id }, body: { enrolmentId, result } })));
  const approve = () => run(async () => done(await call('POST /api/v1/grants/claims/:id/decision', { params: { id }, body: { action: 'approve' } })));
  const giveBack = async () => {
    const note = await ask(t('web.grants.returnWhy'), TEXT_LIMITS.reason);
    if (note) await run(async () => done(await call('POST /api/v1/grants/claims/:id/decision', { params: { id }, body: { action: 'return', note } })));
  };
  const pay = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const reference = field(new FormData(e.currentTarget), 'reference');
    return run(async () => done(await call('POST /api/v1/grants/claims/:id/disbursement', { params: { id }, body: { reference } })));
  };
  return (
    <div className="page">
      {dialog}
      <p className="toolbar"><Link to="/grants">{t('web.grants.back')}</Link></p>
      <h1>{c.facility.name} <small>{monthName(c.month.slice(0, 7))}</small></h1>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <section className="card">
        <dl className="facts">
          <dt>{t('web.grants.status')}</dt><dd data-status={c.status}>{t(`web.grants.statuses.${c.status}`)}{c.disbursementRef ? ` · ${c.disbursementRef}` : ''}</dd>
          <dt>{t('web.grants.rate')}</dt><dd>{t('web.grants.amount', { amount: num(c.rate) })}</dd>
          <dt>{t('web.grants.claimed')}</dt><dd>{t('web.grants.childrenAmount', { n: num(c.claimedChildren), amount: num(c.claimedAmount) })}</dd>
          <dt>{t('web.grants.verified')}</dt><dd data-payable={c.payableAmount}>{t('web.grants.childrenAmount', { n: num(c.verifiedChildren), amount: num(c.payableAmount) })}</dd>
          <dt>{t('web.grants.spotChecks')}</dt><dd>{t('web.grants.spotProgress', { recorded: num(c.spotChecks.recorded), sampled: num(c.spotChecks.sampled) })}</dd>
          {c.decisionNote ? <><dt>{t('web.grants.note')}</dt><dd>{c.decisionNote}</dd></> : null}
        </dl>
        {c.flags.length ? <p className="meta">{c.flags.map((f) => <span key={f} className="badge-overdue">{t(`web.grants.flags.${f}`)}</span>)}</p> : null}
        <div className="toolbar">
          {may('approve') ? <button type="button" className="primary" onClick={approve}>{t('web.grants.approve')}</button> : null}
          {may('return') ? <button type="button" onClick={giveBack}>{t('web.grants.return')}</button> : null}
        </div>
        {may('disburse') ? (
          <form onSubmit={pay} className="inline-form" noValidate>
            <label htmlFor="f-ref">{t('web.grants.reference')}</label>
            <input id="f-ref" name="reference" required minLength={3} maxLength={100} />
            <button type="submit" className="primary">{t('web.grants.disburse')}</button>
          </form>
        ) : null}
      </section>
      <h2>{t('web.grants.lines', { n: num(c.lines.length) })}</h2>
      <ul className="case-list">
        {c.lines.map((l) => (
          <li key={l.enrolmentId} className={`case-card${l.verified ? '' : ' risk-high'}`} data-line={l.child.name}>
            <strong>{l.child.name}</strong> <span className="tag small">{l.verified ? t('web.grants.paid') : t('web.grants.notPaid')}</span>
            <p className="meta">{t(`web.cases.sexes.${l.child.sex}`)}{l.child.ageYears !== null ? ` · ${t('web.cases.age', { ageText: num(l.child.ageYears) })}` : ''}
              {l.flags.map((f) => <span key={f} className="badge-overdue">{t(`web.grants.flags.${f}`)}</span>)}</p>
            {l.spotCheck ? (
              <div className="toolbar" role="group" aria-label={t('web.grants.spotCheckOf', { name: l.child.name })}>
                <span>{t('web.grants.spotCheck')}: {l.spotResult ? t(`web.grants.spotResults.${l.spotResult}`) : t('web.grants.spotPending')}</span>
                {may('spot_check') ? SPOT_RESULTS.map((r) => <button key={r} type="button" aria-pressed={l.spotResult === r} onClick={() => spot(l.enrolmentId, r)}>{t(`web.grants.spotResults.${r}`)}</button>) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
