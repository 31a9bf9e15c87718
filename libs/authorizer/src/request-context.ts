/** Where a request is going: the facts its condition keys are made of. */
export interface RequestFacts {
  /**
   * The region the request was signed for (ADR 0032); a global service's (IAM) is `us-east-1`, as
   * AWS documents for `aws:RequestedRegion`.
   */
  region: string;
}

/**
 * The request-level global condition keys a gateway adds to every decision it makes (ADR 0065):
 * `aws:RequestedRegion`. Resource keys (`aws:ResourceTag/*`) come from their own lookup, principal
 * keys from the principal; this function names only what the request itself says.
 */
export function requestContext(facts: RequestFacts): Record<string, string> {
  return { 'aws:RequestedRegion': facts.region };
}

/**
 * The context of a decision asked about a request that was signed (POST /authorize, gRPC
 * Authorizer.Authorize): the asker's keys, with `aws:RequestedRegion` the region the request's
 * SigV4 scope names, as AWS supplies it on every request. An asker's own `aws:RequestedRegion`, in
 * any case, is dropped: a resource service cannot move a request into another region by saying so.
 */
export function withSignedRequestContext<V>(
  asked: Record<string, V> | undefined,
  facts: RequestFacts,
): Record<string, V | string> {
  const out: Record<string, V | string> = {};
  for (const [key, value] of Object.entries(asked ?? {})) {
    if (key.toLowerCase() !== 'aws:requestedregion') out[key] = value;
  }
  return { ...out, ...requestContext(facts) };
}

/** The region IAM, a global service, is requested in: AWS's single endpoint is in us-east-1. */
export const GLOBAL_SERVICE_REGION = 'us-east-1';
