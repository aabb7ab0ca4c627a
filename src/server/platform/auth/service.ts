import type { Lang } from '../../../shared/i18n/index.js';
import { translate } from '../../../shared/i18n/index.js';
import type { Actor } from '../access/actor.js';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import { decrypt, encrypt, randomToken, sha256 } from '../crypto/secrets.js';
import type { Database, Queryable } from '../db/database.js';
import { prepared, sql } from '../db/sql.js';
import { AppError } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';
import { ACTOR_SELECT, actorFromRow, loadActor, type ActorRow, type UserRow } from './actor-loader.js';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;
export const SEND_MAIL_JOB = 'mail.send';

export type AuthOptions = {
  db: Database;
  jobs: JobQueue;
  secretKey: Buffer;
  production: boolean;
  publicUrl: string;
  issuer: string;
};

export type SessionInfo = { idHash: string; userId: string; csrfToken: string; mfaPending: boolean };

type LoginResult = { sessionId: string; csrfToken: string; mfaRequired: boolean; userId: string; lang: Lang };

const invalid = () => new AppError('unauthenticated', 'invalid_credentials');

/**
 * Sign-in, sessions, two-factor, API tokens and password reset. Every outcome that matters
 * for security (login, failed login, lockout, token creation and use, reset) is audited.
 */
export function createAuthService(o: AuthOptions) {
  const { db } = o;

  async function requiresMfa(q: Queryable, userId: string): Promise<boolean> {
    const r = await q.one<{ required: boolean }>(sql`
      SELECT EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.key = ur.role_key
                     WHERE ur.user_id = ${userId} AND r.requires_mfa) AS required`);
    return r.required;
  }

  async function startSession(q: Queryable, userId: string, mfaPending: boolean, ip: string | null, userAgent: string | null) {
    const sessionId = randomToken(32);
    const csrfToken = randomToken(24);
    await q.query(sql`
      INSERT INTO sessions (id_hash, user_id, csrf_token, mfa_pending, expires_at, ip, user_agent)
      VALUES (${sha256(sessionId)}, ${userId}, ${csrfToken}, ${mfaPending}, ${new Date(Date.now() + SESSION_TTL_MS)}, ${ip}, ${userAgent})`);
    return { sessionId, csrfToken };
  }

  return {
    /**
     * Password sign-in. Every refusal answers the same 401 (an unknown name, a wrong password,
     * a disabled or a locked account) after one password check, so neither the answer nor its
     * timing tells whether an account exists or is locked. Failures are counted and the lock
     * set in one statement (row-locked), so parallel guesses cannot slip past the count; a
     * right password is let in only by the statement that finds the account unlocked.
     */
    async login(input: { username: string; password: string }, ctx: AuditContext & { userAgent: string | null }): Promise<LoginResult> {
      const username = input.username.trim().toLowerCase();
      const user = await db.maybeOne<UserRow>(sql`SELECT * FROM users WHERE username = ${username}`);
      const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
      if (!user) {
        await db.tx((tx) => recordAudit(tx, ctx, { action: 'auth.login_failed', entity: 'user', entityId: null, meta: { username, reason: 'unknown_user' } }));
        throw invalid();
      }
      const who = { ...ctx, actorUserId: user.id };
      if (!passwordOk || !user.is_active || (user.is_demo && o.production)) {
        const reason = !passwordOk ? 'bad_password' : !user.is_active ? 'disabled' : 'demo_in_production';
        await db.tx(async (tx) => {
          const after = await tx.one<{ locked: boolean; just_locked: boolean }>(sql`
            UPDATE users SET
              failed_logins = CASE WHEN failed_logins + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN failed_logins + 1 >= ${MAX_FAILED_LOGINS} THEN now() + ${`${LOCKOUT_MS / 1000} seconds`}::interval ELSE locked_until END
            WHERE id = ${user.id}
            RETURNING coalesce(locked_until > now(), false) AS locked, failed_logins = 0 AS just_locked`);
          await recordAudit(tx, who, { action: 'auth.login_failed', entity: 'user', entityId: user.id, meta: { reason, locked: after.locked, ...(after.just_locked && after.locked ? { lockedNow: true } : {}) } });
        });
        if (passwordOk && user.is_active && user.is_demo && o.production) throw new AppError('forbidden', 'demo_refused');
        throw invalid();
      }
      const unlocked = await db.maybeOne(sql`
        UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ${user.id} AND (locked_until IS NULL OR locked_until <= now()) RETURNING id`);
      if (!unlocked) {
        await db.tx((tx) => recordAudit(tx, who, { action: 'auth.login_refused', entity: 'user', entityId: user.id, meta: { reason: 'locked' } }));
        throw invalid();
      }
      const mfaRequired = user.totp_enabled || (await requiresMfa(db, user.id));
      return db.tx(async (tx) => {
        const s = await startSession(tx, user.id, mfaRequired, ctx.ip, ctx.userAgent);
        await recordAudit(tx, who, { action: mfaRequired ? 'auth.password_ok' : 'auth.login', entity: 'user', entityId: user.id });
        return { ...s, mfaRequired, userId: user.id, lang: user.lang };
      });
    },

    /** Opens a session for a user an external identity provider vouched for (OIDC). */
    async loginExternal(userId: string, via: string, ctx: AuditContext & { userAgent: string | null }): Promise<LoginResult> {
      const user = await db.one<UserRow>(sql`SELECT * FROM users WHERE id = ${userId}`);
      if (!user.is_active || (user.is_demo && o.production)) throw invalid();
      // The provider proves who signed in; roles that require TOTP still ask for it here.
      const mfaRequired = user.totp_enabled || (await requiresMfa(db, user.id));
      return db.tx(async (tx) => {
        const s = await startSession(tx, user.id, mfaRequired, ctx.ip, ctx.userAgent);
        await recordAudit(tx, { ...ctx, actorUserId: user.id }, { action: mfaRequired ? 'auth.password_ok' : 'auth.login', entity: 'user', entityId: user.id, meta: { via } });
        return { ...s, mfaRequired, userId: user.id, lang: user.lang };
      });
    },

    /** Completes a password-accepted session with a TOTP code. */
    async verifyMfa(session: SessionInfo, code: string, ctx: AuditContext): Promise<void> {
      const user = await db.one<UserRow>(sql`SELECT * FROM users WHERE id = ${session.userId}`);
      if (!user.totp_enabled || !user.totp_secret_enc) throw new AppError('forbidden', 'mfa_not_enrolled');
      const ok = checkTotp(decrypt(o.secretKey, user.totp_secret_enc), code.trim());
      await db.tx(async (tx) => {
        if (ok) await tx.query(sql`UPDATE sessions SET mfa_pending = false WHERE id_hash = ${session.idHash}`);
        await recordAudit(tx, { ...ctx, actorUserId: user.id }, { action: ok ? 'auth.login' : 'auth.mfa_failed', entity: 'user', entityId: user.id, meta: { mfa: true } });
      });
      if (!ok) throw new AppError('unauthenticated', 'mfa_invalid');
    },

    /**
     * Looks a cookie's session up together with its user and role bindings (one round trip on
     * every request); refreshes the expiry at most once a minute. A session still waiting for
     * its TOTP step carries no actor.
     */
    async session(rawId: string): Promise<{ session: SessionInfo; actor: Actor | undefined } | undefined> {
      const idHash = sha256(rawId);
      const row = await db.maybeOne<ActorRow & { user_id: string; csrf_token: string; mfa_pending: boolean; expires_at: Date; last_seen_at: Date }>(prepared(sql`
        SELECT s.user_id, s.csrf_token, s.mfa_pending, s.expires_at, s.last_seen_at, ${ACTOR_SELECT}
        FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ${idHash}`));
      if (!row || row.expires_at.getTime() < Date.now()) return undefined;
      if (Date.now() - row.last_seen_at.getTime() > 60_000) {
        await db.query(sql`UPDATE sessions SET last_seen_at = now(), expires_at = ${new Date(Date.now() + SESSION_TTL_MS)} WHERE id_hash = ${idHash}`);
      }
      const session = { idHash, userId: row.user_id, csrfToken: row.csrf_token, mfaPending: row.mfa_pending };
      return { session, actor: row.mfa_pending ? undefined : actorFromRow(row, 'session') };
    },

    async logout(session: SessionInfo, ctx: AuditContext): Promise<void> {
      await db.tx(async (tx) => {
        await tx.query(sql`DELETE FROM sessions WHERE id_hash = ${session.idHash}`);
        await recordAudit(tx, ctx, { action: 'auth.logout', entity: 'user', entityId: session.userId });
      });
    },

    /** A Bearer token's actor. Use is audited at most once an hour per token, with last_used_at kept exact. */
    async actorFromToken(raw: string, ctx: AuditContext): Promise<Actor | undefined> {
      const row = await db.maybeOne<{ id: string; user_id: string; last_used_at: Date | null }>(
        sql`SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ${sha256(raw)} AND revoked_at IS NULL`,
      );
      if (!row) return undefined;
      const actor = await loadActor(db, row.user_id, 'token');
      if (!actor) return undefined;
      const stale = !row.last_used_at || Date.now() - row.last_used_at.getTime() > 60 * 60 * 1000;
      await db.tx(async (tx) => {
        await tx.query(sql`UPDATE api_tokens SET last_used_at = now() WHERE id = ${row.id}`);
        if (stale) await recordAudit(tx, { ...ctx, actorUserId: row.user_id }, { action: 'token.use', entity: 'api_token', entityId: row.id });
      });
      return actor;
    },

    /** Creates an API token; the raw value is returned once and only its hash is kept. */
    async createToken(userId: string, name: string, ctx: AuditContext): Promise<{ id: string; token: string }> {
      const token = `ncpp_${randomToken(32)}`;
      return db.tx(async (tx) => {
        const row = await tx.one<{ id: string }>(sql`
          INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES (${userId}, ${name}, ${sha256(token)}, ${token.slice(0, 9)})
          RETURNING id`);
        await recordAudit(tx, ctx, { action: 'token.create', entity: 'api_token', entityId: row.id, after: { user_id: userId, name } });
        return { id: row.id, token };
      });
    },

    async listTokens(userId: string) {
      return db.query<{ id: string; name: string; prefix: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
        sql`SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ${userId} ORDER BY created_at DESC`,
      );
    },

    async revokeToken(userId: string, tokenId: string, ctx: AuditContext): Promise<void> {
      await db.tx(async (tx) => {
        const r = await tx.query(sql`UPDATE api_tokens SET revoked_at = now() WHERE id = ${tokenId} AND user_id = ${userId} AND revoked_at IS NULL RETURNING id`);
        if (r.length === 0) throw new AppError('not_found');
        await recordAudit(tx, ctx, { action: 'token.revoke', entity: 'api_token', entityId: tokenId });
      });
    },

    /**
     * Emails a single-use reset link when the address or username belongs to an active
     * account. The caller always gets the same answer, so it reveals nothing about accounts.
     */
    async requestPasswordReset(login: string, ctx: AuditContext): Promise<void> {
      const needle = login.trim().toLowerCase();
      const user = await db.maybeOne<UserRow>(sql`
        SELECT * FROM users WHERE (username = ${needle} OR lower(email) = ${needle}) AND is_active AND email IS NOT NULL`);
      if (!user?.email) return;
      const token = randomToken(32);
      const link = `${o.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await db.tx(async (tx) => {
        await tx.query(sql`INSERT INTO password_reset_tokens (token_hash, user_id, expires_at) VALUES (${sha256(token)}, ${user.id}, ${new Date(Date.now() + RESET_TTL_MS)})`);
        await o.jobs.enqueue(tx, SEND_MAIL_JOB, {
          to: user.email,
          subject: translate(user.lang, 'mail.reset.subject'),
          text: translate(user.lang, 'mail.reset.body', { name: user.full_name, link, minutes: RESET_TTL_MS / 60000 }),
        });
        await recordAudit(tx, { ...ctx, actorUserId: user.id }, { action: 'auth.reset_requested', entity: 'user', entityId: user.id });
      });
    },

    async resetPassword(token: string, password: string, ctx: AuditContext): Promise<void> {
      const row = await db.maybeOne<{ user_id: string; username: string; expires_at: Date; used_at: Date | null }>(sql`
        SELECT t.user_id, u.username, t.expires_at, t.used_at FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ${sha256(token)}`);
      if (!row || row.used_at || row.expires_at.getTime() < Date.now()) throw new AppError('validation', 'reset_token_invalid', [{ path: 'token', code: 'invalid', message: '' }]);
      const problem = passwordProblem(password, row.username);
      if (problem) throw new AppError('validation', 'password_rules', [{ path: 'password', code: problem, message: '' }]);
      const hash = await hashPassword(password);
      await db.tx(async (tx) => {
        // Single use: the UPDATE claims the token, so a second use in a race finds it used.
        const claimed = await tx.query(sql`UPDATE password_reset_tokens SET used_at = now() WHERE token_hash = ${sha256(token)} AND used_at IS NULL RETURNING user_id`);
        if (claimed.length === 0) throw new AppError('validation', 'reset_token_invalid', [{ path: 'token', code: 'invalid', message: '' }]);
        await tx.query(sql`UPDATE users SET password_hash = ${hash}, password_changed_at = now(), failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = ${row.user_id}`);
        // A reset ends every session: whoever knew the old password is signed out.
        await tx.query(sql`DELETE FROM sessions WHERE user_id = ${row.user_id}`);
        await recordAudit(tx, { ...ctx, actorUserId: row.user_id }, { action: 'auth.password_reset', entity: 'user', entityId: row.user_id, after: { password: 'set' } });
      });
    },

    async changePassword(actor: Actor, current: string, next: string, ctx: AuditContext): Promise<void> {
      const user = await db.one<UserRow>(sql`SELECT * FROM users WHERE id = ${actor.userId}`);
      if (!(await verifyPassword(user.password_hash, current))) throw new AppError('validation', 'password_current_wrong', [{ path: 'currentPassword', code: 'wrong', message: '' }]);
      const problem = passwordProblem(next, user.username);
      if (problem) throw new AppError('validation', 'password_rules', [{ path: 'newPassword', code: problem, message: '' }]);
      const hash = await hashPassword(next);
      await db.tx(async (tx) => {
        await tx.query(sql`UPDATE users SET password_hash = ${hash}, password_changed_at = now(), updated_at = now() WHERE id = ${actor.userId}`);
        await recordAudit(tx, ctx, { action: 'user.password_change', entity: 'user', entityId: actor.userId, after: { password: 'set' } });
      });
    },

    async setLang(actor: Actor, lang: Lang, ctx: AuditContext): Promise<void> {
      await db.tx(async (tx) => {
        const before = await tx.one<{ lang: string }>(sql`SELECT lang FROM users WHERE id = ${actor.userId} FOR UPDATE`);
        await tx.query(sql`UPDATE users SET lang = ${lang}, updated_at = now() WHERE id = ${actor.userId}`);
        await recordAudit(tx, ctx, { action: 'user.update', entity: 'user', entityId: actor.userId, before, after: { lang } });
      });
    },

    /** Starts TOTP enrolment: a new secret, kept encrypted, active only once confirmed. */
    async beginTotp(userId: string, username: string): Promise<{ secret: string; uri: string }> {
      const secret = newTotpSecret();
      await db.query(sql`UPDATE users SET totp_secret_enc = ${encrypt(o.secretKey, secret)}, totp_enabled = false WHERE id = ${userId}`);
      return { secret, uri: totpUri(secret, username, o.issuer) };
    },

    async confirmTotp(userId: string, code: string, ctx: AuditContext): Promise<void> {
      const user = await db.one<UserRow>(sql`SELECT * FROM users WHERE id = ${userId}`);
      if (!user.totp_secret_enc || !checkTotp(decrypt(o.secretKey, user.totp_secret_enc), code)) throw new AppError('validation', 'mfa_invalid', [{ path: 'code', code: 'invalid', message: '' }]);
      await db.tx(async (tx) => {
        await tx.query(sql`UPDATE users SET totp_enabled = true, updated_at = now() WHERE id = ${userId}`);
        await tx.query(sql`UPDATE sessions SET mfa_pending = false WHERE user_id = ${userId}`);
        await recordAudit(tx, ctx, { action: 'user.totp_enabled', entity: 'user', entityId: userId, after: { totp: 'enabled' } });
      });
    },

    /** Whether a TOTP secret exists for a pending session (the UI then asks for a code, else for enrolment). */
    async mfaState(userId: string): Promise<'enrolled' | 'needs_enrolment'> {
      const u = await db.one<{ totp_enabled: boolean }>(sql`SELECT totp_enabled FROM users WHERE id = ${userId}`);
      return u.totp_enabled ? 'enrolled' : 'needs_enrolment';
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
