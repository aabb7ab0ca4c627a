import type { FastifyInstance } from 'fastify';
import { authApi } from '../../../shared/auth.js';
import { routesFrom } from '../http/contract.js';
import { AppError } from '../errors.js';
import { auditContext } from '../http/context.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import type { Oidc } from './oidc.js';
import { SESSION_TTL_MS, type AuthService } from './service.js';

const STATE_COOKIE = 'ncpp_oidc';

/** Browser redirects for OIDC sign-in. Failures land back on the login page with an error code. */
export function registerOidcRoutes(app: FastifyInstance, oidc: Oidc | undefined, auth: AuthService, options: { secureCookies: boolean; publicUrl: string }) {
  const on = routesFrom(app, authApi, ['auth']);
  const config = { access: 'public' as const };

  on('GET /api/v1/auth/providers', { config }, async () => ({ oidc: Boolean(oidc) }));
  if (!oidc) return;

  on('GET /api/v1/auth/oidc/start', { config: { ...config, rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (_req, reply) => {
    const { url, sealed } = await oidc.start();
    reply.setCookie(STATE_COOKIE, sealed, { path: '/api/v1/auth/oidc', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: 600 });
    return reply.redirect(url);
  });

  on('GET /api/v1/auth/oidc/callback', { config }, async (req, reply) => {
    const current = new URL(req.url, options.publicUrl);
    reply.clearCookie(STATE_COOKIE, { path: '/api/v1/auth/oidc' });
    try {
      const userId = await oidc.finish(current, req.cookies[STATE_COOKIE], auditContext(req));
      const result = await auth.loginExternal(userId, 'oidc', { ...auditContext(req), userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, result.sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: SESSION_TTL_MS / 1000 });
      return reply.redirect(result.mfaRequired ? '/login/two-factor' : '/');
    } catch (err) {
      const code = err instanceof AppError ? err.messageId : 'oidc_failed';
      return reply.redirect(`/login?error=${encodeURIComponent(code)}`);
    }
  });
}
