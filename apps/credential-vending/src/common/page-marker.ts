import { IamErrors } from './iam-errors';

/** List markers are opaque to clients: the last key of the previous page, encoded. */
export function encodeMarker(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey })).toString('base64url');
}

export function decodeMarker(marker: string | undefined): string | undefined {
  if (marker === undefined || marker === null) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(String(marker), 'base64url').toString('utf8')) as {
      after?: unknown;
    };
    if (typeof decoded.after === 'string') return decoded.after;
  } catch {
    // fall through
  }
  throw IamErrors.validation('Invalid Marker.');
}

/** MaxItems defaults to 100 in IAM's list actions. */
export const DEFAULT_MAX_ITEMS = 100;
