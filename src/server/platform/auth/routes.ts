import type { FastifyInstance, FastifyReply } from 'fastify';
import { authApi } from '../../../shared/auth.js';
import { routesFrom } from '../http/contract.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { actorOf, auditContext } from '../http/context.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { loadMe } from './me.js';
import { SESSION_TTL_MS, type AuthService } from './service.js';


export function registerAuthRoutes(app: FastifyInstance, auth: AuthService, db: Database, options: { secureCookies: boolean; loginRateLimit: number }) {
  const { secureCookies } = options;
  const on = routesFrom(app, authApi, ['auth']);
  const setCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: SESSION_TTL_MS / 1000 });

  on('GET /api/v1/auth/session', { config: { access: 'public' } }, async (req) => {
    if (!req.session) return { state: 'anonymous' as const, csrfToken: null, mfa: null, me: null };
    if (req.session.mfaPending) {
      return { state: 'mfa_pending' as const, csrfToken: req.session.csrfToken, mfa: await auth.mfaState(req.session.userId), me: null };
    }
    if (!req.actor) return { state: 'anonymous' as const, csrfToken: null, mfa: null, me: null };
    return { state: 'signed_in' as const, csrfToken: req.session.csrfToken, mfa: null, me: await loadMe(db, req.actor.userId) };
  });

  // Per address: generous enough for a whole upazila office behind one NAT; each account also locks on its own.
  on('POST /api/v1/auth/login', { config: { access: 'public', rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const result = await auth.login(req.body, { ...auditContext(req), userAgent: req.headers['user-agent'] ?? null });
      setCookie(reply, result.sessionId);
      reply.setCookie('ncpp_lang', result.lang, { path: '/', sameSite: 'lax', secure: secureCookies, maxAge: 365 * 86400 });
      return { mfaRequired: result.mfaRequired, csrfToken: result.csrfToken };
    },
  );

  on('POST /api/v1/auth/mfa', { config: { access: 'pending', rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req) => {
    await auth.verifyMfa(req.session!, req.body.code, auditContext(req));
    return { ok: true as const };
  });

  on('POST /api/v1/auth/mfa/enrol', { config: { access: 'pending' } }, async (req) => {
    const state = await auth.mfaState(req.session!.userId);
    if (state === 'enrolled' && !req.actor) throw new AppError('forbidden', 'mfa_already_enrolled');
    const me = await loadMe(db, req.session!.userId);
    return auth.beginTotp(req.session!.userId, me.username);
  });

  on('POST /api/v1/auth/mfa/confirm', { config: { access: 'pending', rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req) => {
    await auth.confirmTotp(req.session!.userId, req.body.code, auditContext(req));
    return { ok: true as const };
  });

  on('POST /api/v1/auth/logout', { config: { access: 'pending' } }, async (req, reply) => {
    await auth.logout(req.session!, auditContext(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  on('POST /api/v1/auth/password-reset/request', { config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } } },
    async (req, reply) => {
      await auth.requestPasswordReset(req.body.login, auditContext(req));
      return reply.status(202).send({ ok: true as const });
    },
  );

  on('POST /api/v1/auth/password-reset/confirm', { config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req) => {
      await auth.resetPassword(req.body.token, req.body.password, auditContext(req));
      return { ok: true as const };
    },
  );

  on('POST /api/v1/me/password', { tags: ['me'] }, async (req) => {
    await auth.changePassword(actorOf(req), req.body.currentPassword, req.body.newPassword, auditContext(req));
    return { ok: true as const };
  });

  on('PUT /api/v1/me/lang', { tags: ['me'] }, async (req, reply) => {
    await auth.setLang(actorOf(req), req.body.lang, auditContext(req));
    reply.setCookie('ncpp_lang', req.body.lang, { path: '/', sameSite: 'lax', secure: secureCookies, maxAge: 365 * 86400 });
    return { ok: true as const };
  });

  on('GET /api/v1/me/tokens', { tags: ['me'] }, async (req) => ({
    items: (await auth.listTokens(actorOf(req).userId)).map((t) => ({ ...t, created_at: t.created_at.toISOString(), last_used_at: t.last_used_at?.toISOString() ?? null, revoked_at: t.revoked_at?.toISOString() ?? null })),
  }));

  on('POST /api/v1/me/tokens', { tags: ['me'] }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.status(201).send(await auth.createToken(actor.userId, req.body.name, auditContext(req)));
  });

  on('DELETE /api/v1/me/tokens/:id', { tags: ['me'] }, async (req) => {
    await auth.revokeToken(actorOf(req).userId, req.params.id, auditContext(req));
    return { ok: true as const };
  });
}
