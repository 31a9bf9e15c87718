import { ContextValue, RequestContext } from './policy.types';

/**
 * A request context keyed by lower-cased key name, because IAM condition key names (and the keys
 * named inside policy variables) are case-insensitive while their values are not.
 */
export interface ContextEntry {
  /** Every value as a string; numbers and booleans are stringified as IAM does. */
  readonly values: readonly string[];
  /** Given as an array: a multivalued key, which cannot be used as a policy variable. */
  readonly multivalued: boolean;
}

export type NormalizedContext = ReadonlyMap<string, ContextEntry>;

const EMPTY: NormalizedContext = new Map();

export function normalizeContext(context: RequestContext | undefined): NormalizedContext {
  if (!context) return EMPTY;
  const out = new Map<string, ContextEntry>();
  for (const key of Object.keys(context)) {
    const entry = toEntry(context[key]);
    // undefined/null mean "not in the request", the same as leaving the key out.
    if (entry) out.set(key.toLowerCase(), entry);
  }
  return out;
}

function toEntry(value: ContextValue): ContextEntry | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    return { values: value.map(String), multivalued: true };
  }
  return { values: [String(value)], multivalued: false };
}

/**
 * IAM treats a key that is absent and a multivalued key with an empty set alike for the
 * existence checks (Null, ...IfExists, ForAllValues/ForAnyValue on a missing key).
 */
export function isPresent(entry: ContextEntry | undefined): entry is ContextEntry {
  return entry !== undefined && entry.values.length > 0;
}
