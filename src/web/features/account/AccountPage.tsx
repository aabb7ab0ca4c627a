import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, field } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { date } from '../../i18n.js';


/** Own account: password change and API tokens for systems acting as this user. */
export function AccountPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: ['me', 'tokens'], queryFn: () => call('GET /api/v1/me/tokens') });
  const { error, run: attempt } = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const [newToken, setNewToken] = useState<string | null>(null);
  const run = (fn: () => Promise<void>) => {
    setMessage(null);
    return attempt(fn);
  };
  const changePassword = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    void run(async () => {
      await call('POST /api/v1/me/password', { body: { currentPassword: field(f, 'currentPassword'), newPassword: field(f, 'newPassword') } });
      form.reset();
      setMessage(t('web.common.saved'));
    });
  };
  const createToken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = field(new FormData(e.currentTarget), 'name');
    void run(async () => {
      const r = await call('POST /api/v1/me/tokens', { body: { name } });
      setNewToken(r.token);
      await qc.invalidateQueries({ queryKey: ['me', 'tokens'] });
    });
  };
  const revoke = (id: string) =>
    run(async () => {
      await call('DELETE /api/v1/me/tokens/:id', { params: { id } });
      await qc.invalidateQueries({ queryKey: ['me', 'tokens'] });
    });
  return (
    <div className="page">
      <h1>{t('web.nav.account')}</h1>
      <ErrorBanner message={error?.message} />
      {message ? <p className="banner" role="status">{message}</p> : null}
      <form className="card" onSubmit={changePassword} noValidate>
        <h2>{t('web.account.changePassword')}</h2>
        <p className="hint">{t('web.auth.passwordRules')}</p>
        <Field label={t('web.account.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" error={error?.fields.currentPassword} />
        <Field label={t('web.auth.newPassword')} name="newPassword" type="password" autoComplete="new-password" error={error?.fields.newPassword} />
        <button type="submit">{t('web.common.save')}</button>
      </form>
      <section className="card">
        <h2>{t('web.account.tokens')}</h2>
        <p className="hint">{t('web.account.tokensHint')}</p>
        {newToken ? (
          <p className="banner" role="status">
            {t('web.account.tokenOnce')} <code className="secret">{newToken}</code>
          </p>
        ) : null}
        <form onSubmit={createToken} className="inline" noValidate>
          <Field label={t('web.account.tokenName')} name="name" error={error?.fields.name} />
          <button type="submit">{t('web.account.createToken')}</button>
        </form>
        <ul className="plain">
          {tokens.data?.items.map((tk) => (
            <li key={tk.id}>
              <strong>{tk.name}</strong> <code>{tk.prefix}…</code> <small>{date(tk.created_at)}</small>{' '}
              {tk.revoked_at ? (
                <em>{t('web.account.revoked')}</em>
              ) : (
                <button type="button" onClick={() => revoke(tk.id)}>
                  {t('web.account.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
