import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openWithPassphrase, passphraseProblem, sealWithPassphrase } from './passphrase.js';

describe('sealing the platform key with a passphrase', () => {
  const key = crypto.randomBytes(32);
  it('opens with the same passphrase and refuses another or an altered seal', () => {
    const sealed = sealWithPassphrase(key, 'correct horse battery staple');
    expect(openWithPassphrase(sealed, 'correct horse battery staple').equals(key)).toBe(true);
    expect(() => openWithPassphrase(sealed, 'correct horse battery stable')).toThrow(/passphrase is not correct/);
    const altered = { ...sealed, data: Buffer.from(Buffer.from(sealed.data, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64') };
    expect(() => openWithPassphrase(altered, 'correct horse battery staple')).toThrow(/passphrase is not correct/);
  });
  it('salts every seal and asks for a long passphrase', () => {
    expect(sealWithPassphrase(key, 'same passphrase!').data).not.toBe(sealWithPassphrase(key, 'same passphrase!').data);
    expect(passphraseProblem('short')).toMatch(/at least 12/);
    expect(passphraseProblem('a long enough one')).toBeNull();
  });
});
