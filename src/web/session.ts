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
let loads = 0;
export async function loadSession() {
  const load = ++loads;
  const s = await call('GET /api/v1/auth/session');
  // Only the newest read decides: an older one answering late (the signed-out read still on its
  // way when sign-in completes) must not switch the language or token back.
  if (load !== loads) return s;
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
