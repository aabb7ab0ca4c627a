import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { call, field } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [done, setDone] = useState(false);
  const { error, run } = useAction();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await run(async () => {
      await call('POST /api/v1/auth/password-reset/confirm', { body: { token, password: field(new FormData(e.currentTarget), 'password') } });
      setDone(true);
    });
  };
  return (
    <main className="auth-page">
      <h1>{t('web.auth.newPassword')}</h1>
      {done ? (
        <p className="card banner" role="status">
          {t('web.auth.resetDone')} <Link to="/login">{t('web.auth.signIn')}</Link>
        </p>
      ) : (
        <form onSubmit={submit} className="card" noValidate>
          <ErrorBanner message={error?.message} />
          <p className="hint">{t('web.auth.passwordRules')}</p>
          <Field label={t('web.auth.newPassword')} name="password" type="password" autoComplete="new-password" required error={error?.fields.password ?? error?.fields.token} />
          <button type="submit" className="primary">
            {t('web.auth.setPassword')}
          </button>
        </form>
      )}
    </main>
  );
}
