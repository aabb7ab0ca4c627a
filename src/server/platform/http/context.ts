import type { FastifyRequest } from 'fastify';
import { isLang, type Lang } from '../../../shared/i18n/index.js';
import type { Actor } from '../access/actor.js';
import { roleLabel } from '../access/actor.js';
import type { AuditContext } from '../audit/audit.js';
import type { SessionInfo } from '../auth/service.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
    session: SessionInfo | undefined;
    lang: Lang;
  }
  interface FastifyContextConfig {
    /** `public`: no sign-in; `pending`: a password-accepted session awaiting its TOTP step. */
    access?: 'public' | 'pending' | 'user';
  }
}

/** The caller's language: their saved choice, else the language cookie, else the browser's. */
export function requestLang(req: FastifyRequest): Lang {
  if (req.actor) return req.actor.lang;
  const cookie = req.cookies?.ncpp_lang;
  if (isLang(cookie)) return cookie;
  const accept = req.headers['accept-language'] ?? '';
  return /^bn\b/i.test(accept) ? 'bn' : 'en';
}

export function auditContext(req: FastifyRequest): AuditContext {
  return {
    actorUserId: req.actor?.userId ?? req.session?.userId ?? null,
    actorRole: req.actor ? roleLabel(req.actor) : null,
    requestId: String(req.id),
    ip: req.ip ?? null,
  };
}

/** The signed-in caller; routes with `access: 'user'` (the default) never see undefined. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
