import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, field } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { date } from '../../i18n.js';
import { ScopeEditor, type Binding } from './ScopeEditor.js';

export function UserPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const qc = useQueryClient();
  const user = useQuery({ queryKey: ['admin', 'user', id], queryFn: () => call('GET /api/v1/admin/users/:id', { params: { id } }), retry: false });
  const roles = useQuery({ queryKey: ['admin', 'roles'], queryFn: () => call('GET /api/v1/admin/roles') });
  const [bindings, setBindings] = useState<Binding[]>([]);
  const { error, run: attempt } = useAction();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (user.data) setBindings(user.data.roles.map(({ role, scopeLevel, scopeCode }) => ({ role, scopeLevel, scopeCode })));
  }, [user.data]);

  if (user.error) return <ErrorBanner message={(user.error as Error).message} />;
  const u = user.data;
  if (!u) return <p>{t('web.common.loading')}</p>;
  const may = (a: string) => u.allowedActions.includes(a);
  const run = (fn: () => Promise<unknown>) => {
    setSaved(false);
    return attempt(async () => {
      await fn();
      setSaved(true);
      await qc.invalidateQueries({ queryKey: ['admin'] });
    });
  };
  const saveDetails = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void run(() => call('PATCH /api/v1/admin/users/:id', { params: { id }, body: { fullName: field(f, 'fullName'), email: field(f, 'email') || null } }));
  };
  const setPassword = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void run(() => call('PUT /api/v1/admin/users/:id/password', { params: { id }, body: { password: field(f, 'password') } }));
  };
  return (
    <div className="page">
      <h1>
        {u.fullName} <small>({u.username})</small>
      </h1>
      <p>
        {u.organisation.name} · {u.isActive ? t('web.admin.active') : t('web.admin.disabled')}
        {u.lockedUntil ? ` · ${t('web.admin.lockedUntil', { time: date(u.lockedUntil, true) })}` : ''}
      </p>
      <ErrorBanner message={error?.message} />
      {saved ? <p className="banner" role="status">{t('web.common.saved')}</p> : null}
      <form className="card" onSubmit={saveDetails} noValidate>
        <h2>{t('web.admin.details')}</h2>
        <Field label={t('web.admin.fullName')} name="fullName" defaultValue={u.fullName} disabled={!may('update')} error={error?.fields.fullName} />
        <Field label={t('web.admin.email')} name="email" type="email" defaultValue={u.email ?? ''} disabled={!may('update')} error={error?.fields.email} />
        {may('update') ? <button type="submit">{t('web.common.save')}</button> : null}
        {may('disable') ? (
          <button type="button" onClick={() => run(() => call('PATCH /api/v1/admin/users/:id', { params: { id }, body: { isActive: !u.isActive } }))}>
            {u.isActive ? t('web.admin.disable') : t('web.admin.enable')}
          </button>
        ) : null}
      </form>
      {may('setRoles') ? (
        <div className="card">
          <ScopeEditor roles={roles.data?.items ?? []} value={bindings} onChange={setBindings} errors={error?.fields ?? {}} />
          <button type="button" className="primary" onClick={() => run(() => call('PUT /api/v1/admin/users/:id/roles', { params: { id }, body: { roles: bindings } }))}>
            {t('web.admin.saveRoles')}
          </button>
        </div>
      ) : null}
      {may('resetPassword') ? (
        <form className="card" onSubmit={setPassword} noValidate>
          <h2>{t('web.admin.setPassword')}</h2>
          <Field label={t('web.auth.newPassword')} name="password" type="password" autoComplete="new-password" error={error?.fields.password} />
          <button type="submit">{t('web.common.save')}</button>
        </form>
      ) : null}
    </div>
  );
}
