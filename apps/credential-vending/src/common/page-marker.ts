import { decodePageToken, encodePageToken } from '@idfed/persistence';
import { IamErrors } from './iam-errors';

/** List markers are opaque to clients: the last key of the previous page, encoded. */
export function encodeMarker(lastKey: string): string {
  return encodePageToken(lastKey);
}

export function decodeMarker(marker: string | undefined): string | undefined {
  return decodePageToken(marker, () => IamErrors.validation('Invalid Marker.'));
}

/** MaxItems defaults to 100 in IAM's list actions. */
export const DEFAULT_MAX_ITEMS = 100;
