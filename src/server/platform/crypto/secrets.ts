import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** SHA-256 hex: how session ids, API tokens and reset tokens are stored at rest. */
export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** A URL-safe random token with `bytes` of entropy. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** NCPP_SECRET_KEY's value: 32 bytes, as 64 hex digits or base64. */
export function parseSecretKey(configured: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(configured) ? Buffer.from(configured, 'hex') : Buffer.from(configured, 'base64');
  if (key.length !== 32) throw new Error('NCPP_SECRET_KEY must be 32 bytes, as 64 hex digits or base64.');
  return key;
}

/** The key the embedded demo keeps in its data folder, if there is one. */
export function readKeyFile(dataDir: string): Buffer | undefined {
  const file = path.join(dataDir, 'secret.key');
  return fs.existsSync(file) ? Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex') : undefined;
}

/** Keeps the key in the data folder, readable by its owner only. */
export function writeKeyFile(dataDir: string, key: Buffer): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'secret.key'), key.toString('hex'), { mode: 0o600 });
}

/**
 * The platform key that encrypts secrets at rest. Production must set NCPP_SECRET_KEY; the
 * embedded demo generates one on first start and keeps it in the data folder (mode 0600).
 */
export function resolveSecretKey(configured: string | undefined, dataDir: string, production: boolean): Buffer {
  if (configured) return parseSecretKey(configured);
  if (production) throw new Error('NCPP_SECRET_KEY is required when NODE_ENV=production.');
  const existing = readKeyFile(dataDir);
  if (existing) return existing;
  const key = crypto.randomBytes(32);
  writeKeyFile(dataDir, key);
  return key;
}

/** AES-256-GCM; output is `iv.tag.ciphertext` in base64url. */
export function encrypt(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decrypt(key: Buffer, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('Malformed sealed value');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
