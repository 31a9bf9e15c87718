import { normalizeContext } from './context.normalizer';
import {
  AuthorizationRequest,
  DecidingStatement,
  Decision,
  PolicyDocument,
  PolicySet,
  PolicyType,
} from './policy.types';
import { PreparedRequest, statementApplies } from './statement.matcher';

/**
 * Policy evaluation ("Policy evaluation logic"), restricted to the policy types idfed has:
 *
 * 1. An explicit Deny in any applicable policy — identity, resource, boundary or session — wins.
 * 2. Otherwise something must grant the request: an identity-based Allow or a resource-based Allow.
 * 3. A permissions boundary and session policies only limit: when present, each must also allow
 *    ("the effective permissions are the intersection"). An empty list counts as not present.
 * 4. Anything else is an implicit deny.
 *
 * How a resource-based Allow meets the limits of step 3 depends on whom it names, which only the
 * caller knows; PolicySet.resourcePolicyMode says:
 * - 'same-account' (default): the resource policy names the role (or user) behind the request, so
 *   its Allow is added to the identity-based ones and the boundary and session policies still limit
 *   it. This is IAM's rule for a role ARN, and the conservative reading for everything else.
 * - 'same-account-direct': the resource policy names the exact caller (an IAM user ARN or the role
 *   session ARN); IAM then lets it allow on its own, with no boundary or session policy limiting it.
 * - 'cross-account': the identity side (within its boundary and session policies) and the
 *   resource policy must both allow.
 *
 * A trust policy is evaluated by passing it as the only resource-based policy.
 */
export function evaluate(
  request: AuthorizationRequest,
  policies: PolicySet | readonly PolicyDocument[],
): Decision {
  const set: PolicySet = isDocumentList(policies) ? { identity: policies } : policies;
  const prepared: PreparedRequest = {
    action: request.action,
    resource: request.resource,
    principal: request.principal,
    context: normalizeContext(request.context),
  };

  const allows: Partial<Record<PolicyType, DecidingStatement>> = {};
  const slots: readonly [PolicyType, readonly PolicyDocument[] | undefined][] = [
    ['identity', set.identity],
    ['resource', set.resource],
    ['boundary', set.boundary],
    ['session', set.session],
  ];
  for (const [policyType, docs] of slots) {
    if (!docs) continue;
    for (let p = 0; p < docs.length; p++) {
      const doc = docs[p];
      for (const statement of doc.statements) {
        // Once a slot has an Allow only its Deny statements still matter.
        if (statement.effect === 'Allow' && allows[policyType]) continue;
        if (statementApplies(statement, prepared, policyType === 'resource') !== true) continue;
        const by: DecidingStatement = {
          policyType,
          policy: doc.label ?? doc.id ?? `${policyType}[${p}]`,
          statementIndex: statement.index,
          sid: statement.sid,
        };
        if (statement.effect === 'Deny') {
          return { decision: 'ExplicitDeny', decidedBy: by, reason: `Explicitly denied by ${describe(by)}.` };
        }
        allows[policyType] = by;
      }
    }
  }

  return combine(request, set, allows);
}

function combine(
  request: AuthorizationRequest,
  set: PolicySet,
  allows: Partial<Record<PolicyType, DecidingStatement>>,
): Decision {
  const what = `${request.action} on ${request.resource}`;
  const mode = set.resourcePolicyMode ?? 'same-account';
  const hasBoundary = (set.boundary?.length ?? 0) > 0;
  const hasSession = (set.session?.length ?? 0) > 0;

  if (mode === 'same-account-direct' && allows.resource) {
    return allow(
      allows.resource,
      `Allowed by ${describe(allows.resource)}, which names the caller directly.`,
    );
  }

  let grant: DecidingStatement | undefined;
  if (mode === 'cross-account') {
    if (!allows.identity) return implicit(`No identity-based policy allows ${what}.`);
    if (!allows.resource) return implicit(`No resource-based policy allows ${what} for this principal.`);
    grant = allows.identity;
  } else {
    grant = allows.identity ?? allows.resource;
    if (!grant) return implicit(`No identity-based or resource-based policy allows ${what}.`);
  }
  if (hasBoundary && !allows.boundary) {
    return implicit(`${capitalize(describe(grant))} allows ${what}, but the permissions boundary does not.`);
  }
  if (hasSession && !allows.session) {
    return implicit(`${capitalize(describe(grant))} allows ${what}, but no session policy does.`);
  }
  const limits = [hasBoundary && 'the permissions boundary', hasSession && 'the session policy'].filter(
    Boolean,
  );
  const within = limits.length ? `, within ${limits.join(' and ')}` : '';
  return allow(grant, `Allowed by ${describe(grant)}${within}.`);
}

function allow(by: DecidingStatement, reason: string): Decision {
  return { decision: 'Allow', decidedBy: by, reason };
}

function implicit(reason: string): Decision {
  return { decision: 'ImplicitDeny', reason };
}

function describe(by: DecidingStatement): string {
  const sid = by.sid ? ` (${by.sid})` : '';
  return `statement ${by.statementIndex}${sid} of ${by.policyType} policy ${by.policy}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isDocumentList(value: PolicySet | readonly PolicyDocument[]): value is readonly PolicyDocument[] {
  return Array.isArray(value);
}
