import { CommandContract, defineCommand } from '../command';
import * as W from './wire-types';

const svc = 'credential-vending' as const;

/** One policy of a role, as the authorizer needs it: raw JSON (not URL-encoded) and a label. */
export interface RolePolicyText {
  /** `inline/<PolicyName>` or the managed policy's ARN: decisions name the policy by it. */
  Label: string;
  Document: string;
}

/** Everything that grants a role's sessions their permissions (inline and attached policies). */
export interface RolePermissionsResult {
  RoleArn: string;
  RoleId: string;
  Policies: RolePolicyText[];
}

export interface RoleArnRequest {
  RoleArn: string;
}

export interface Revocation {
  RoleArn: string;
  RevokedBefore: string;
}

/**
 * Every revocation that can still matter: sessions live at most 12 hours, so a revocation older
 * than that (plus the clock skew) refuses nothing more and is left out.
 */
export interface ListRevocationsResult {
  Revocations: Revocation[];
  /** The service's clock when it answered. */
  AsOf: string;
}

/**
 * The credential-vending service's request/reply operations. The IAM and STS operations carry the
 * AWS Query shapes (see wire-types.ts); the gateway is a protocol adapter.
 */
export const CredentialVendingCommands = {
  // IAM: roles
  createRole: defineCommand<W.CreateRoleRequest, W.RoleResult>(svc, 'CreateRole'),
  getRole: defineCommand<W.RoleNameRequest, W.RoleResult>(svc, 'GetRole'),
  listRoles: defineCommand<W.ListRolesRequest, W.ListRolesResult>(svc, 'ListRoles'),
  updateRole: defineCommand<W.UpdateRoleRequest, W.EmptyResult>(svc, 'UpdateRole'),
  updateAssumeRolePolicy: defineCommand<W.UpdateAssumeRolePolicyRequest, W.EmptyResult>(
    svc,
    'UpdateAssumeRolePolicy',
  ),
  deleteRole: defineCommand<W.RoleNameRequest, W.EmptyResult>(svc, 'DeleteRole'),
  // IAM: inline role policies
  putRolePolicy: defineCommand<W.PutRolePolicyRequest, W.EmptyResult>(svc, 'PutRolePolicy'),
  getRolePolicy: defineCommand<W.RolePolicyRequest, W.GetRolePolicyResult>(svc, 'GetRolePolicy'),
  listRolePolicies: defineCommand<W.ListRolePoliciesRequest, W.ListRolePoliciesResult>(
    svc,
    'ListRolePolicies',
  ),
  deleteRolePolicy: defineCommand<W.RolePolicyRequest, W.EmptyResult>(svc, 'DeleteRolePolicy'),
  // IAM: managed policies and attachments
  createPolicy: defineCommand<W.CreatePolicyRequest, W.PolicyResult>(svc, 'CreatePolicy'),
  getPolicy: defineCommand<W.PolicyArnRequest, W.PolicyResult>(svc, 'GetPolicy'),
  deletePolicy: defineCommand<W.PolicyArnRequest, W.EmptyResult>(svc, 'DeletePolicy'),
  attachRolePolicy: defineCommand<W.RolePolicyAttachmentRequest, W.EmptyResult>(svc, 'AttachRolePolicy'),
  detachRolePolicy: defineCommand<W.RolePolicyAttachmentRequest, W.EmptyResult>(svc, 'DetachRolePolicy'),
  listAttachedRolePolicies: defineCommand<
    W.ListAttachedRolePoliciesRequest,
    W.ListAttachedRolePoliciesResult
  >(svc, 'ListAttachedRolePolicies'),
  // IAM: OpenID Connect providers
  createOpenIDConnectProvider: defineCommand<
    W.CreateOpenIDConnectProviderRequest,
    W.CreateOpenIDConnectProviderResult
  >(svc, 'CreateOpenIDConnectProvider'),
  getOpenIDConnectProvider: defineCommand<
    W.OpenIDConnectProviderArnRequest,
    W.GetOpenIDConnectProviderResult
  >(svc, 'GetOpenIDConnectProvider'),
  listOpenIDConnectProviders: defineCommand<Record<string, never>, W.ListOpenIDConnectProvidersResult>(
    svc,
    'ListOpenIDConnectProviders',
  ),
  deleteOpenIDConnectProvider: defineCommand<W.OpenIDConnectProviderArnRequest, W.EmptyResult>(
    svc,
    'DeleteOpenIDConnectProvider',
  ),
  addClientIDToOpenIDConnectProvider: defineCommand<W.OpenIDConnectProviderClientIdRequest, W.EmptyResult>(
    svc,
    'AddClientIDToOpenIDConnectProvider',
  ),
  removeClientIDFromOpenIDConnectProvider: defineCommand<
    W.OpenIDConnectProviderClientIdRequest,
    W.EmptyResult
  >(svc, 'RemoveClientIDFromOpenIDConnectProvider'),
  // idfed admin
  revokeRoleSessions: defineCommand<W.RevokeRoleSessionsRequest, W.RevokeRoleSessionsResult>(
    svc,
    'RevokeRoleSessions',
  ),
  // STS
  assumeRoleWithWebIdentity: defineCommand<
    W.AssumeRoleWithWebIdentityRequest,
    W.AssumeRoleWithWebIdentityResult
  >(svc, 'AssumeRoleWithWebIdentity'),
  assumeRole: defineCommand<W.AssumeRoleRequest, W.AssumeRoleResult>(svc, 'AssumeRole'),
  // Internal, for the gateway's authorizer and credential verification.
  getRolePermissions: defineCommand<RoleArnRequest, RolePermissionsResult>(svc, 'GetRolePermissions'),
  listRevocations: defineCommand<Record<string, never>, ListRevocationsResult>(svc, 'ListRevocations'),
} as const;

/** Who may call a Query operation: the admin key, any valid signature (admin or temporary), anyone. */
export type QueryAuth = 'admin' | 'signed' | 'none';

/** One Query action the gateway forwards to credential vending. */
export interface QueryOperation {
  command: CommandContract<unknown, unknown>;
  auth: QueryAuth;
  /** Members the Query protocol sends as text that the command takes as integers. */
  integers?: readonly string[];
  /** Whether the answer has an `<Action>Result` element (IAM's write actions have none). */
  hasResult: boolean;
}

const C = CredentialVendingCommands;
const admin = (command: CommandContract<unknown, unknown>, hasResult: boolean, integers?: string[]) =>
  ({ command, auth: 'admin', hasResult, ...(integers ? { integers } : {}) }) as QueryOperation;

/** IAM actions (credential scope service `iam`), all admin-signed. RevokeRoleSessions is idfed's own. */
export const IAM_QUERY_OPERATIONS: Readonly<Record<string, QueryOperation>> = {
  CreateRole: admin(C.createRole, true, ['MaxSessionDuration']),
  GetRole: admin(C.getRole, true),
  ListRoles: admin(C.listRoles, true, ['MaxItems']),
  UpdateRole: admin(C.updateRole, true, ['MaxSessionDuration']),
  UpdateAssumeRolePolicy: admin(C.updateAssumeRolePolicy, false),
  DeleteRole: admin(C.deleteRole, false),
  PutRolePolicy: admin(C.putRolePolicy, false),
  GetRolePolicy: admin(C.getRolePolicy, true),
  ListRolePolicies: admin(C.listRolePolicies, true, ['MaxItems']),
  DeleteRolePolicy: admin(C.deleteRolePolicy, false),
  CreatePolicy: admin(C.createPolicy, true),
  GetPolicy: admin(C.getPolicy, true),
  DeletePolicy: admin(C.deletePolicy, false),
  AttachRolePolicy: admin(C.attachRolePolicy, false),
  DetachRolePolicy: admin(C.detachRolePolicy, false),
  ListAttachedRolePolicies: admin(C.listAttachedRolePolicies, true, ['MaxItems']),
  CreateOpenIDConnectProvider: admin(C.createOpenIDConnectProvider, true),
  GetOpenIDConnectProvider: admin(C.getOpenIDConnectProvider, true),
  ListOpenIDConnectProviders: admin(C.listOpenIDConnectProviders, true),
  DeleteOpenIDConnectProvider: admin(C.deleteOpenIDConnectProvider, false),
  AddClientIDToOpenIDConnectProvider: admin(C.addClientIDToOpenIDConnectProvider, false),
  RemoveClientIDFromOpenIDConnectProvider: admin(C.removeClientIDFromOpenIDConnectProvider, false),
  RevokeRoleSessions: admin(C.revokeRoleSessions, true),
};

/**
 * STS actions forwarded to credential vending (credential scope service `sts`). GetCallerIdentity
 * is not here: the gateway answers it from the verified signature alone.
 */
export const STS_QUERY_OPERATIONS: Readonly<Record<string, QueryOperation>> = {
  AssumeRoleWithWebIdentity: {
    command: C.assumeRoleWithWebIdentity,
    auth: 'none',
    integers: ['DurationSeconds'],
    hasResult: true,
  },
  AssumeRole: {
    command: C.assumeRole,
    auth: 'signed',
    integers: ['DurationSeconds'],
    hasResult: true,
  },
};
