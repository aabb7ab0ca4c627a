import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, field, optionalField, choiceField } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { hasPermission, useSession } from '../../session.js';
import { ScopeEditor, type Binding } from './ScopeEditor.js';

export function UsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [q, setQ] = useState('');
  const users = useQuery({ queryKey: ['admin', 'users', q], queryFn: () => call('GET /api/v1/admin/users', { query: { limit: 200, q } }) });
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <h1>{t('web.nav.users')}</h1>
      <div className="toolbar">
        <input type="search" aria-label={t('web.common.search')} placeholder={t('web.common.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        {hasPermission(session.data, 'admin.users.manage') ? (
          <button type="button" onClick={() => setCreating(!creating)}>
            {t('web.admin.newUser')}
          </button>
        ) : null}
      </div>
      {creating ? <NewUserForm onDone={() => setCreating(false)} /> : null}
      {/* Wide tables scroll sideways on a phone: focusable, so a keyboard can scroll them too. */}
      <table className="table" tabIndex={0}>
        <thead>
          <tr>
            <th>{t('web.admin.username')}</th>
            <th>{t('web.admin.fullName')}</th>
            <th>{t('web.admin.organisation')}</th>
            <th>{t('web.admin.roles')}</th>
            <th>{t('web.admin.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((u) => (
            <tr key={u.id}>
              <td>
                <Link to="/admin/users/$id" params={{ id: u.id }}>
                  {u.username}
                </Link>
              </td>
              <td>{u.fullName}</td>
              <td>{u.organisation.name}</td>
              <td>{u.roles.map((r) => `${r.role}${r.scopeName ? ` (${r.scopeName})` : ''}`).join(', ')}</td>
              <td>{u.isActive ? t('web.admin.active') : t('web.admin.disabled')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useQuery({ queryKey: ['admin', 'orgs', ''], queryFn: () => call('GET /api/v1/admin/organisations', { query: { limit: 200 } }) });
  const roles = useQuery({ queryKey: ['admin', 'roles'], queryFn: () => call('GET /api/v1/admin/roles') });
  const [bindings, setBindings] = useState<Binding[]>([]);
  const { error, run } = useAction();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    await run(async () => {
      await call('POST /api/v1/admin/users', {
        body: {
          username: field(f, 'username'), fullName: field(f, 'fullName'), email: optionalField(f, 'email') ?? null, organisationId: field(f, 'organisationId'),
          lang: choiceField<'en' | 'bn'>(f, 'lang'), password: field(f, 'password'), roles: bindings,
        },
      });
      await qc.invalidateQueries({ queryKey: ['admin', 'users'] });
      onDone();
    });
  };
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{t('web.admin.newUser')}</h2>
      <ErrorBanner message={error?.message} />
      <Field label={t('web.admin.username')} name="username" required error={error?.fields.username} />
      <Field label={t('web.admin.fullName')} name="fullName" required error={error?.fields.fullName} />
      <Field label={t('web.admin.email')} name="email" type="email" error={error?.fields.email} />
      <div className="field">
        <label htmlFor="f-org">{t('web.admin.organisation')}</label>
        <select id="f-org" name="organisationId" required>
          {orgs.data?.items.map((o) => (
            <option key={o.id} value={o.id}>
              {o.nameEn}
            </option>
          ))}
        </select>
        {error?.fields.organisationId ? <p className="field-error">{error.fields.organisationId}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="f-lang">{t('web.lang.label')}</label>
        <select id="f-lang" name="lang" defaultValue="bn">
          <option value="bn">বাংলা</option>
          <option value="en">English</option>
        </select>
      </div>
      <Field label={t('web.auth.password')} name="password" type="password" autoComplete="new-password" required error={error?.fields.password} />
      <ScopeEditor roles={roles.data?.items ?? []} value={bindings} onChange={setBindings} errors={error?.fields ?? {}} />
      <button type="submit" className="primary">
        {t('web.common.save')}
      </button>
    </form>
  );
}
