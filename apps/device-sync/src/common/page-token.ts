import { SyncErrors } from './sync-errors';

/**
 * NextToken values: a page's keyset position, opaque to clients. One that does not read back is
 * InvalidParameterException, as Cognito answers a token it did not issue.
 */
export function encodePageToken(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodePageToken<T>(
  token: string | undefined,
  check: (value: unknown) => value is T,
): T | undefined {
  if (token === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // reported below
  }
  throw SyncErrors.invalidParameter('Invalid NextToken.');
}

export const isString = (v: unknown): v is string => typeof v === 'string';

/** MaxResults as Cognito bounds it: absent means `fallback`, and no page is larger than `max`. */
export function pageSize(requested: number | undefined, fallback: number, max: number): number {
  if (requested === undefined) return fallback;
  if (requested < 1) throw SyncErrors.invalidParameter('MaxResults must be at least 1.');
  return Math.min(requested, max);
}
