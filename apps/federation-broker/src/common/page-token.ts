import { decodePageToken as decodeKeysetToken, encodePageToken } from '@idfed/persistence';
import { BrokerErrors } from './broker-errors';

/** Pagination tokens are opaque to clients: one the broker did not issue is refused. */
export function decodePageToken(token: unknown): string | undefined {
  return decodeKeysetToken(token, () => BrokerErrors.invalidParameter('Invalid NextToken.'));
}

export { encodePageToken };
