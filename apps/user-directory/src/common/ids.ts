import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** `<region>_<9 alphanumerics>`, the shape of Cognito's pool ids. */
export function newUserPoolId(region: string): string {
  return `${region}_${randomString(ALNUM, 9)}`;
}

/** 26 lower-case alphanumerics, like Cognito's app client ids. */
export function newClientId(): string {
  return randomString(LOWER_ALNUM, 26);
}

/** 51 lower-case alphanumerics (about 263 bits), like Cognito's client secrets. */
export function newClientSecret(): string {
  return randomString(LOWER_ALNUM, 51);
}

/** A client secret's id as Cognito forms it: `<client id>--<creation in epoch milliseconds>`. */
export function clientSecretId(clientId: string, createdAt: Date): string {
  return `${clientId}--${createdAt.getTime()}`;
}

/** A six-digit code, as Cognito sends for confirmations. */
export function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** An opaque refresh token: 64 random bytes, URL-safe. Only its hash is stored. */
export function newRefreshToken(): string {
  return randomBytes(64).toString('base64url');
}
