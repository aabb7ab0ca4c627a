import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { useReasonDialog } from '../../components/ReasonDialog.js';
import { TEXT_LIMITS } from '../../../shared/values.js';
import { date, num } from '../../i18n.js';
import type { TransferResponse } from '../../../shared/cases.js';


/** Cases others ask you (or your organisation) to take over. */
export function TransfersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['transfers'], queryFn: () => call('GET /api/v1/transfers') });
  const { error, run } = useAction();
  const { ask, dialog } = useReasonDialog();
  const answer = async (id: string, action: 'accept' | 'decline') => {
    let body: TransferResponse = { action: 'accept' };
    if (action === 'decline') {
      const reason = await ask(t('web.transfers.declineReason'), TEXT_LIMITS.reason);
      if (!reason) return;
      body = { action, reason };
    }
    await run(async () => {
      await call('POST /api/v1/transfers/:id/response', { params: { id }, body });
      await qc.invalidateQueries({ queryKey: ['transfers'] });
    });
  };
  return (
    <div className="page">
      <h1>{t('web.transfers.title')}</h1>
      {dialog}
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      {list.data?.items.length === 0 ? <p>{t('web.transfers.none')}</p> : null}
      <ul className="case-list">
        {list.data?.items.map((tr) => (
          <li key={tr.id} className={`case-card risk-${tr.shared.riskLevel}`}>
            <strong>{tr.shared.caseNumber}</strong> {tr.shared.sensitive ? <span className="tag small">{t('web.transfers.sensitive')}</span> : <> · {tr.shared.child}{tr.shared.ageYears != null ? ` · ${t('web.cases.age', { ageText: num(tr.shared.ageYears) })}` : ''}</>}
            <p>{tr.reason}</p>
            <p className="meta">{tr.toOrganisation} · {date(tr.requestedAt)}</p>
            <div className="toolbar">
              <button type="button" className="primary" onClick={() => answer(tr.id, 'accept')}>{t('web.transfers.accept')}</button>
              <button type="button" onClick={() => answer(tr.id, 'decline')}>{t('web.transfers.decline')}</button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
