import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { useAction } from '../../useAction.js';
import { ErrorBanner, Field } from '../../components/Field.js';
import { useRefreshSession, useSession } from '../../session.js';

/** The TOTP step: a code for enrolled users; enrolment (secret + first code) for the rest. */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const session = useSession();
  const { error, run } = useAction();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const needsEnrolment = session.data?.mfa === 'needs_enrolment';

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '');
    await run(async () => {
      await call(needsEnrolment ? 'POST /api/v1/auth/mfa/confirm' : 'POST /api/v1/auth/mfa', { body: { code } });
      await refresh();
      await navigate({ to: '/' });
    });
  };

  const enrol = async () => setEnrolment(await call('POST /api/v1/auth/mfa/enrol'));

  return (
    <main className="auth-page">
      <h1>{t('web.auth.twoFactor')}</h1>
      <form onSubmit={submit} className="card" noValidate>
        <ErrorBanner message={error?.message} />
        {needsEnrolment ? (
          <div>
            <p>{t('web.auth.enrolIntro')}</p>
            {enrolment ? (
              <p>
                {t('web.auth.secret')}: <code className="secret">{enrolment.secret}</code>
              </p>
            ) : (
              <button type="button" onClick={enrol}>
                {t('web.auth.showSecret')}
              </button>
            )}
          </div>
        ) : (
          <p>{t('web.auth.codeIntro')}</p>
        )}
        <Field label={t('web.auth.code')} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required error={error?.fields.code} />
        <button type="submit" className="primary">
          {t('web.auth.verify')}
        </button>
      </form>
    </main>
  );
}
