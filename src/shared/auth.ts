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
