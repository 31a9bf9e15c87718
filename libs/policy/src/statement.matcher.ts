import { evaluateConditions } from './condition.evaluator';
import { NormalizedContext } from './context.normalizer';
import { PolicyStatement, RequestPrincipal, ResourceBlock } from './policy.types';
import { principalMatches } from './principal.matcher';
import { resolvePattern, variableKey } from './variables.resolver';
import { compileAlternation, DynamicMatcherCache } from './wildcard.matcher';

/** A request with its context normalized once, shared by every statement it is matched against. */
export interface PreparedRequest {
  readonly action: string;
  readonly resource: string;
  readonly principal?: RequestPrincipal;
  readonly context: NormalizedContext;
}

/**
 * Does the statement apply to the request? Action, resource, principal, then conditions — the
 * cheap tests first. Returns undefined when a policy variable could not be resolved (the statement
 * then applies to nothing, whatever its effect).
 *
 * `requirePrincipal` is set for resource-based and trust policies: a statement there that names
 * no principal grants to no one, so a document of the wrong kind cannot open a resource to all.
 */
export function statementApplies(
  statement: PolicyStatement,
  request: PreparedRequest,
  requirePrincipal: boolean,
): boolean | undefined {
  const { action } = statement;
  if (action.matcher.test(request.action) === action.negated) return false;

  if (statement.resource) {
    const hit = resourceMatches(statement.resource, request);
    if (hit === undefined) return undefined;
    if (hit === statement.resource.negated) return false;
  }

  if (statement.principal) {
    if (!principalMatches(statement.principal, request.principal)) return false;
  } else if (requirePrincipal) {
    return false;
  }

  return statement.conditions.length === 0 ? true : evaluateConditions(statement.conditions, request.context);
}

function resourceMatches(block: ResourceBlock, request: PreparedRequest): boolean | undefined {
  if (block.staticMatcher) return block.staticMatcher.test(request.resource);
  // An unresolved variable anywhere in the list makes the statement not match, wherever it sits.
  const key = variableKey(block.patterns, request.context);
  if (key === undefined) return undefined;
  let cache = dynamicResources.get(block);
  if (!cache) dynamicResources.set(block, (cache = new DynamicMatcherCache()));
  const matcher = cache.get(key, () =>
    compileAlternation(
      block.patterns.map((p) => resolvePattern(p, request.context)!),
      'resource',
    ),
  );
  return matcher.test(request.resource);
}

const dynamicResources = new WeakMap<ResourceBlock, DynamicMatcherCache>();
