/**
 * The rules AWS's tagging APIs share (TagResource / UntagResource of Cognito user pools and
 * identity pools): tags are added or overwritten by key, at most 50 on a resource, keys starting
 * with `aws:` are AWS's own. Each service words a refusal as its InvalidParameterException.
 */
export const MAX_RESOURCE_TAGS = 50;

export type TagChange = { tags: Record<string, string> } | { refused: string };

/** The resource's tags after TagResource, or why the request is refused (nothing is changed then). */
export function addTags(
  current: Record<string, string>,
  added: Record<string, string>,
  resource: string,
): TagChange {
  const reserved = Object.keys(added).find((key) => key.toLowerCase().startsWith('aws:'));
  if (reserved !== undefined) return { refused: `Tag keys starting with 'aws:' are reserved: ${reserved}` };
  const tags = { ...current, ...added };
  const count = Object.keys(tags).length;
  if (count > MAX_RESOURCE_TAGS) {
    return {
      refused: `${resource} can have at most ${MAX_RESOURCE_TAGS} tags; this request would leave ${count}.`,
    };
  }
  return { tags };
}

/** The resource's tags after UntagResource: keys it does not have are ignored, as AWS ignores them. */
export function removeTags(current: Record<string, string>, keys: string[]): Record<string, string> {
  const gone = new Set(keys);
  return Object.fromEntries(Object.entries(current).filter(([key]) => !gone.has(key)));
}
