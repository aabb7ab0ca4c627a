import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { call, field } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const { error, run } = useAction();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    await run(async () => {
      await call('POST /api/v1/auth/password-reset/request', { body: { login: field(new FormData(e.currentTarget), 'login') } });
      setSent(true);
    });
  };
  return (
    <main className="auth-page">
      <h1>{t('web.auth.forgot')}</h1>
      {sent ? (
        <p className="card banner" role="status">
          {t('web.auth.resetSent')}
        </p>
      ) : (
        <form onSubmit={submit} className="card" noValidate>
          <ErrorBanner message={error?.message} />
          <Field label={t('web.auth.login')} name="login" autoComplete="email" required error={error?.fields.login} />
          <button type="submit" className="primary">
            {t('web.auth.sendLink')}
          </button>
        </form>
      )}
      <p>
        <Link to="/login">{t('web.auth.backToSignIn')}</Link>
      </p>
    </main>
  );
}
