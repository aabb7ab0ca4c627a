import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus, ReferralResponse } from '../../../shared/referrals.js';
import { TEXT_LIMITS } from '../../../shared/values.js';
import { call } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { useReasonDialog } from '../../components/ReasonDialog.js';
import { date, num } from '../../i18n.js';
import { Link } from '@tanstack/react-router';
import { hasPermission, useSession } from '../../session.js';
import { INSTITUTION_PERMISSIONS } from '../../../shared/permissions/institutions.js';

/** A provider's inbox: referrals to their organisation, with only what consent allowed to be shared. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<ReferralStatus | ''>('pending');
  const list = useQuery({ queryKey: ['incoming', status], queryFn: () => call('GET /api/v1/referrals', { query: { status: status || undefined } }) });
  const { error, run } = useAction();
  const { ask, dialog } = useReasonDialog();
  // A facility's staff admit the child of a shelter referral without seeing the case file.
  const mayAdmit = hasPermission(useSession().data, INSTITUTION_PERMISSIONS.place);
  const act = async (id: string, action: ReferralResponse['action']) => {
    let body: ReferralResponse = { action: 'accept' };
    if (action === 'decline') {
      const reason = await ask(t('web.referrals.declineReason'), TEXT_LIMITS.reason);
      if (!reason) return;
      body = { action, reason };
    }
    if (action === 'complete') {
      const feedback = await ask(t('web.referrals.feedbackPrompt'), TEXT_LIMITS.feedback);
      if (!feedback) return;
      body = { action, feedback };
    }
    await run(async () => {
      await call('POST /api/v1/referrals/:id/response', { params: { id }, body });
      await qc.invalidateQueries({ queryKey: ['incoming'] });
    });
  };
  return (
    <div className="page">
      <h1>{t('web.referrals.incoming')}</h1>
      {dialog}
      <select aria-label={t('web.cases.status')} value={status} onChange={(e) => setStatus(e.target.value as ReferralStatus | '')}>
        {['pending', 'accepted', 'completed', 'declined', ''].map((s) => <option key={s} value={s}>{s ? t(`web.referrals.statuses.${s}`) : t('web.cases.statuses.all')}</option>)}
      </select>
      <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
      <ul className="case-list">
        {list.data?.items.map((r) => (
          <li key={r.id} className="case-card">
            <strong>{r.service.name}</strong> · {r.shared.caseNumber} · <span className="tag small">{t(`web.referrals.statuses.${r.status}`)}</span> <small>{date(r.createdAt)}</small>
            <p>{r.shared.reason}</p>
            {r.shared.child ? (
              <p className="meta">{r.shared.child.names.join(' / ')} · {t(`web.cases.sexes.${r.shared.child.sex}`)}{r.shared.child.ageYears !== null ? ` · ${t('web.cases.age', { ageText: num(r.shared.child.ageYears) })}` : ''}{r.shared.place ? ` · ${r.shared.place}` : ''}</p>
            ) : (
              <p className="hint">{t('web.referrals.noConsentProvider')}</p>
            )}
            {r.shared.caseworker ? <p className="meta">{t('web.cases.caseworker')}: {r.shared.caseworker.name}{r.shared.caseworker.phone ? ` · ${r.shared.caseworker.phone}` : ''}</p> : null}
            <div className="toolbar">
              {r.allowedActions.map((a) => <button key={a} type="button" onClick={() => act(r.id, a as ReferralResponse['action'])}>{t(`web.referrals.actions.${a}`)}</button>)}
              {mayAdmit && r.service.category === 'shelter' && (r.status === 'pending' || r.status === 'accepted') ? <Link className="button" to="/facilities/admit" search={{ referral: r.id }}>{t('web.institutions.admitFromReferral')}</Link> : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
