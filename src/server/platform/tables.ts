/**
 * The tables the platform owns (modules declare theirs in their manifests). Accounts and role
 * bindings are the platform's because sign-in and the access layer read them on every
 * request; the admin module manages them through platform/auth/accounts.ts.
 */
export const PLATFORM_TABLES: readonly string[] = [
  // db/: versions of loaded datasets (schema_migrations is made by the migrator itself)
  'reference_data_versions',
  // auth/ and access/: accounts, roles and their bindings, sessions, tokens
  'users', 'roles', 'user_roles', 'role_default_grants', 'sessions', 'api_tokens', 'password_reset_tokens',
  // audit/
  'audit_log', 'audit_head',
  // notifications/
  'notifications',
  // http/idempotency.ts: answers of idempotent POSTs, for replay
  'idempotency_keys',
];
