import { BrokerErrors } from '../../common/broker-errors';

/** Cognito's limit of tags on one identity pool. */
export const MAX_POOL_TAGS = 50;

/**
 * The pool's tags after TagResource: new keys added, existing keys overwritten. Keys that start
 * with `aws:` are AWS's own and refused, as every AWS tagging API refuses them; more than 50 tags in
 * all is refused and nothing is changed.
 */
export function withTags(
  current: Record<string, string>,
  added: Record<string, string>,
): Record<string, string> {
  for (const key of Object.keys(added)) {
    if (key.toLowerCase().startsWith('aws:')) {
      throw BrokerErrors.invalidParameter(`Tag keys starting with 'aws:' are reserved: ${key}`);
    }
  }
  const next = { ...current, ...added };
  if (Object.keys(next).length > MAX_POOL_TAGS) {
    throw BrokerErrors.invalidParameter(
      `An identity pool can have at most ${MAX_POOL_TAGS} tags; this request would leave ${Object.keys(next).length}.`,
    );
  }
  return next;
}

/** The pool's tags after UntagResource: keys it does not have are ignored, as AWS ignores them. */
export function withoutTags(current: Record<string, string>, keys: string[]): Record<string, string> {
  const gone = new Set(keys);
  return Object.fromEntries(Object.entries(current).filter(([key]) => !gone.has(key)));
}
