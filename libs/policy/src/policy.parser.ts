import { compileClause, parseOperator } from './condition.operators';
import { NormalizedContext } from './context.normalizer';
import { readJson } from './json.reader';
import { MalformedPolicyDocumentError, PolicyErrors } from './policy.errors';
import {
  ActionBlock,
  CompiledPattern,
  ConditionClause,
  Effect,
  PolicyDocument,
  PolicyKind,
  PolicyStatement,
  PolicyVersion,
  PrincipalBlock,
  ResourceBlock,
} from './policy.types';
import { parsePrincipal } from './principal.matcher';
import { compilePattern, resolvePattern, ResolvedToken } from './variables.resolver';
import { compileAlternation } from './wildcard.matcher';

/**
 * Parses and validates a policy document ("IAM JSON policy grammar") and compiles its matchers,
 * so evaluation is just regex tests and set lookups.
 */

export interface ParsePolicyOptions {
  /** Which elements are required or forbidden; default 'identity'. See PolicyKind. */
  readonly kind?: PolicyKind;
  /** Name used in decisions, e.g. the inline policy name or managed policy ARN. */
  readonly label?: string;
  /**
   * Refuse documents whose Version is not 2012-10-17 ("Policy document must be version 2012-10-17
   * or greater."), as IAM does for some APIs. Off by default: IAM accepts 2008-10-17 and no Version.
   */
  readonly requireCurrentVersion?: boolean;
  /**
   * JSON with a key twice in one object is refused by default, because JSON.parse keeps the last
   * one silently and a policy must not mean something other than what it appears to say.
   */
  readonly allowDuplicateKeys?: boolean;
}

export type ParsePolicyResult =
  | { readonly ok: true; readonly policy: PolicyDocument }
  | { readonly ok: false; readonly error: MalformedPolicyDocumentError };

const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];
const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const SID = /^[0-9A-Za-z]*$/;
const VENDOR = /^[a-zA-Z0-9.-]+$/;

export function parsePolicy(input: string | object, options: ParsePolicyOptions = {}): PolicyDocument {
  const kind = options.kind ?? 'identity';
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  if (typeof text !== 'string') throw new MalformedPolicyDocumentError(PolicyErrors.syntax);

  let read: ReturnType<typeof readJson>;
  try {
    read = readJson(text);
  } catch {
    throw new MalformedPolicyDocumentError(PolicyErrors.syntax);
  }
  if (read.duplicateKey !== undefined && !options.allowDuplicateKeys) {
    throw new MalformedPolicyDocumentError(PolicyErrors.duplicateKey(read.duplicateKey));
  }
  const doc = read.value;
  if (!isObject(doc)) throw new MalformedPolicyDocumentError(PolicyErrors.syntax);

  for (const field of Object.keys(doc)) {
    if (!TOP_LEVEL.has(field)) throw new MalformedPolicyDocumentError(PolicyErrors.unknownField(field));
  }

  const versionSpecified = doc.Version !== undefined;
  if (versionSpecified && !VERSIONS.includes(doc.Version as PolicyVersion)) {
    throw new MalformedPolicyDocumentError(PolicyErrors.invalidVersion(String(doc.Version)), 'Version');
  }
  // No Version means the original 2008 grammar: no policy variables.
  const version = versionSpecified ? (doc.Version as PolicyVersion) : '2008-10-17';
  if (options.requireCurrentVersion && version !== '2012-10-17') {
    throw new MalformedPolicyDocumentError(PolicyErrors.versionTooOld, 'Version');
  }

  if (doc.Id !== undefined && typeof doc.Id !== 'string') {
    throw new MalformedPolicyDocumentError(PolicyErrors.syntax, 'Id');
  }

  const rawStatements = doc.Statement;
  if (rawStatements === undefined) throw new MalformedPolicyDocumentError(PolicyErrors.missingStatement);
  const list = Array.isArray(rawStatements)
    ? rawStatements
    : isObject(rawStatements)
      ? [rawStatements]
      : undefined;
  if (!list) throw new MalformedPolicyDocumentError(PolicyErrors.syntax, 'Statement');
  if (list.length === 0) throw new MalformedPolicyDocumentError(PolicyErrors.emptyStatement, 'Statement');

  const statements = list.map((raw, index) => parseStatement(raw, index, kind, version));

  const sids = new Set<string>();
  for (const s of statements) {
    if (!s.sid) continue;
    if (sids.has(s.sid)) {
      throw new MalformedPolicyDocumentError(PolicyErrors.duplicateSid, `Statement[${s.index}].Sid`);
    }
    sids.add(s.sid);
  }

  return {
    kind,
    version,
    versionSpecified,
    id: doc.Id,
    label: options.label,
    statements,
    size: { characters: text.length, withoutWhitespace: read.withoutWhitespace },
    json: doc,
  };
}

/** parsePolicy without throwing, for callers that map the error onto a wire response. */
export function tryParsePolicy(input: string | object, options: ParsePolicyOptions = {}): ParsePolicyResult {
  try {
    return { ok: true, policy: parsePolicy(input, options) };
  } catch (error) {
    if (error instanceof MalformedPolicyDocumentError) return { ok: false, error };
    throw error;
  }
}

function parseStatement(
  raw: unknown,
  index: number,
  kind: PolicyKind,
  version: PolicyVersion,
): PolicyStatement {
  const path = `Statement[${index}]`;
  const fail = (message: string, at = path) => new MalformedPolicyDocumentError(message, at);
  if (!isObject(raw)) throw fail(PolicyErrors.syntax);
  for (const field of Object.keys(raw)) {
    if (!STATEMENT_FIELDS.has(field)) throw fail(PolicyErrors.unknownField(field));
  }

  if (raw.Effect === undefined) throw fail(PolicyErrors.missingEffect);
  if (typeof raw.Effect !== 'string') throw fail(PolicyErrors.syntax, `${path}.Effect`);
  // Case-sensitive, as in IAM: "allow" is not an effect.
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') throw fail(PolicyErrors.invalidEffect(raw.Effect));
  const effect: Effect = raw.Effect;

  let sid: string | undefined;
  if (raw.Sid !== undefined) {
    if (typeof raw.Sid !== 'string') throw fail(PolicyErrors.syntax, `${path}.Sid`);
    // IAM policies restrict Sids to letters and digits; resource policies of other services do not.
    if (kind !== 'resource' && !SID.test(raw.Sid)) throw fail(PolicyErrors.sidNotAlphanumeric, `${path}.Sid`);
    sid = raw.Sid;
  }

  const principal = parsePrincipalElement(raw, kind, path);
  const action = parseActions(raw, path);
  const resource = parseResources(raw, kind, version, path);
  const conditions = parseConditions(raw.Condition, version, path);

  return { index, sid, effect, principal, action, resource, conditions };
}

function parsePrincipalElement(
  raw: Record<string, unknown>,
  kind: PolicyKind,
  path: string,
): PrincipalBlock | undefined {
  const has = raw.Principal !== undefined;
  const hasNot = raw.NotPrincipal !== undefined;
  if (has && hasNot)
    throw new MalformedPolicyDocumentError(PolicyErrors.bothElements('Principal', 'NotPrincipal'), path);
  if (kind === 'identity' || kind === 'session') {
    if (has || hasNot) throw new MalformedPolicyDocumentError(PolicyErrors.principalNotAllowed, path);
    return undefined;
  }
  if (!has && !hasNot) throw new MalformedPolicyDocumentError(PolicyErrors.missingPrincipal, path);
  return parsePrincipal(has ? raw.Principal : raw.NotPrincipal, hasNot, path);
}

function parseActions(raw: Record<string, unknown>, path: string): ActionBlock {
  const has = raw.Action !== undefined;
  const hasNot = raw.NotAction !== undefined;
  if (has && hasNot)
    throw new MalformedPolicyDocumentError(PolicyErrors.bothElements('Action', 'NotAction'), path);
  if (!has && !hasNot) throw new MalformedPolicyDocumentError(PolicyErrors.missingActions, path);
  const element = has ? 'Action' : 'NotAction';
  const patterns = stringList(raw[element], `${path}.${element}`);
  if (patterns.length === 0) throw new MalformedPolicyDocumentError(PolicyErrors.missingActions, path);
  for (const action of patterns) validateAction(action, `${path}.${element}`);
  const tokens = patterns.map((p) => literalTokens(compilePattern(p, { variables: false, wildcards: true })));
  return { negated: hasNot, patterns, matcher: compileAlternation(tokens, 'action') };
}

function validateAction(action: string, path: string): void {
  if (action === '*') return;
  const parts = action.split(':');
  if (parts.length === 1) throw new MalformedPolicyDocumentError(PolicyErrors.actionVendor, path);
  if (parts.length > 2) throw new MalformedPolicyDocumentError(PolicyErrors.actionColons, path);
  if (!VENDOR.test(parts[0]))
    throw new MalformedPolicyDocumentError(PolicyErrors.invalidVendor(parts[0]), path);
}

function parseResources(
  raw: Record<string, unknown>,
  kind: PolicyKind,
  version: PolicyVersion,
  path: string,
): ResourceBlock | undefined {
  const has = raw.Resource !== undefined;
  const hasNot = raw.NotResource !== undefined;
  if (has && hasNot) {
    throw new MalformedPolicyDocumentError(PolicyErrors.bothElements('Resource', 'NotResource'), path);
  }
  if (kind === 'trust') {
    // The role is the resource of its trust policy; IAM refuses the element outright.
    if (has || hasNot) {
      throw new MalformedPolicyDocumentError(
        PolicyErrors.prohibitedField(has ? 'Resource' : 'NotResource'),
        path,
      );
    }
    return undefined;
  }
  if (!has && !hasNot) throw new MalformedPolicyDocumentError(PolicyErrors.missingResources, path);
  const element = has ? 'Resource' : 'NotResource';
  const sources = stringList(raw[element], `${path}.${element}`);
  if (sources.length === 0) throw new MalformedPolicyDocumentError(PolicyErrors.missingResources, path);
  for (const resource of sources) validateResource(resource, `${path}.${element}`);
  const variables = version === '2012-10-17';
  const patterns = sources.map((s) => compilePattern(s, { variables, wildcards: true }));
  const staticMatcher = patterns.some((p) => p.hasVariables)
    ? undefined
    : compileAlternation(patterns.map(literalTokens), 'resource');
  return { negated: hasNot, patterns, staticMatcher };
}

function validateResource(resource: string, path: string): void {
  if (resource === '*') return;
  if (!resource.startsWith('arn:'))
    throw new MalformedPolicyDocumentError(PolicyErrors.resourceFormat(resource), path);
  const service = resource.split(':')[2];
  // "You can't use a wildcard in the service segment that identifies the AWS product."
  if (!service || /[*?]/.test(service))
    throw new MalformedPolicyDocumentError(PolicyErrors.resourceVendor, path);
}

function parseConditions(raw: unknown, version: PolicyVersion, path: string): ConditionClause[] {
  if (raw === undefined) return [];
  const at = `${path}.Condition`;
  if (!isObject(raw)) throw new MalformedPolicyDocumentError(PolicyErrors.syntax, at);
  const clauses: ConditionClause[] = [];
  for (const [operatorName, block] of Object.entries(raw)) {
    const operator = parseOperator(operatorName);
    if (!operator) throw new MalformedPolicyDocumentError(PolicyErrors.invalidOperator(operatorName), at);
    const opPath = `${at}.${operatorName}`;
    if (!isObject(block)) throw new MalformedPolicyDocumentError(PolicyErrors.syntax, opPath);
    for (const [key, value] of Object.entries(block)) {
      if (!key.includes(':')) throw new MalformedPolicyDocumentError(PolicyErrors.actionVendor, opPath);
      const values = conditionValues(value, `${opPath}.${key}`);
      clauses.push(
        compileClause(operatorName, operator, key, values, version === '2012-10-17', `${opPath}.${key}`),
      );
    }
  }
  return clauses;
}

/** Condition values may be strings, numbers or booleans, alone or in a list; IAM compares their text. */
function conditionValues(value: unknown, path: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new MalformedPolicyDocumentError(PolicyErrors.syntax, path);
  });
}

function stringList(value: unknown, path: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new MalformedPolicyDocumentError(PolicyErrors.syntax, path);
}

/** Tokens of a pattern known to have no variables. */
function literalTokens(pattern: CompiledPattern): readonly ResolvedToken[] {
  return resolvePattern(pattern, NO_CONTEXT)!;
}

const NO_CONTEXT: NormalizedContext = new Map();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
