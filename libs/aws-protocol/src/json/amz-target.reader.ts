import { AwsError } from '../aws.error';

/** Query parameters that carry a SigV4 signature (the presigned form). */
const PRESIGN_MARKERS = new Set(['x-amz-algorithm', 'x-amz-credential', 'x-amz-signature']);

/**
 * X-Amz-Target as the request gives it: the header, or the query string, where presigners put it
 * (the JS SDK hoists every x-amz-* header into a presigned URL). The operation must be named once:
 * copies in both places that disagree, or repeated copies, are refused rather than resolved, since
 * the gateway could then route on one copy while the signature covers the other. Undefined when
 * no copy is given; whether the copy used was signed is the signature verifier's check.
 */
export function readAmzTarget(
  headers: Record<string, string[] | undefined>,
  queryString: string,
): string | undefined {
  const fromHeader = headers['x-amz-target'] ?? [];
  const fromQuery: string[] = [];
  let presigned = false;
  if (queryString !== '') {
    for (const [name, value] of new URLSearchParams(queryString)) {
      const lower = name.toLowerCase();
      if (lower === 'x-amz-target') fromQuery.push(value);
      else if (PRESIGN_MARKERS.has(lower)) presigned = true;
    }
  }
  const copies = [...fromHeader, ...fromQuery];
  if (copies.length === 0) return undefined;
  const agreeing = fromHeader.length <= 1 && fromQuery.length <= 1 && copies.every((c) => c === copies[0]);
  if (agreeing) return copies[0];
  const message = 'X-Amz-Target is given more than once, naming different operations or the same one twice.';
  // Signed: the signature does not say which copy it stands for. Unsigned: no operation is named.
  const signed = presigned || headers['authorization'] !== undefined;
  throw new AwsError(signed ? 'IncompleteSignatureException' : 'UnknownOperationException', message);
}
