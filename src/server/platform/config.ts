import path from 'node:path';
import { z } from 'zod';

/**
 * Runtime configuration, read once from the environment and validated, so a typo in a
 * variable fails at start with a clear message instead of at the first request.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  NCPP_DATA_DIR: z.string().default('.ncpp-data'),
  NCPP_COUNTRY: z.string().default('bd'),
  NCPP_PUBLIC_URL: z.string().url().optional(),
  /** 32-byte key (hex or base64) that encrypts secrets at rest (TOTP secrets, files). */
  NCPP_SECRET_KEY: z.string().optional(),
  /** Folder for encrypted case attachments (default: <data dir>/files). */
  NCPP_FILES_DIR: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('NCPP <no-reply@ncpp.localhost>'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** Default: info in production; warn in the demo, so request lines do not bury the start banner. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Sign-in attempts per minute per client address (each account also locks after 5 failures). */
  NCPP_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(100),
  /** Shared secret of the contact-centre system: when set, its call events must carry an HMAC-SHA-256 signature. */
  NCPP_TELEPHONY_SECRET: z.string().min(16).optional(),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  NCPP_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Training and test installations: the national manager may move the platform's clock forward (never in production). */
  NCPP_CLOCK_CONTROL: z.enum(['0', '1']).default('0'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  country: string;
  publicUrl: string;
  secretKey: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | undefined;
  logLevel: string;
  trustProxy: boolean;
  loginRateLimit: number;
  telephonySecret: string | undefined;
  /** Whether the clock may be moved (platform/clock.ts). */
  clockControl: boolean;
  /** Folder with the reference data the app ships (countries, geography, taxonomies). */
  referenceDataDir: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NCPP_CLOCK_CONTROL === '1' && e.NODE_ENV === 'production') throw new Error('Invalid environment:\n  NCPP_CLOCK_CONTROL: a production installation runs on real time');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.NCPP_DATA_DIR),
    filesDir: path.resolve(e.NCPP_FILES_DIR ?? path.join(e.NCPP_DATA_DIR, 'files')),
    country: e.NCPP_COUNTRY,
    publicUrl: e.NCPP_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    secretKey: e.NCPP_SECRET_KEY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET }
        : undefined,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'production' ? 'info' : 'warn'),
    trustProxy: e.NCPP_TRUST_PROXY === '1',
    loginRateLimit: e.NCPP_LOGIN_RATE_LIMIT,
    telephonySecret: e.NCPP_TELEPHONY_SECRET,
    clockControl: e.NCPP_CLOCK_CONTROL === '1',
    referenceDataDir: path.resolve(import.meta.dirname, '../../../data'),
  };
}
