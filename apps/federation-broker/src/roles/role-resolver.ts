import { MappingRuleType, RoleMappingType } from '@idfed/contracts';

export type Claims = Record<string, unknown>;

export type RoleResolution =
  | { kind: 'role'; roleArn: string; reason: string }
  | { kind: 'denied'; reason: string }
  | { kind: 'no-role'; reason: string };

/** A claim's values as text: scalars only (an object claim is no text a rule can match). */
function values(claim: unknown): string[] {
  const list: unknown[] = Array.isArray(claim) ? claim : [claim];
  return list
    .filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(String);
}

/** A rule matches when its claim does (for multi-valued claims such as cognito:groups, any value). */
export function ruleMatches(rule: MappingRuleType, claims: Claims): boolean {
  const claimValues = values(claims[rule.Claim]);
  switch (rule.MatchType) {
    case 'Equals':
      return claimValues.includes(rule.Value);
    case 'Contains':
      return claimValues.some((v) => v.includes(rule.Value));
    case 'StartsWith':
      return claimValues.some((v) => v.startsWith(rule.Value));
    case 'NotEqual':
      return claimValues.length > 0 && !claimValues.includes(rule.Value);
  }
}

/**
 * Cognito's role choice for an authenticated identity. With no mapping for the provider: the
 * pool's authenticated role. Token mappings: the token's cognito:preferred_role, or its only
 * cognito:roles entry, or the CustomRoleArn the caller asked for if the token allows it. Rules:
 * the first matching rule, in order. When nothing decides, AmbiguousRoleResolution does.
 */
export function resolveAuthenticatedRole(
  defaultRole: string | undefined,
  mapping: RoleMappingType | undefined,
  claims: Claims,
  customRoleArn?: string,
): RoleResolution {
  const fallback = (why: string): RoleResolution => {
    if (mapping?.AmbiguousRoleResolution === 'Deny')
      return { kind: 'denied', reason: `${why}; the mapping denies` };
    return defaultRole
      ? { kind: 'role', roleArn: defaultRole, reason: `${why}; the pool's authenticated role` }
      : { kind: 'no-role', reason: `${why}; the pool has no authenticated role` };
  };
  if (!mapping) {
    if (customRoleArn)
      return { kind: 'denied', reason: 'CustomRoleArn needs a Token role mapping for the provider' };
    return fallback('no role mapping for the provider');
  }
  if (mapping.Type === 'Token') {
    const roles = values(claims['cognito:roles']);
    if (customRoleArn) {
      return roles.includes(customRoleArn)
        ? { kind: 'role', roleArn: customRoleArn, reason: 'CustomRoleArn is among the token roles' }
        : { kind: 'denied', reason: 'CustomRoleArn is not among the token roles' };
    }
    const preferred = claims['cognito:preferred_role'];
    if (typeof preferred === 'string' && preferred) {
      return { kind: 'role', roleArn: preferred, reason: 'the token names a preferred role' };
    }
    if (roles.length === 1) return { kind: 'role', roleArn: roles[0], reason: 'the token names one role' };
    return fallback(
      roles.length ? 'the token names several roles and no preferred one' : 'the token names no role',
    );
  }
  if (customRoleArn)
    return { kind: 'denied', reason: 'CustomRoleArn is only honoured with a Token role mapping' };
  const rules = mapping.RulesConfiguration?.Rules ?? [];
  const index = rules.findIndex((rule) => ruleMatches(rule, claims));
  if (index >= 0) return { kind: 'role', roleArn: rules[index].RoleARN, reason: `rule ${index + 1} matched` };
  return fallback('no rule matched');
}
