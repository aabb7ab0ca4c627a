import { z } from 'zod';
import { Items, Ok } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const MfaInput = z.object({ code: z.string().trim().regex(/^\d{6}$/) });

export const ResetRequestInput = z.object({ login: z.string().trim().min(1).max(200) });
export const ResetConfirmInput = z.object({ token: z.string().min(10).max(200), password: z.string().min(1).max(200) });
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
export const LangInput = z.object({ lang: z.enum(['en', 'bn']) });
export const TokenCreateInput = z.object({ name: z.string().trim().min(1).max(100) });

export const RoleBindingView = z.object({
  role: z.string(),
  roleName: z.object({ en: z.string(), local: z.string() }),
  scopeLevel: z.number(),
  scopeCode: z.string().nullable(),
  scopeName: z.object({ en: z.string(), local: z.string().nullable() }).nullable(),
});

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  lang: z.enum(['en', 'bn']),
  organisation: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  roles: z.array(RoleBindingView),
  permissions: z.array(z.string()),
  home: z.string(),
  totpEnabled: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SessionState = z.object({
  state: z.enum(['anonymous', 'mfa_pending', 'signed_in']),
  csrfToken: z.string().nullable(),
  mfa: z.enum(['enrolled', 'needs_enrolment']).nullable(),
  me: Me.nullable(),
});
export type SessionState = z.infer<typeof SessionState>;

/** Responses of the auth routes. */
export const LoginResult = z.object({ mfaRequired: z.boolean(), csrfToken: z.string() });
export type LoginResult = z.infer<typeof LoginResult>;
export const TotpEnrolment = z.object({ secret: z.string(), uri: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;
export const Providers = z.object({ oidc: z.boolean() });
export type Providers = z.infer<typeof Providers>;
/** An API token as its owner sees it: never the token itself after creation. */
export const ApiToken = z.object({ id: z.string(), name: z.string(), prefix: z.string(), created_at: z.string(), last_used_at: z.string().nullable(), revoked_at: z.string().nullable() });
export type ApiToken = z.infer<typeof ApiToken>;
export const CreatedToken = z.object({ id: z.string(), token: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;
export const Notification = z.object({ id: z.string(), kind: z.string(), text: z.string(), link: z.string().nullable(), createdAt: z.string(), read: z.boolean() });
export const Notifications = z.object({ items: z.array(Notification), unread: z.number() });
export type Notifications = z.infer<typeof Notifications>;
/** A redirect (sign-in with an identity provider): no body. */
export const Redirect = z.null().describe('A redirect; the Location header says where');

/** Sign-in, two-factor, password reset, OIDC and the signed-in user's own settings. */
export const authApi = routeTable({
  'GET /api/v1/auth/session': { summary: "The caller's sign-in state, CSRF token and profile", response: { 200: SessionState } },
  'POST /api/v1/auth/login': { summary: 'Sign in with username and password', body: LoginInput, response: { 200: LoginResult } },
  'POST /api/v1/auth/mfa': { summary: 'Complete sign-in with a TOTP code', body: MfaInput, response: { 200: Ok } },
  'POST /api/v1/auth/mfa/enrol': { summary: 'Start TOTP enrolment (secret and otpauth URI)', response: { 200: TotpEnrolment } },
  'POST /api/v1/auth/mfa/confirm': { summary: 'Confirm TOTP enrolment with a first code', body: MfaInput, response: { 200: Ok } },
  'POST /api/v1/auth/logout': { summary: 'Sign out (ends the browser session)', response: { 200: Ok } },
  'POST /api/v1/auth/password-reset/request': { summary: 'Send a password-reset link by email', body: ResetRequestInput, response: { 202: Ok } },
  'POST /api/v1/auth/password-reset/confirm': { summary: "Set a new password with a reset link's token", body: ResetConfirmInput, response: { 200: Ok } },
  'GET /api/v1/auth/providers': { summary: 'Which external sign-in providers are configured', response: { 200: Providers } },
  'GET /api/v1/auth/oidc/start': { summary: 'Redirect to the OpenID Connect provider', response: { 302: Redirect } },
  'GET /api/v1/auth/oidc/callback': { summary: 'Return from the OpenID Connect provider', response: { 302: Redirect } },
  'POST /api/v1/me/password': { summary: "Change one's own password", body: ChangePasswordInput, response: { 200: Ok } },
  'PUT /api/v1/me/lang': { summary: "Set one's interface language", body: LangInput, response: { 200: Ok } },
  'GET /api/v1/me/tokens': { summary: "List one's API tokens", response: { 200: Items(ApiToken) } },
  'POST /api/v1/me/tokens': { summary: 'Create an API token (shown once)', body: TokenCreateInput, response: { 201: CreatedToken } },
  'DELETE /api/v1/me/tokens/:id': { summary: "Revoke one of one's API tokens", params: z.object({ id: z.uuid() }), response: { 200: Ok } },
});

/** The bell: the signed-in user's own notifications. */
export const notificationsApi = routeTable({
  'GET /api/v1/notifications': { summary: "One's notifications, newest first, in one's language", response: { 200: Notifications } },
  'POST /api/v1/notifications/read': { summary: 'Mark notifications read (all, or the given ones)', body: z.object({ ids: z.array(z.uuid()).max(100).optional() }), response: { 200: Ok } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof authApi>, RoutesOf<typeof notificationsApi> {}
}
