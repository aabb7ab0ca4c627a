import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, field, optionalField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner } from '../../components/Field.js';
import { UnitPicker } from '../admin/UnitPicker.js';


/** Asks another worker, organisation or district to take the case; nothing moves until they accept. */
export function TransferPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState('');
  const [place, setPlace] = useState<string | null>(null);
  const { error, run } = useAction();
  const [sent, setSent] = useState(false);
  const orgs = useQuery({ queryKey: ['directory', q], queryFn: () => call('GET /api/v1/organisations', { query: { q } }), enabled: open && q.trim().length >= 2 });
  const people = useQuery({ queryKey: ['caseworkers', orgId], queryFn: () => call('GET /api/v1/organisations/:id/caseworkers', { params: { id: orgId } }), enabled: Boolean(orgId) });
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    await run(async () => {
      await call('POST /api/v1/cases/:id/transfers', { params: { id: caseId }, body: { toOrganisationId: orgId, toUserId: optionalField(f, 'toUserId'), newGeoCode: place || undefined, reason: field(f, 'reason') } });
      setSent(true);
      await qc.invalidateQueries({ queryKey: ['case', caseId] });
    });
  };
  return (
    <details className="card" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('web.transfers.request')}</summary>
      {sent ? <p className="banner" role="status">{t('web.common.saved')}</p> : (
        <form onSubmit={submit} noValidate>
          <ErrorBanner message={error ? `${error.message} ${Object.values(error.fields).join(' ')}` : null} />
          <div className="field">
            <label htmlFor="f-org-q">{t('web.transfers.organisation')}</label>
            <input id="f-org-q" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('web.common.search')} />
            <select aria-label={t('web.transfers.organisation')} value={orgId} onChange={(e) => setOrgId(e.target.value)}>
              <option value="" />
              {orgs.data?.items.map((o) => <option key={o.id} value={o.id}>{o.name}{o.place ? ` · ${o.place}` : ''}</option>)}
            </select>
          </div>
          {orgId ? (
            <div className="field">
              <label htmlFor="f-to-user">{t('web.transfers.person')}</label>
              <select id="f-to-user" name="toUserId"><option value="" />{people.data?.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
            </div>
          ) : null}
          <div className="field"><span>{t('web.transfers.newPlace')}</span><UnitPicker level={4} value={place} onChange={setPlace} /></div>
          <div className="field">
            <label htmlFor="f-t-reason">{t('web.transfers.reason')}</label>
            <textarea id="f-t-reason" name="reason" rows={2} />
          </div>
          <button type="submit" disabled={!orgId}>{t('web.transfers.send')}</button>
        </form>
      )}
    </details>
  );
}
