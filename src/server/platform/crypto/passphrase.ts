import crypto from 'node:crypto';

/**
 * Seals a secret (the platform key, in a backup) with a passphrase: scrypt for the key,
 * AES-256-GCM for the data, so a wrong passphrase or a changed byte fails loudly.
 */
export type Sealed = { kdf: 'scrypt'; N: number; r: number; p: number; salt: string; iv: string; tag: string; data: string };

const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const MIN_LENGTH = 12;

export function passphraseProblem(passphrase: string): string | null {
  return passphrase.length < MIN_LENGTH ? `The backup passphrase must be at least ${MIN_LENGTH} characters.` : null;
}

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r });
}

export function sealWithPassphrase(secret: Buffer, passphrase: string): Sealed {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', derive(passphrase, salt, PARAMS), iv);
  const data = Buffer.concat([cipher.update(secret), cipher.final()]);
  return { kdf: 'scrypt', ...PARAMS, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function openWithPassphrase(sealed: Sealed, passphrase: string): Buffer {
  const decipher = crypto.createDecipheriv('aes-256-gcm', derive(passphrase, Buffer.from(sealed.salt, 'base64'), sealed), Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    throw new Error('The backup passphrase is not correct (or the backup was altered).');
  }
}
