import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionState } from '../shared/auth.js';
import { setCsrfToken, call } from './api.js';
import { currentLang, deviceLang, setLang } from './i18n.js';

export const SESSION_KEY = ['session'];

/**
 * Reads the session and applies what follows from it: the CSRF token, and the language
 * (signed in, the user's own for this session; signed out, the device's again). The router's
 * guards and the components share it, so whichever loads the session first applies both.
 */
export async function loadSession() {
  const s = await call('GET /api/v1/auth/session');
  setCsrfToken(s.csrfToken);
  const lang = s.me ? s.me.lang : deviceLang();
  if (lang !== currentLang()) await setLang(lang, { remember: false });
  return s;
}

/** The session as the server sees it; the CSRF token and the user's language follow it. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: loadSession,
    staleTime: 60_000,
  });
}

export function useRefreshSession() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: SESSION_KEY });
}

export function hasPermission(s: SessionState | undefined, permission: string): boolean {
  return Boolean(s?.me?.permissions.includes(permission));
}
