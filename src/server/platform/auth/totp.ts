import { authenticator } from 'otplib';

// One step of clock drift either way: phones in the field are not always on network time.
authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpCode(secret: string): string {
  return authenticator.generate(secret);
}

export function checkTotp(secret: string, code: string): boolean {
  return /^\d{6}$/.test(code) && authenticator.check(code, secret);
}

export function totpUri(secret: string, username: string, issuer: string): string {
  return authenticator.keyuri(username, issuer, secret);
}
