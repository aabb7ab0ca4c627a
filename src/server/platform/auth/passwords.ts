import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, and fast enough on a 2-core server.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable here) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A hash of a random password, verified against when the username is unknown, so a failed
// login takes the same time whether or not the account exists.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

const COMMON = new Set(['password', 'password1', 'password123', '12345678', '123456789', '1234567890', 'qwertyuiop', 'bangladesh', 'iloveyou', 'admin12345', 'welcome123']);

/**
 * Password rules: at least 10 characters, letters and a digit or symbol, not the username,
 * not a well-known password. Returns the i18n id of the first broken rule, or null.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return 'password_too_short';
  if (password.length > 200) return 'password_too_long';
  if (!/\p{L}/u.test(password) || !/[\p{N}\p{P}\p{S}]/u.test(password)) return 'password_too_simple';
  const lower = password.toLowerCase();
  if (lower.includes(username.toLowerCase()) && username.length >= 3) return 'password_contains_username';
  if (COMMON.has(lower)) return 'password_common';
  return null;
}
