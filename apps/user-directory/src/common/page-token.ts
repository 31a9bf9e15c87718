import { CognitoErrors } from './cognito-errors';

/** Pagination tokens are opaque to clients: the last key of the previous page, encoded. */
export function encodePageToken(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey })).toString('base64url');
}

export function decodePageToken(token: string | undefined): string | undefined {
  if (token === undefined || token === null) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as {
      after?: unknown;
    };
    if (typeof decoded.after === 'string') return decoded.after;
  } catch {
    // fall through to the error below
  }
  throw CognitoErrors.invalidParameter('Invalid pagination token.');
}
