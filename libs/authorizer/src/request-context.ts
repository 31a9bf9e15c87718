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

/** The region IAM, a global service, is requested in: AWS's single endpoint is in us-east-1. */
export const GLOBAL_SERVICE_REGION = 'us-east-1';
