import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, setCsrfToken, call, field } from '../../api.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { LangSwitch } from '../../components/LangSwitch.js';
import { useRefreshSession } from '../../session.js';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const providers = useQuery({ queryKey: ['providers'], queryFn: () => call('GET /api/v1/auth/providers'), staleTime: Infinity });
  // The identity provider's callback lands here with an error code when it could not sign in.
  const returned = new URLSearchParams(window.location.search).get('error');
  const returnedMessage = returned && /^oidc_[a-z_]+$/.test(returned) ? t(`errors.${returned}`) : null;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const r = await call('POST /api/v1/auth/login', { body: { username: field(form, 'username'), password: field(form, 'password') } });
      setCsrfToken(r.csrfToken);
      await refresh();
      await navigate({ to: r.mfaRequired ? '/login/two-factor' : '/' });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', t('web.errors.network'), null));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <LangSwitch />
      <h1>{t('app.name')}</h1>
      <form onSubmit={submit} className="card" noValidate>
        <h2>{t('web.auth.signIn')}</h2>
        <ErrorBanner message={error?.message ?? returnedMessage} />
        <Field label={t('web.auth.username')} name="username" autoComplete="username" autoCapitalize="none" required error={error?.fields.username} />
        <Field label={t('web.auth.password')} name="password" type="password" autoComplete="current-password" required error={error?.fields.password} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('web.common.wait') : t('web.auth.signIn')}
        </button>
        <p>
          <Link to="/forgot-password">{t('web.auth.forgot')}</Link>
        </p>
        {providers.data?.oidc ? (
          <p>
            {t('web.auth.or')} <a href="/api/v1/auth/oidc/start">{t('web.auth.oidc')}</a>
          </p>
        ) : null}
      </form>
    </main>
  );
}
