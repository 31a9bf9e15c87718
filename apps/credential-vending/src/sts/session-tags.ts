import { CallerSession, Tag } from '@idfed/contracts';
import { ContextValue } from '@idfed/policy';
import { SessionTag } from '@idfed/session-credentials';
import { ServiceError } from '@idfed/messaging';
import { StsErrors } from '../common/iam-errors';
import { Patterns, RequestValidator } from '../common/validate';

/** STS's limits on session tags ("Things to know about session tags", AssumeRole API reference). */
export const MAX_SESSION_TAGS = 50;

/** The session tags a new session carries, and what its trust policy sees of them. */
export interface SessionTagPlan {
  /** The inherited transitive tags first, then the request's (AWS keeps both, and neither overrides). */
  tags: SessionTag[];
  transitiveTagKeys: string[];
}

const invalidParameter = (message: string) => new ServiceError('InvalidParameterValue', message);

/**
 * Tag keys are case-insensitive in STS (case is kept): `Project` and `project` in one request is
 * InvalidParameterValue with AWS's wording, checked before the member constraints as STS does.
 */
export function refuseDuplicateTagKeys(tags: unknown): void {
  if (!Array.isArray(tags)) return;
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = (tag as { Key?: unknown } | null)?.Key;
    if (typeof key !== 'string') continue;
    if (seen.has(key.toLowerCase())) {
      throw invalidParameter('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    }
    seen.add(key.toLowerCase());
  }
}

/** TransitiveTagKeys: at most 50 tag keys, each one of the request's Tags (case-insensitively). */
export function validateTransitiveTagKeys(req: { Tags?: Tag[]; TransitiveTagKeys?: string[] }): void {
  RequestValidator.of(req)
    .stringList('TransitiveTagKeys', {
      maxItems: MAX_SESSION_TAGS,
      item: { min: 1, max: 128, pattern: Patterns.tagKey },
    })
    .check(StsErrors.validation);
  const keys = new Set((req.Tags ?? []).map((t) => t.Key.toLowerCase()));
  const stray = (req.TransitiveTagKeys ?? []).find((k) => !keys.has(k.toLowerCase()));
  if (stray !== undefined) {
    throw invalidParameter(
      `The transitive tag key ${stray} must also be passed as a session tag (Tags) in the same request.`,
    );
  }
}

/** The transitive tags a calling session passes on to the sessions chained from it. */
export function inheritedTransitiveTags(caller: CallerSession | undefined): SessionTag[] {
  const transitive = new Set((caller?.transitiveTagKeys ?? []).map((k) => k.toLowerCase()));
  return (caller?.sessionTags ?? []).filter((t) => transitive.has(t.Key.toLowerCase()));
}

/**
 * The new session's tags: the inherited transitive ones, which a chained request may neither
 * override nor name again (InvalidParameterValue, as AWS refuses it), plus the request's own.
 */
export function planSessionTags(
  req: { Tags?: Tag[]; TransitiveTagKeys?: string[] },
  inherited: readonly SessionTag[],
): SessionTagPlan {
  const inheritedKeys = new Set(inherited.map((t) => t.Key.toLowerCase()));
  const clash = (req.Tags ?? []).find((t) => inheritedKeys.has(t.Key.toLowerCase()));
  if (clash) {
    throw invalidParameter(
      `The session tag key ${clash.Key} is a transitive tag of the calling session and cannot be overridden in a chained session.`,
    );
  }
  const own = (req.Tags ?? []).map((t): SessionTag => ({ Key: t.Key, Value: t.Value ?? '' }));
  const tags = [...inherited, ...own];
  if (tags.length > MAX_SESSION_TAGS) {
    throw StsErrors.validation(
      `1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to ${MAX_SESSION_TAGS} (with the ${inherited.length} transitive tags of the calling session)`,
    );
  }
  return {
    tags,
    transitiveTagKeys: [...inherited.map((t) => t.Key), ...(req.TransitiveTagKeys ?? [])],
  };
}

/**
 * The condition keys of a tagging request (the trust policy's sts:TagSession check, and the
 * sts:AssumeRole* statements): `aws:RequestTag/<key>`, `aws:TagKeys` and `sts:TransitiveTagKeys`.
 */
export function requestTagContext(plan: SessionTagPlan): Record<string, ContextValue> {
  if (plan.tags.length === 0) return {};
  const out: Record<string, ContextValue> = {};
  for (const t of plan.tags) out[`aws:RequestTag/${t.Key}`] = t.Value;
  out['aws:TagKeys'] = plan.tags.map((t) => t.Key);
  if (plan.transitiveTagKeys.length) out['sts:TransitiveTagKeys'] = plan.transitiveTagKeys;
  return out;
}

/** The claim an OpenID Connect token passes session tags in (AssumeRoleWithWebIdentity). */
export const WEB_IDENTITY_TAGS_CLAIM = 'https://aws.amazon.com/tags';

/**
 * Session tags from a web identity token's `https://aws.amazon.com/tags` claim:
 * `{ principal_tags: { <key>: [<value>] }, transitive_tag_keys: [<key>...] }`, each value a
 * one-element string array (a plain string is taken too). Checked like AssumeRole's Tags; a claim
 * of another shape is InvalidIdentityToken, since the token is what is wrong.
 */
export function webIdentityTags(payload: Record<string, unknown>): {
  Tags: Tag[];
  TransitiveTagKeys: string[];
} {
  const claim = payload[WEB_IDENTITY_TAGS_CLAIM];
  if (claim === undefined) return { Tags: [], TransitiveTagKeys: [] };
  const bad = (why: string) => StsErrors.invalidIdentityToken(`The session tags claim is invalid: ${why}`);
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw bad('not an object');
  const { principal_tags: principalTags, transitive_tag_keys: transitive } = claim as Record<string, unknown>;
  const tags: Tag[] = [];
  if (principalTags !== undefined) {
    if (typeof principalTags !== 'object' || principalTags === null || Array.isArray(principalTags)) {
      throw bad('principal_tags must be an object');
    }
    for (const [Key, raw] of Object.entries(principalTags as Record<string, unknown>)) {
      const value: unknown = Array.isArray(raw) && raw.length === 1 ? (raw as unknown[])[0] : raw;
      if (typeof value !== 'string') throw bad(`the value of ${Key} must be one string`);
      tags.push({ Key, Value: value });
    }
  }
  if (
    transitive !== undefined &&
    !(Array.isArray(transitive) && transitive.every((k) => typeof k === 'string'))
  ) {
    throw bad('transitive_tag_keys must be a list of strings');
  }
  const req = { Tags: tags, TransitiveTagKeys: transitive ?? [] };
  try {
    refuseDuplicateTagKeys(req.Tags);
    RequestValidator.of(req).tags().check(StsErrors.validation);
    validateTransitiveTagKeys(req);
  } catch (err) {
    throw bad((err as Error).message);
  }
  return req;
}
