import { normalizeContext } from './context.normalizer';
import { evaluate } from './policy.evaluator';
import {
  AuthorizationRequest,
  PolicyDocument,
  PolicySet,
  PolicyStatement,
  ResourcePolicyMode,
} from './policy.types';
import { PreparedRequest, statementApplies } from './statement.matcher';

/**
 * IAM's policy simulator (SimulateCustomPolicy / SimulatePrincipalPolicy) over the same evaluation
 * as live decisions: the decision comes from evaluate(), and this adds what the simulator reports
 * beside it — the statements that decided, the context keys the policies would have read but were
 * not given, and whether the permissions boundary allowed.
 */

/** One input policy of a simulation, with the text its statements' positions are reported in. */
export interface SimulatedPolicy {
  /** SourcePolicyId: `PolicyInputList.1`, an inline policy's name, a managed policy's name... */
  readonly id: string;
  /** SourcePolicyType: user, group, role, user-managed, resource, none. */
  readonly sourceType: string;
  readonly document: PolicyDocument;
  readonly text: string;
}

export interface SimulationPolicies {
  readonly identity: readonly SimulatedPolicy[];
  readonly boundary?: readonly SimulatedPolicy[];
  readonly resource?: SimulatedPolicy;
  readonly resourcePolicyMode?: ResourcePolicyMode;
}

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export interface MatchedStatement {
  readonly policyId: string;
  readonly sourceType: string;
  readonly start?: TextPosition;
  readonly end?: TextPosition;
}

export type SimulatedDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface SimulationResult {
  readonly decision: SimulatedDecision;
  /** The Deny statements for an explicit deny, the Allow statements that granted for an allow. */
  readonly matched: readonly MatchedStatement[];
  /** Condition keys (and policy variables) of the statements that apply to the action and resource, not given. */
  readonly missingContextKeys: readonly string[];
  /** Present when a boundary was simulated: did it allow the action on the resource? */
  readonly allowedByBoundary?: boolean;
  /**
   * Each simulated policy type's own decision, as if it were alone: explicitDeny when one of its
   * Deny statements applies, allowed when one of its Allow statements does, implicitDeny otherwise.
   * `resource` is present when a resource policy was simulated or the resource is another
   * account's (which then has none to grant); `boundary` when a boundary was simulated.
   */
  readonly byPolicyType: PolicyTypeDecisions;
}

export interface PolicyTypeDecisions {
  readonly identity: SimulatedDecision;
  readonly resource?: SimulatedDecision;
  readonly boundary?: SimulatedDecision;
}

export function simulate(request: AuthorizationRequest, policies: SimulationPolicies): SimulationResult {
  const boundary = policies.boundary ?? [];
  const set: PolicySet = {
    identity: policies.identity.map((p) => p.document),
    boundary: boundary.map((p) => p.document),
    ...(policies.resource ? { resource: [policies.resource.document] } : {}),
    ...(policies.resourcePolicyMode ? { resourcePolicyMode: policies.resourcePolicyMode } : {}),
  };
  const decision = evaluate(request, set).decision;
  const prepared: PreparedRequest = {
    action: request.action,
    resource: request.resource,
    principal: request.principal,
    context: normalizeContext(request.context),
  };

  const slots: {
    type: keyof PolicyTypeDecisions;
    policies: readonly SimulatedPolicy[];
    resource: boolean;
    grants: boolean;
  }[] = [
    { type: 'identity', policies: policies.identity, resource: false, grants: true },
    {
      type: 'resource',
      policies: policies.resource ? [policies.resource] : [],
      resource: true,
      grants: true,
    },
    { type: 'boundary', policies: boundary, resource: false, grants: false },
  ];
  const byType: Record<keyof PolicyTypeDecisions, SimulatedDecision> = {
    identity: 'implicitDeny',
    resource: 'implicitDeny',
    boundary: 'implicitDeny',
  };
  const matched: MatchedStatement[] = [];
  const missing = new Map<string, string>();
  let boundaryAllows = false;
  for (const slot of slots) {
    for (const policy of slot.policies) {
      let positions: readonly (StatementSpan | undefined)[] | undefined;
      for (const statement of policy.document.statements) {
        collectMissingKeys(statement, prepared, slot.resource, missing);
        if (statementApplies(statement, prepared, slot.resource) !== true) continue;
        if (statement.effect === 'Deny') byType[slot.type] = 'explicitDeny';
        else if (byType[slot.type] === 'implicitDeny') byType[slot.type] = 'allowed';
        if (!slot.grants && statement.effect === 'Allow') boundaryAllows = true;
        const wanted = decision === 'ExplicitDeny' ? 'Deny' : decision === 'Allow' ? 'Allow' : undefined;
        if (statement.effect !== wanted || (!slot.grants && wanted === 'Allow')) continue;
        positions ??= statementSpans(policy.text);
        const span = positions[statement.index];
        matched.push({
          policyId: policy.id,
          sourceType: policy.sourceType,
          ...(span ? { start: span.start, end: span.end } : {}),
        });
      }
    }
  }
  return {
    decision:
      decision === 'Allow' ? 'allowed' : decision === 'ExplicitDeny' ? 'explicitDeny' : 'implicitDeny',
    matched,
    missingContextKeys: [...missing.values()],
    ...(boundary.length ? { allowedByBoundary: boundaryAllows } : {}),
    byPolicyType: {
      identity: byType.identity,
      ...(policies.resource || policies.resourcePolicyMode === 'cross-account'
        ? { resource: byType.resource }
        : {}),
      ...(boundary.length ? { boundary: byType.boundary } : {}),
    },
  };
}

/**
 * Every context key the documents read: the keys of their conditions and the keys named by policy
 * variables (`${aws:username}`), once each (case-insensitively, as first written).
 */
export function contextKeysOf(documents: readonly PolicyDocument[]): string[] {
  const keys = new Map<string, string>();
  for (const doc of documents) {
    for (const statement of doc.statements) {
      for (const key of statementKeys(statement)) {
        if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
      }
    }
  }
  return [...keys.values()];
}

/** A statement whose action, resource and principal apply reads its keys; the missing ones are noted. */
function collectMissingKeys(
  statement: PolicyStatement,
  request: PreparedRequest,
  requirePrincipal: boolean,
  missing: Map<string, string>,
): void {
  const keys = statementKeys(statement);
  if (!keys.length) return;
  const unconditional: PolicyStatement = { ...statement, conditions: [] };
  // An unresolved variable in Resource makes statementApplies answer undefined: still relevant.
  if (statementApplies(unconditional, request, requirePrincipal) === false) return;
  for (const key of keys) {
    const lower = key.toLowerCase();
    const entry = request.context.get(lower);
    if ((!entry || entry.values.length === 0) && !missing.has(lower)) missing.set(lower, key);
  }
}

function statementKeys(statement: PolicyStatement): string[] {
  const keys: string[] = statement.conditions.map((c) => c.key);
  const patterns = [
    ...(statement.resource?.patterns ?? []),
    ...statement.conditions.flatMap((c) => c.operands.flatMap((o) => ('pattern' in o ? [o.pattern] : []))),
  ];
  for (const pattern of patterns) {
    if (!pattern.hasVariables) continue;
    for (const token of pattern.tokens) if (token.kind === 'var') keys.push(token.key);
  }
  return keys;
}

interface StatementSpan {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/**
 * Where each statement sits in the policy's text: the line and column (both counted from 1) of its
 * opening and of its closing brace. `Statement` may be one object or an array of them.
 */
export function statementSpans(text: string): (StatementSpan | undefined)[] {
  const spans: (StatementSpan | undefined)[] = [];
  let line = 1;
  let column = 0;
  let depth = 0;
  let key: string | undefined;
  let inStatement: 'object' | 'array' | undefined;
  let statementDepth = 0;
  let open: TextPosition | undefined;
  let expectingValueOf: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      column = 0;
      continue;
    }
    column++;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      column += j - i;
      i = j;
      if (depth === 1 && !expectingValueOf) {
        try {
          key = JSON.parse(raw) as string;
        } catch {
          key = undefined;
        }
      }
      continue;
    }
    if (c === ':' && depth === 1) {
      expectingValueOf = key;
      continue;
    }
    if (c === ',' && depth === 1) {
      expectingValueOf = undefined;
      continue;
    }
    if (c === '{' || c === '[') {
      if (depth === 1 && expectingValueOf === 'Statement' && !inStatement) {
        inStatement = c === '{' ? 'object' : 'array';
        statementDepth = depth + 1;
        if (c === '{') open = { line, column };
      } else if (inStatement === 'array' && depth === statementDepth && c === '{') {
        open = { line, column };
      }
      depth++;
      continue;
    }
    if (c === '}' || c === ']') {
      depth--;
      const closesObject =
        c === '}' &&
        open &&
        ((inStatement === 'object' && depth === statementDepth - 1) ||
          (inStatement === 'array' && depth === statementDepth));
      if (closesObject && open) {
        spans.push({ start: open, end: { line, column } });
        open = undefined;
      }
      if (inStatement && depth === statementDepth - 1 && (c === ']' || inStatement === 'object')) {
        inStatement = undefined;
        expectingValueOf = undefined;
      }
    }
  }
  return spans;
}
