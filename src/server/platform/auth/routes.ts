import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiToken, CreatedToken, LoginResult, TotpEnrolment,
  ChangePasswordInput, LangInput, LoginInput, MfaInput, ResetConfirmInput, ResetRequestInput, SessionState, TokenCreateInput,
} from '../../../shared/auth.js';
import { Ok } from '../../../shared/common.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { actorOf, auditContext } from '../http/context.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { loadMe } from './me.js';
import { SESSION_TTL_MS, type AuthService } from './service.js';


export function registerAuthRoutes(app: FastifyInstance, auth: AuthService, db: Database, options: { secureCookies: boolean; loginRateLimit: number }) {
  const { secureCookies } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: SESSION_TTL_MS / 1000 });

  r.get('/api/v1/auth/session', { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: SessionState } } }, async (req) => {
    if (!req.session) return { state: 'anonymous' as const, csrfToken: null, mfa: null, me: null };
    if (req.session.mfaPending) {
      return { state: 'mfa_pending' as const, csrfToken: req.session.csrfToken, mfa: await auth.mfaState(req.session.userId), me: null };
    }
    if (!req.actor) return { state: 'anonymous' as const, csrfToken: null, mfa: null, me: null };
    return { state: 'signed_in' as const, csrfToken: req.session.csrfToken, mfa: null, me: await loadMe(db, req.actor.userId) };
  });

  r.post(
    '/api/v1/auth/login',
    {
      // Per address: generous enough for a whole upazila office behind one NAT; each account also locks on its own.
      config: { access: 'public', rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginInput, response: { 200: LoginResult } },
    },
    async (req, reply) => {
      const result = await auth.login(req.body, { ...auditContext(req), userAgent: req.headers['user-agent'] ?? null });
      setCookie(reply, result.sessionId);
      reply.setCookie('ncpp_lang', result.lang, { path: '/', sameSite: 'lax', secure: secureCookies, maxAge: 365 * 86400 });
      return { mfaRequired: result.mfaRequired, csrfToken: result.csrfToken };
    },
  );

  r.post('/api/v1/auth/mfa', { config: { access: 'pending', rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: ['auth'], body: MfaInput, response: { 200: Ok } } }, async (req) => {
    await auth.verifyMfa(req.session!, req.body.code, auditContext(req));
    return { ok: true as const };
  });

  r.post('/api/v1/auth/mfa/enrol', { config: { access: 'pending' }, schema: { tags: ['auth'], response: { 200: TotpEnrolment } } }, async (req) => {
    const state = await auth.mfaState(req.session!.userId);
    if (state === 'enrolled' && !req.actor) throw new AppError('forbidden', 'mfa_already_enrolled');
    const me = await loadMe(db, req.session!.userId);
    return auth.beginTotp(req.session!.userId, me.username);
  });

  r.post('/api/v1/auth/mfa/confirm', { config: { access: 'pending', rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: ['auth'], body: MfaInput, response: { 200: Ok } } }, async (req) => {
    await auth.confirmTotp(req.session!.userId, req.body.code, auditContext(req));
    return { ok: true as const };
  });

  r.post('/api/v1/auth/logout', { config: { access: 'pending' }, schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
    await auth.logout(req.session!, auditContext(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.post(
    '/api/v1/auth/password-reset/request',
    { config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } }, schema: { tags: ['auth'], body: ResetRequestInput, response: { 202: Ok } } },
    async (req, reply) => {
      await auth.requestPasswordReset(req.body.login, auditContext(req));
      return reply.status(202).send({ ok: true as const });
    },
  );

  r.post(
    '/api/v1/auth/password-reset/confirm',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { tags: ['auth'], body: ResetConfirmInput, response: { 200: Ok } } },
    async (req) => {
      await auth.resetPassword(req.body.token, req.body.password, auditContext(req));
      return { ok: true as const };
    },
  );

  r.post('/api/v1/me/password', { schema: { tags: ['me'], body: ChangePasswordInput, response: { 200: Ok } } }, async (req) => {
    await auth.changePassword(actorOf(req), req.body.currentPassword, req.body.newPassword, auditContext(req));
    return { ok: true as const };
  });

  r.put('/api/v1/me/lang', { schema: { tags: ['me'], body: LangInput, response: { 200: Ok } } }, async (req, reply) => {
    await auth.setLang(actorOf(req), req.body.lang, auditContext(req));
    reply.setCookie('ncpp_lang', req.body.lang, { path: '/', sameSite: 'lax', secure: secureCookies, maxAge: 365 * 86400 });
    return { ok: true as const };
  });

  r.get('/api/v1/me/tokens', { schema: { tags: ['me'], response: { 200: z.object({ items: z.array(ApiToken) }) } } }, async (req) => ({
    items: (await auth.listTokens(actorOf(req).userId)).map((t) => ({ ...t, created_at: t.created_at.toISOString(), last_used_at: t.last_used_at?.toISOString() ?? null, revoked_at: t.revoked_at?.toISOString() ?? null })),
  }));

  r.post('/api/v1/me/tokens', { schema: { tags: ['me'], body: TokenCreateInput, response: { 201: CreatedToken } } }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.status(201).send(await auth.createToken(actor.userId, req.body.name, auditContext(req)));
  });

  r.delete('/api/v1/me/tokens/:id', { schema: { tags: ['me'], params: z.object({ id: z.uuid() }), response: { 200: Ok } } }, async (req) => {
    await auth.revokeToken(actorOf(req).userId, req.params.id, auditContext(req));
    return { ok: true as const };
  });
}
