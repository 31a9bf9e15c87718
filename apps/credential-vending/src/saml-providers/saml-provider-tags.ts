import { IamErrors } from '../common/iam-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';

/** IAM's quota of tags per SAML provider (as for every IAM resource). */
export const MAX_SAML_PROVIDER_TAGS = 50;

/** SAMLProviderArn as the tag actions check it (IAM's arnType). */
export const samlProviderArn = (v: RequestValidator) =>
  v.string('SAMLProviderArn', { required: true, min: 20, max: 2048 });

/** TagSAMLProvider's merge: a key already there, in any case, takes the new key and value. */
export function withTags(current: TagRecord[], added: TagRecord[]): TagRecord[] {
  const keys = new Set(added.map((t) => t.Key.toLowerCase()));
  const tags = [...current.filter((t) => !keys.has(t.Key.toLowerCase())), ...added];
  if (tags.length > MAX_SAML_PROVIDER_TAGS) {
    throw IamErrors.limitExceeded('TagsPerSAMLProvider', MAX_SAML_PROVIDER_TAGS);
  }
  return tags;
}

export const tagKeys = (v: RequestValidator) =>
  v.stringList('TagKeys', {
    required: true,
    maxItems: MAX_SAML_PROVIDER_TAGS,
    item: { min: 1, max: 128, pattern: Patterns.tagKey },
  });
