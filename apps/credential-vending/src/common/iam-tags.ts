import { Tag } from '@idfed/contracts';
import { TagRecord } from '../database/entities';
import { IamErrors } from './iam-errors';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from './page-marker';
import { Patterns, RequestValidator } from './validate';

/** IAM's quota of tags per taggable resource (users, roles, policies, OIDC and SAML providers). */
export const MAX_IAM_TAGS = 50;

/**
 * The tag list of a Tag<Resource> request: IAM's shape checks (RequestValidator.tags), then the
 * `aws:` prefix, which AWS reserves for its own tags (any case).
 */
export function checkTagList(v: RequestValidator, tags: unknown): Tag[] {
  v.tags().check();
  if (!Array.isArray(tags)) throw IamErrors.validation('Tags is required.');
  const list = tags as Tag[];
  refuseReservedTagKeys(list);
  return list.map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
}

/**
 * The `aws:` prefix (any case) is AWS's own: a Tag<Resource> request or a Create<Resource>'s
 * `Tags` carrying one is refused before anything is written. Call after the shape checks.
 */
export function refuseReservedTagKeys(tags: unknown): void {
  if (!Array.isArray(tags)) return;
  const reserved = (tags as { Key?: unknown }[]).some(
    (t) => typeof t?.Key === 'string' && t.Key.toLowerCase().startsWith('aws:'),
  );
  if (reserved) throw IamErrors.invalidInput("Tag keys starting with 'aws:' are reserved for internal use.");
}

/** TagKeys of an Untag<Resource> request. */
export const checkTagKeys = (v: RequestValidator) =>
  v.stringList('TagKeys', {
    required: true,
    maxItems: MAX_IAM_TAGS,
    item: { min: 1, max: 128, pattern: Patterns.tagKey },
  });

/**
 * Tag<Resource>'s merge: a key already there, in any case (IAM tag keys compare case-insensitively,
 * case kept), takes the new key and value; more than 50 in all is LimitExceeded naming the quota.
 */
export function mergeTags(
  current: readonly TagRecord[],
  added: readonly TagRecord[],
  quota: string,
): TagRecord[] {
  const keys = new Set(added.map((t) => t.Key.toLowerCase()));
  const tags = [...current.filter((t) => !keys.has(t.Key.toLowerCase())), ...added];
  if (tags.length > MAX_IAM_TAGS) throw IamErrors.limitExceeded(quota, MAX_IAM_TAGS);
  return tags;
}

/** Untag<Resource>: the tags without the named keys (any case); undefined when none was there. */
export function withoutTags(current: readonly TagRecord[], keys: readonly string[]): TagRecord[] | undefined {
  const removed = new Set(keys.map((k) => k.toLowerCase()));
  const kept = current.filter((t) => !removed.has(t.Key.toLowerCase()));
  return kept.length === current.length ? undefined : kept;
}

/** List<Resource>Tags: one page of the tags in the order they were added, by MaxItems / Marker. */
export function tagPage(
  tags: readonly TagRecord[],
  req: { Marker?: string; MaxItems?: number },
): { Tags: TagRecord[]; IsTruncated: boolean; Marker?: string } {
  const after = decodeMarker(req.Marker);
  const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
  const start = after === undefined ? 0 : tags.findIndex((t) => t.Key === after) + 1;
  const page = tags.slice(start, start + max);
  const truncated = start + max < tags.length;
  return {
    Tags: page,
    IsTruncated: truncated,
    ...(truncated ? { Marker: encodeMarker(page[page.length - 1].Key) } : {}),
  };
}

/** Marker and MaxItems of a List<Resource>Tags request. */
export const checkPaging = (v: RequestValidator) =>
  v.string('Marker', { min: 1, max: 320 }).integer('MaxItems', { min: 1, max: 1000 });
