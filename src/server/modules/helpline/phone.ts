import crypto from 'node:crypto';
import { toAsciiDigits } from '../../../shared/i18n/index.js';
import { encrypt } from '../../platform/crypto/secrets.js';

/** A number as dialled in Bangladesh, whatever digits or prefix it was typed with: 01XXXXXXXXX. */
export function normalisePhone(text: string): string | null {
  const ascii = toAsciiDigits(text).replace(/[^\d+]/g, '');
  if (!ascii) return null;
  const national = ascii.startsWith('+880') ? `0${ascii.slice(4)}` : ascii.startsWith('880') ? `0${ascii.slice(3)}` : ascii.replace(/^\+/, '');
  return national.length >= 3 ? national : null;
}

/**
 * How a caller's number is kept, on contacts and on calls alike: a keyed hash to find the same
 * number again (repeat callers) and the number itself encrypted; never in clear.
 */
export function phoneKeeper(secretKey: Buffer) {
  const hash = (n: string) => crypto.createHmac('sha256', secretKey).update(`helpline-phone:${n}`).digest('hex');
  return (typed: string | undefined): { hash: string | null; enc: string | null } => {
    const n = typed ? normalisePhone(typed) : null;
    return n ? { hash: hash(n), enc: encrypt(secretKey, n) } : { hash: null, enc: null };
  };
}
