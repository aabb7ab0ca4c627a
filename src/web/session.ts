import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionState } from '../shared/auth.js';
import { setCsrfToken, call } from './api.js';
import { currentLang, setLang } from './i18n.js';

export const SESSION_KEY = ['session'];

/** The session as the server sees it; the CSRF token and the user's language follow it. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const s = await call('GET /api/v1/auth/session');
      setCsrfToken(s.csrfToken);
      if (s.me && s.me.lang !== currentLang()) await setLang(s.me.lang);
      return s;
    },
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
