import { RateLimitCategory } from '@idfed/config';
import { OPERATION_CATALOG } from '@idfed/contracts';

/** What a throttled caller is told: each API's own name for it. */
export interface Throttle {
  category: RateLimitCategory;
  errorName: 'TooManyRequestsException' | 'Throttling';
  message: string;
}

const RATE_EXCEEDED = 'Rate exceeded';

/**
 * Command pattern -> its category (from the operation's contract) and refusal, for every operation
 * a client can call, and for the bus commands that serve one client HTTP request each (the OAuth
 * endpoints and hosted pages: their contracts name a category; the gateway turns the refusal into
 * the endpoint's own 429 answer). Commands services send each other (GetJwks,
 * VerifyWebIdentityToken, ...) have none: a limit there would count one client request twice.
 */
export const THROTTLES: ReadonlyMap<string, Throttle> = new Map(
  OPERATION_CATALOG.flatMap((op) => {
    if (!op.rateLimit) return [];
    const errorName = op.surface.protocol === 'query' ? 'Throttling' : 'TooManyRequestsException';
    return [[op.pattern, { category: op.rateLimit, errorName, message: RATE_EXCEEDED }] as const];
  }),
);
