import type { WildcardSet } from './wildcard.matcher';

/**
 * Public shapes of the policy engine: what a parsed policy looks like, what a request to authorize
 * looks like, and what a decision says. Compiled matchers live beside the data they were compiled
 * from so that evaluation never re-parses a document.
 */

/** The two grammar versions IAM accepts. Only 2012-10-17 substitutes policy variables. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/**
 * What the document is used as; decides which elements are required or forbidden.
 * - identity: attached to a user/role (also permissions boundaries): no Principal, Resource required.
 * - session: passed to AssumeRole*: same grammar as identity.
 * - trust: a role's AssumeRolePolicyDocument: Principal required, Resource forbidden.
 * - resource: a resource-based policy (bucket, queue, dataset...): Principal and Resource required.
 */
export type PolicyKind = 'identity' | 'session' | 'trust' | 'resource';

export type Effect = 'Allow' | 'Deny';

export type PrincipalType = 'AWS' | 'Federated' | 'Service' | 'CanonicalUser';

/** A piece of a Resource / condition value pattern after variable and wildcard tokenizing. */
export type PatternToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'one' }
  | { readonly kind: 'var'; readonly key: string; readonly fallback?: string };

/** A string from the policy, tokenized once at parse time. */
export interface CompiledPattern {
  readonly source: string;
  readonly tokens: readonly PatternToken[];
  readonly hasVariables: boolean;
}

export interface ActionBlock {
  /** true for NotAction. */
  readonly negated: boolean;
  readonly patterns: readonly string[];
  /** Case-insensitive matcher for all patterns. */
  readonly matcher: WildcardSet;
}

export interface ResourceBlock {
  /** true for NotResource. */
  readonly negated: boolean;
  readonly patterns: readonly CompiledPattern[];
  /** Precompiled alternation when no pattern uses a variable; otherwise built per request. */
  readonly staticMatcher?: WildcardSet;
}

export interface PrincipalEntry {
  readonly type: PrincipalType;
  /** Normalized values ("123456789012" becomes "arn:aws:iam::123456789012:root"). */
  readonly values: readonly string[];
}

export interface PrincipalBlock {
  /** true for NotPrincipal. */
  readonly negated: boolean;
  /** `"Principal": "*"`. */
  readonly wildcard: boolean;
  readonly entries: readonly PrincipalEntry[];
}

export type SetOperator = 'ForAnyValue' | 'ForAllValues';

export type BaseOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'NumericEquals'
  | 'NumericNotEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateNotEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'NotIpAddress'
  | 'ArnEquals'
  | 'ArnLike'
  | 'ArnNotEquals'
  | 'ArnNotLike'
  | 'Null';

/** A condition value prepared for its operator family at parse time. */
export type ConditionOperand =
  | { readonly family: 'string' | 'like' | 'arn'; readonly pattern: CompiledPattern }
  | { readonly family: 'numeric' | 'date'; readonly value: number }
  | { readonly family: 'bool' | 'null'; readonly value: boolean }
  | { readonly family: 'binary'; readonly value: Buffer }
  | { readonly family: 'ip'; readonly value: Cidr };

/** Does one request value match any of a clause's (positive) policy values? */
export type ValueTester = (value: string) => boolean;

export interface Cidr {
  readonly version: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

/** One `operator: { key: values }` pair of a Condition block. */
export interface ConditionClause {
  /** As written, e.g. "ForAnyValue:StringLikeIfExists". */
  readonly operator: string;
  readonly base: BaseOperator;
  readonly setOperator?: SetOperator;
  readonly ifExists: boolean;
  /** Condition key as written. */
  readonly key: string;
  /** Lower-cased: IAM condition key names are case-insensitive. */
  readonly keyLower: string;
  /** The policy values as written, stringified. */
  readonly values: readonly string[];
  /** StringNotEquals, NotIpAddress, ArnNotLike...: the result is the negation of the positive test. */
  readonly negated: boolean;
  readonly operands: readonly ConditionOperand[];
  /** Precompiled when no value uses a policy variable; otherwise bound per request. */
  readonly staticTester?: ValueTester;
}

export interface PolicyStatement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  readonly principal?: PrincipalBlock;
  readonly action: ActionBlock;
  /** Absent only in trust policies, where the role itself is the resource. */
  readonly resource?: ResourceBlock;
  readonly conditions: readonly ConditionClause[];
}

export interface PolicySize {
  /** Length of the document text as given. */
  readonly characters: number;
  /** Length ignoring whitespace outside JSON strings: what IAM counts against its size quotas. */
  readonly withoutWhitespace: number;
}

export interface PolicyDocument {
  readonly kind: PolicyKind;
  /** Effective version: '2008-10-17' when the document has none. */
  readonly version: PolicyVersion;
  readonly versionSpecified: boolean;
  readonly id?: string;
  /** Caller-chosen name used in decisions (e.g. the inline policy name or a managed policy ARN). */
  readonly label?: string;
  readonly statements: readonly PolicyStatement[];
  readonly size: PolicySize;
  /** The JSON value the document was parsed from, for round-tripping (GetRolePolicy etc). */
  readonly json: Readonly<Record<string, unknown>>;
}

/** Values callers may put in a request context; arrays are multivalued keys. */
export type ContextValue =
  string | number | boolean | readonly (string | number | boolean)[] | undefined | null;

export type RequestContext = Readonly<Record<string, ContextValue>>;

export interface RequestPrincipal {
  readonly type: PrincipalType;
  /** ARN for AWS principals (account ids are accepted), provider for Federated, host for Service. */
  readonly id: string;
}

export interface AuthorizationRequest {
  /** "service:Operation", e.g. "sts:AssumeRoleWithWebIdentity". */
  readonly action: string;
  /** Resource ARN, or "*" for actions without a resource. */
  readonly resource: string;
  /** Who is asking; required for resource-based and trust policies to match anything but "*". */
  readonly principal?: RequestPrincipal;
  /** Condition keys; names are matched case-insensitively. */
  readonly context?: RequestContext;
}

/**
 * How a resource-based Allow combines with the caller's identity-side policies; IAM varies this by
 * who the resource policy names (see policy.evaluator.ts).
 */
export type ResourcePolicyMode = 'same-account' | 'same-account-direct' | 'cross-account';

export interface PolicySet {
  readonly identity?: readonly PolicyDocument[];
  readonly resource?: readonly PolicyDocument[];
  readonly boundary?: readonly PolicyDocument[];
  readonly session?: readonly PolicyDocument[];
  readonly resourcePolicyMode?: ResourcePolicyMode;
}

export type PolicyType = 'identity' | 'resource' | 'boundary' | 'session';

export type DecisionKind = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface DecidingStatement {
  readonly policyType: PolicyType;
  /** The policy's label, else its Id, else "<policyType>[<index>]". */
  readonly policy: string;
  readonly statementIndex: number;
  readonly sid?: string;
}

export interface Decision {
  readonly decision: DecisionKind;
  readonly decidedBy?: DecidingStatement;
  readonly reason: string;
}
