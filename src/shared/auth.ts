import { z } from 'zod';

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
