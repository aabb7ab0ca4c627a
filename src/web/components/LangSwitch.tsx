import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n/index.js';
import { call } from '../api.js';
import { setLang } from '../i18n.js';
import { useQueryClient } from '@tanstack/react-query';
import { SESSION_KEY, useRefreshSession, useSession } from '../session.js';

/** English / বাংলা. Signed-in users keep their choice on the server, so it follows them. */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const refresh = useRefreshSession();
  const qc = useQueryClient();
  const choose = async (lang: Lang) => {
    // Signed in, the choice is the user's (kept on the server); signed out, it is the device's.
    const signedIn = session.data?.state === 'signed_in';
    await setLang(lang, { remember: !signedIn });
    if (signedIn) {
      await call('PUT /api/v1/me/lang', { body: { lang } });
      await refresh();
      // The server names places, services and organisations in the reader's language: read them again.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    }
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('web.lang.label')}>
      <button type="button" className={i18n.language === 'en' ? 'active' : ''} aria-pressed={i18n.language === 'en'} onClick={() => choose('en')} lang="en">
        English
      </button>
      <button type="button" className={i18n.language === 'bn' ? 'active' : ''} aria-pressed={i18n.language === 'bn'} onClick={() => choose('bn')} lang="bn">
        বাংলা
      </button>
    </div>
  );
}
