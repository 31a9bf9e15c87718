/** Sessions live at most 12 hours; a revocation older than that (plus skew) refuses nothing any more. */
export const REVOCATION_RELEVANCE_MS = (12 * 3600 + 15 * 60) * 1000;
/** How far in the future a RevokedBefore may lie: clock skew between the caller and idfed. */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;
