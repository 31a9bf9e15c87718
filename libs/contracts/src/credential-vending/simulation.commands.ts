import { queryApi } from '../operations';

const iamApi = queryApi('credential-vending', 'iam');

/** IAM's ContextEntry: one condition key's values for a simulation. */
export interface SimulationContextEntry {
  ContextKeyName?: string;
  ContextKeyValues?: string[];
  ContextKeyType?: string;
}

interface SimulationRequestBase {
  PolicyInputList?: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  ResourceOwner?: string;
  CallerArn?: string;
  ContextEntries?: SimulationContextEntry[];
  ResourceHandlingOption?: string;
  MaxItems?: number;
  Marker?: string;
}

export interface SimulateCustomPolicyRequest extends SimulationRequestBase {
  PolicyInputList: string[];
  OrderedOrganizationPolicyInputList?: { ServiceControlPolicyInputList?: string[] }[];
}

export interface SimulatePrincipalPolicyRequest extends SimulationRequestBase {
  PolicySourceArn: string;
  PolicyExclusionList?: unknown[];
}

export interface SimulationPosition {
  Line: number;
  Column: number;
}

export interface SimulationStatement {
  SourcePolicyId?: string;
  SourcePolicyType?: string;
  StartPosition?: SimulationPosition;
  EndPosition?: SimulationPosition;
}

export type PolicyEvaluationDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/**
 * IAM's EvalDecisionDetailsType (a map of policy type to decision) as the Query protocol writes a
 * map: `<entry><key>..</key><value>..</value></entry>` items. Kept in that form so it survives the
 * bus as JSON and the gateway's XML writer needs no output shapes (ADR 0087).
 */
export interface EvalDecisionDetails {
  entry: { key: string; value: PolicyEvaluationDecision }[];
}

export interface ResourceSpecificResult {
  EvalResourceName: string;
  EvalResourceDecision: PolicyEvaluationDecision;
  MatchedStatements?: SimulationStatement[];
  MissingContextValues?: string[];
  EvalDecisionDetails?: EvalDecisionDetails;
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
}

export interface EvaluationResult {
  EvalActionName: string;
  EvalResourceName?: string;
  EvalDecision: PolicyEvaluationDecision;
  MatchedStatements?: SimulationStatement[];
  MissingContextValues?: string[];
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
  EvalDecisionDetails?: EvalDecisionDetails;
  ResourceSpecificResults?: ResourceSpecificResult[];
}

export interface SimulatePolicyResponse {
  EvaluationResults: EvaluationResult[];
  IsTruncated: boolean;
  Marker?: string;
}

export interface GetContextKeysForCustomPolicyRequest {
  PolicyInputList: string[];
}

export interface GetContextKeysForPrincipalPolicyRequest {
  PolicySourceArn: string;
  PolicyInputList?: string[];
}

export interface GetContextKeysForPolicyResponse {
  ContextKeyNames: string[];
}

/** IAM's policy simulator over idfed's policy engine, spread into CredentialVendingOperations. */
export const SimulationOperations = {
  SimulateCustomPolicy: iamApi.operation<SimulateCustomPolicyRequest, SimulatePolicyResponse>()(
    'SimulateCustomPolicy',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  SimulatePrincipalPolicy: iamApi.operation<SimulatePrincipalPolicyRequest, SimulatePolicyResponse>()(
    'SimulatePrincipalPolicy',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  GetContextKeysForCustomPolicy: iamApi.operation<
    GetContextKeysForCustomPolicyRequest,
    GetContextKeysForPolicyResponse
  >()('GetContextKeysForCustomPolicy', 'admin', { rateLimit: 'Iam', hasResult: true }),
  GetContextKeysForPrincipalPolicy: iamApi.operation<
    GetContextKeysForPrincipalPolicyRequest,
    GetContextKeysForPolicyResponse
  >()('GetContextKeysForPrincipalPolicy', 'admin', { rateLimit: 'Iam', hasResult: true }),
} as const;
