import * as client from 'openid-client';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import { decrypt, encrypt } from '../crypto/secrets.js';
import type { Database } from '../db/database.js';
import { sql } from '../db/sql.js';
import { AppError } from '../errors.js';

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string | undefined; redirectUri: string };

type Pending = { state: string; nonce: string; verifier: string; at: number };
const PENDING_TTL_MS = 10 * 60 * 1000;

/**
 * Sign-in through an external OpenID Connect provider (the government e-filing identity
 * provider), authorization code flow with PKCE. Accounts are never created here: a person
 * signs in only to an account an administrator made, matched by the provider's subject or,
 * the first time, by a verified email address (the link is audited).
 */
export function createOidc(settings: OidcSettings, db: Database, secretKey: Buffer) {
  let configuration: Promise<client.Configuration> | undefined;
  const discover = () => {
    configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined,
        // Plain http only for a provider on this machine (tests, a local development IdP).
        new URL(settings.issuer).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((err: unknown) => {
        configuration = undefined;
        throw err;
      });
    return configuration;
  };

  return {
    /** The provider's authorization URL and the sealed state to keep in a cookie until the callback. */
    async start(): Promise<{ url: string; sealed: string }> {
      const config = await discover();
      const pending: Pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), at: Date.now() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, sealed: encrypt(secretKey, JSON.stringify(pending)) };
    },

    /** Checks the provider's answer and returns the matching active user's id. */
    async finish(currentUrl: URL, sealed: string | undefined, ctx: AuditContext): Promise<string> {
      if (!sealed) throw new AppError('unauthenticated', 'oidc_failed');
      let pending: Pending;
      try {
        pending = JSON.parse(decrypt(secretKey, sealed)) as Pending;
      } catch {
        throw new AppError('unauthenticated', 'oidc_failed');
      }
      if (Date.now() - pending.at > PENDING_TTL_MS) throw new AppError('unauthenticated', 'oidc_failed');
      const config = await discover();
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce });
        const idToken = tokens.claims();
        claims = idToken ? { ...idToken } : undefined;
        // Conforming providers put scope claims (email) in UserInfo, not in the ID token.
        if (idToken && claims && claims.email === undefined) {
          claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)) };
        }
      } catch {
        await db.tx((tx) => recordAudit(tx, ctx, { action: 'auth.login_failed', entity: 'user', entityId: null, meta: { via: 'oidc', reason: 'token_exchange' } }));
        throw new AppError('unauthenticated', 'oidc_failed');
      }
      const subject = `${settings.issuer}|${String(claims?.sub ?? '')}`;
      const email = typeof claims?.email === 'string' && claims.email_verified === true ? claims.email.toLowerCase() : null;
      return db.tx(async (tx) => {
        let user = await tx.maybeOne<{ id: string; is_active: boolean }>(sql`SELECT id, is_active FROM users WHERE oidc_subject = ${subject}`);
        if (!user && email) {
          user = await tx.maybeOne<{ id: string; is_active: boolean }>(sql`SELECT id, is_active FROM users WHERE lower(email) = ${email} AND oidc_subject IS NULL`);
          if (user) {
            await tx.query(sql`UPDATE users SET oidc_subject = ${subject}, updated_at = now() WHERE id = ${user.id}`);
            await recordAudit(tx, { ...ctx, actorUserId: user.id }, { action: 'user.oidc_linked', entity: 'user', entityId: user.id, after: { oidc_subject: subject } });
          }
        }
        if (!user || !user.is_active) {
          await recordAudit(tx, ctx, { action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null, meta: { via: 'oidc', reason: user ? 'disabled' : 'no_account' } });
          throw new AppError('unauthenticated', 'oidc_no_account');
        }
        return user.id;
      });
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;
