import { RoleMappingType } from '@idfed/contracts';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns } from '../common/validate';

const MATCH_TYPES = ['Equals', 'Contains', 'StartsWith', 'NotEqual'];

/** Checks RoleMappings as SetIdentityPoolRoles does: at most 10 providers, 25 rules each. */
export function validateRoleMappings(mappings: Record<string, RoleMappingType>): void {
  if (typeof mappings !== 'object' || mappings === null || Array.isArray(mappings)) {
    throw BrokerErrors.invalidParameter('RoleMappings must be a map.');
  }
  const entries = Object.entries(mappings);
  if (entries.length > 10) throw BrokerErrors.invalidParameter('RoleMappings may name at most 10 providers.');
  for (const [provider, mapping] of entries) {
    if (mapping?.Type !== 'Token' && mapping?.Type !== 'Rules') {
      throw BrokerErrors.invalidParameter(`RoleMappings.${provider}.Type must be Token or Rules.`);
    }
    const ambiguous = mapping.AmbiguousRoleResolution;
    if (ambiguous === undefined) {
      throw BrokerErrors.invalidParameter(`RoleMappings.${provider}.AmbiguousRoleResolution is required.`);
    }
    if (ambiguous !== 'AuthenticatedRole' && ambiguous !== 'Deny') {
      throw BrokerErrors.invalidParameter(
        `RoleMappings.${provider}.AmbiguousRoleResolution must be AuthenticatedRole or Deny.`,
      );
    }
    if (mapping.Type === 'Token') continue;
    const rules = mapping.RulesConfiguration?.Rules;
    if (!Array.isArray(rules) || rules.length === 0 || rules.length > 25) {
      throw BrokerErrors.invalidParameter(`RoleMappings.${provider}.RulesConfiguration needs 1 to 25 rules.`);
    }
    for (const rule of rules) {
      const ok =
        typeof rule.Claim === 'string' &&
        rule.Claim.length > 0 &&
        rule.Claim.length <= 64 &&
        MATCH_TYPES.includes(rule.MatchType) &&
        typeof rule.Value === 'string' &&
        rule.Value.length <= 128 &&
        Patterns.roleArn.test(rule.RoleARN ?? '');
      if (!ok) throw BrokerErrors.invalidParameter(`RoleMappings.${provider} has an invalid rule.`);
    }
  }
}
