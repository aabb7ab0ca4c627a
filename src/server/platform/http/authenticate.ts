import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/service.js';
import { AppError } from '../errors.js';
import { auditContext, requestLang } from './context.js';

export const SESSION_COOKIE = 'ncpp_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller on every request (Bearer token, else session cookie), enforces CSRF on
 * state-changing cookie requests, and refuses routes the caller may not reach. Routes opt out
 * with `config: { access: 'public' }`.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('session', undefined);
  app.decorateRequest('lang', 'en');

  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.lang = requestLang(req);
    // The web app's files and the API documentation (no data) need no sign-in.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const access = req.routeOptions.config?.access ?? 'user';
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      // Two-factor steps and sign-out act on a browser session, which a token does not have.
      if (access === 'pending') throw new AppError('forbidden', 'session_only');
      const actor = await auth.actorFromToken(header.slice(7).trim(), auditContext(req));
      if (!actor) throw new AppError('unauthenticated', 'token_invalid');
      req.actor = actor;
      req.lang = actor.lang;
      return; // Tokens are not ambient credentials: no CSRF exposure.
    }
    const raw = req.cookies[SESSION_COOKIE];
    const found = raw ? await auth.session(raw) : undefined;
    const session = found?.session;
    if (session) {
      req.session = session;
      if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
        throw new AppError('forbidden', 'csrf');
      }
      req.actor = found.actor;
      if (req.actor) req.lang = req.actor.lang;
    } else if (!SAFE_METHODS.has(req.method) && access !== 'public') {
      throw new AppError('unauthenticated');
    }
    if (access === 'public') return;
    if (access === 'pending') {
      if (!req.session) throw new AppError('unauthenticated');
      return;
    }
    if (!req.actor) throw new AppError(req.session?.mfaPending ? 'mfa_required' : 'unauthenticated');
  });
}
