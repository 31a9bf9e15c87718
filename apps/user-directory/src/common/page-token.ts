import { decodePageToken as decodeKeysetToken, encodePageToken } from '@idfed/persistence';
import { CognitoErrors } from './cognito-errors';

export { encodePageToken };

/** Pagination tokens are opaque to clients: one the user directory did not issue is refused. */
export function decodePageToken(token: string | undefined): string | undefined {
  return decodeKeysetToken(token, () => CognitoErrors.invalidParameter('Invalid pagination token.'));
}
