/**
 * @idfed/policy — IAM policy documents: parse and validate, then evaluate requests against them.
 * Pure library: no Nest, no I/O. See README.md for the rules followed where IAM's documentation
 * leaves a choice.
 */
export * from './policy.types';
export { MalformedPolicyDocumentError, PolicyErrors } from './policy.errors';
export { parsePolicy, tryParsePolicy } from './policy.parser';
export type { ParsePolicyOptions, ParsePolicyResult } from './policy.parser';
export { evaluate } from './policy.evaluator';
export { contextKeysOf, simulate, statementSpans } from './policy.simulator';
export type {
  MatchedStatement,
  PolicyTypeDecisions,
  SimulatedDecision,
  SimulatedPolicy,
  SimulationPolicies,
  SimulationResult,
  TextPosition,
} from './policy.simulator';
export { POLICY_SIZE_LIMITS, fitsSizeLimit } from './policy.limits';
export type { PolicySizeLimit } from './policy.limits';
export {
  ASSUME_ROLE_WITH_WEB_IDENTITY,
  evaluateWebIdentityTrust,
  webIdentityContext,
  webIdentityKeyPrefix,
} from './web-identity.trust';
export type { WebIdentityTrustRequest } from './web-identity.trust';
export { parseOperator } from './condition.operators';
export { parseCidr, cidrContains } from './cidr.matcher';
