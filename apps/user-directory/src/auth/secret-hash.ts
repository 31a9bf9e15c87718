import { createHmac, timingSafeEqual } from 'node:crypto';

/** SECRET_HASH = Base64(HMAC-SHA256(client secret, username + client id)), as Cognito defines it. */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}

export function secretHashMatches(expected: string, provided: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}
