import { internalOperation, queryApi } from '../operations';
import * as W from './wire-types';
import { SamlOperations } from './saml.commands';
import { GroupOperations } from './groups.commands';
import { UserTagOperations } from './user-tags.commands';
import { ResourceTagOperations } from './resource-tags.commands';
import { CallIdOperations } from './call-ids.commands';
import { KeyUseOperations } from './key-use.commands';
import { MfaDeviceOperations } from './mfa.commands';
import { SimulationOperations } from './simulation.commands';
import { RoleUpdateOperations } from './role-updates.commands';
import { OutboundFederationOperations } from './outbound-federation.commands';
import { AccountOperations } from './account.commands';
import { CredentialReportOperations } from './credential-report.commands';
import { InstanceProfileOperations } from './instance-profiles.commands';
import { ServerCertificateOperations } from './server-certificates.commands';
import { SigningCertificateOperations } from './signing-certificates.commands';
import { SshPublicKeyOperations } from './ssh-public-keys.commands';
import { ServiceCredentialOperations } from './service-credentials.commands';

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
  /** The role's permissions boundary: its sessions get only what it also allows. */
  PermissionsBoundary?: RolePolicyText;
  /** The role's IAM tags: `aws:PrincipalTag` for its sessions, below the session tags (ADR 0041). */
  Tags?: { Key: string; Value: string }[];
}

export interface AccessKeyIdRequest {
  AccessKeyId: string;
}

/**
 * What a gateway needs to verify and decide a request signed with an IAM user's access key: the
 * secret sealed (base64; only a holder of the session-token master key opens it, ADR 0033), the
 * key's status, the user, and the user's policies (inline and attached) and boundary.
 */
export interface AccessKeyPrincipalResult {
  SecretEnc: string;
  Status: 'Active' | 'Inactive';
  UserName: string;
  UserId: string;
  UserArn: string;
  Policies: RolePolicyText[];
  PermissionsBoundary?: RolePolicyText;
  /** The user's IAM tags: its `aws:PrincipalTag/<key>` (ADR 0046). */
  Tags?: { Key: string; Value: string }[];
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

const iamApi = queryApi(svc, 'iam');
const stsApi = queryApi(svc, 'sts');

/**
 * The credential-vending service's operations: the IAM subset and STS on the Query protocol, with
 * the AWS shapes (see wire-types.ts), and the bus-only ones the gateway's authorizer uses. STS
 * GetCallerIdentity is not here: the gateway answers it from the verified signature alone.
 */
export const CredentialVendingOperations = {
  CreateRole: iamApi.operation<W.CreateRoleRequest, W.RoleResult>()('CreateRole', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxSessionDuration'],
    // A PermissionsBoundary naming no policy: IAM answers NoSuchEntity ("Scope ARN: ... does not
    // exist or is not attachable"), which botocore's model does not list for CreateRole.
    extraErrors: ['NoSuchEntity'],
  }),
  GetRole: iamApi.operation<W.RoleNameRequest, W.RoleResult>()('GetRole', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
  }),
  ListRoles: iamApi.operation<W.ListRolesRequest, W.ListRolesResult>()('ListRoles', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
  UpdateRole: iamApi.operation<W.UpdateRoleRequest, W.EmptyResult>()('UpdateRole', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxSessionDuration'],
  }),
  UpdateAssumeRolePolicy: iamApi.operation<W.UpdateAssumeRolePolicyRequest, W.EmptyResult>()(
    'UpdateAssumeRolePolicy',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  DeleteRole: iamApi.operation<W.RoleNameRequest, W.EmptyResult>()('DeleteRole', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  PutRolePolicy: iamApi.operation<W.PutRolePolicyRequest, W.EmptyResult>()('PutRolePolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  GetRolePolicy: iamApi.operation<W.RolePolicyRequest, W.GetRolePolicyResult>()('GetRolePolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
  }),
  ListRolePolicies: iamApi.operation<W.ListRolePoliciesRequest, W.ListRolePoliciesResult>()(
    'ListRolePolicies',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  TagRole: iamApi.operation<W.TagRoleRequest, W.EmptyResult>()('TagRole', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  UntagRole: iamApi.operation<W.UntagRoleRequest, W.EmptyResult>()('UntagRole', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  ListRoleTags: iamApi.operation<W.ListRoleTagsRequest, W.ListRoleTagsResult>()('ListRoleTags', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
  DeleteRolePolicy: iamApi.operation<W.RolePolicyRequest, W.EmptyResult>()('DeleteRolePolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  CreatePolicy: iamApi.operation<W.CreatePolicyRequest, W.PolicyResult>()('CreatePolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
  }),
  GetPolicy: iamApi.operation<W.PolicyArnRequest, W.PolicyResult>()('GetPolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
  }),
  DeletePolicy: iamApi.operation<W.PolicyArnRequest, W.EmptyResult>()('DeletePolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  ListPolicies: iamApi.operation<W.ListPoliciesRequest, W.ListPoliciesResult>()('ListPolicies', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
  CreatePolicyVersion: iamApi.operation<W.CreatePolicyVersionRequest, W.PolicyVersionResult>()(
    'CreatePolicyVersion',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  GetPolicyVersion: iamApi.operation<W.PolicyVersionRequest, W.PolicyVersionResult>()(
    'GetPolicyVersion',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  ListPolicyVersions: iamApi.operation<W.ListPolicyVersionsRequest, W.ListPolicyVersionsResult>()(
    'ListPolicyVersions',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  DeletePolicyVersion: iamApi.operation<W.PolicyVersionRequest, W.EmptyResult>()(
    'DeletePolicyVersion',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  SetDefaultPolicyVersion: iamApi.operation<W.PolicyVersionRequest, W.EmptyResult>()(
    'SetDefaultPolicyVersion',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  ListEntitiesForPolicy: iamApi.operation<W.ListEntitiesForPolicyRequest, W.ListEntitiesForPolicyResult>()(
    'ListEntitiesForPolicy',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  AttachRolePolicy: iamApi.operation<W.RolePolicyAttachmentRequest, W.EmptyResult>()(
    'AttachRolePolicy',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  DetachRolePolicy: iamApi.operation<W.RolePolicyAttachmentRequest, W.EmptyResult>()(
    'DetachRolePolicy',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  ListInstanceProfilesForRole: iamApi.operation<
    W.ListInstanceProfilesForRoleRequest,
    W.ListInstanceProfilesForRoleResult
  >()('ListInstanceProfilesForRole', 'admin', { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] }),
  ListAttachedRolePolicies: iamApi.operation<
    W.ListAttachedRolePoliciesRequest,
    W.ListAttachedRolePoliciesResult
  >()('ListAttachedRolePolicies', 'admin', { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] }),
  CreateUser: iamApi.operation<W.CreateUserRequest, W.UserResult>()('CreateUser', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
  }),
  GetUser: iamApi.operation<W.OptionalUserNameRequest, W.UserResult>()('GetUser', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
  }),
  ListUsers: iamApi.operation<W.ListIamUsersRequest, W.ListIamUsersResult>()('ListUsers', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
  UpdateUser: iamApi.operation<W.UpdateUserRequest, W.EmptyResult>()('UpdateUser', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  DeleteUser: iamApi.operation<W.UserNameRequest, W.EmptyResult>()('DeleteUser', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  CreateAccessKey: iamApi.operation<W.OptionalUserNameRequest, W.CreateAccessKeyResult>()(
    'CreateAccessKey',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: true,
    },
  ),
  ListAccessKeys: iamApi.operation<W.ListAccessKeysRequest, W.ListAccessKeysResult>()(
    'ListAccessKeys',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: true,
      integers: ['MaxItems'],
    },
  ),
  UpdateAccessKey: iamApi.operation<W.UpdateAccessKeyRequest, W.EmptyResult>()('UpdateAccessKey', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  DeleteAccessKey: iamApi.operation<W.DeleteAccessKeyRequest, W.EmptyResult>()('DeleteAccessKey', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  GetAccessKeyLastUsed: iamApi.operation<W.GetAccessKeyLastUsedRequest, W.GetAccessKeyLastUsedResult>()(
    'GetAccessKeyLastUsed',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: true,
    },
  ),
  PutUserPolicy: iamApi.operation<W.PutUserPolicyRequest, W.EmptyResult>()('PutUserPolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  GetUserPolicy: iamApi.operation<W.UserPolicyRequest, W.GetUserPolicyResult>()('GetUserPolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
  }),
  ListUserPolicies: iamApi.operation<W.ListUserPoliciesRequest, W.ListUserPoliciesResult>()(
    'ListUserPolicies',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: true,
      integers: ['MaxItems'],
    },
  ),
  DeleteUserPolicy: iamApi.operation<W.UserPolicyRequest, W.EmptyResult>()('DeleteUserPolicy', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  AttachUserPolicy: iamApi.operation<W.UserPolicyAttachmentRequest, W.EmptyResult>()(
    'AttachUserPolicy',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: false,
    },
  ),
  DetachUserPolicy: iamApi.operation<W.UserPolicyAttachmentRequest, W.EmptyResult>()(
    'DetachUserPolicy',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: false,
    },
  ),
  ListAttachedUserPolicies: iamApi.operation<
    W.ListAttachedUserPoliciesRequest,
    W.ListAttachedUserPoliciesResult
  >()('ListAttachedUserPolicies', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
  PutUserPermissionsBoundary: iamApi.operation<W.PutUserPermissionsBoundaryRequest, W.EmptyResult>()(
    'PutUserPermissionsBoundary',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: false,
    },
  ),
  DeleteUserPermissionsBoundary: iamApi.operation<W.UserNameRequest, W.EmptyResult>()(
    'DeleteUserPermissionsBoundary',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: false,
    },
  ),
  CreateOpenIDConnectProvider: iamApi.operation<
    W.CreateOpenIDConnectProviderRequest,
    W.CreateOpenIDConnectProviderResult
  >()('CreateOpenIDConnectProvider', 'admin', { rateLimit: 'Iam', hasResult: true }),
  GetOpenIDConnectProvider: iamApi.operation<
    W.OpenIDConnectProviderArnRequest,
    W.GetOpenIDConnectProviderResult
  >()('GetOpenIDConnectProvider', 'admin', { rateLimit: 'Iam', hasResult: true }),
  ListOpenIDConnectProviders: iamApi.operation<Record<string, never>, W.ListOpenIDConnectProvidersResult>()(
    'ListOpenIDConnectProviders',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  DeleteOpenIDConnectProvider: iamApi.operation<W.OpenIDConnectProviderArnRequest, W.EmptyResult>()(
    'DeleteOpenIDConnectProvider',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  AddClientIDToOpenIDConnectProvider: iamApi.operation<
    W.OpenIDConnectProviderClientIdRequest,
    W.EmptyResult
  >()('AddClientIDToOpenIDConnectProvider', 'admin', { rateLimit: 'Iam', hasResult: false }),
  RemoveClientIDFromOpenIDConnectProvider: iamApi.operation<
    W.OpenIDConnectProviderClientIdRequest,
    W.EmptyResult
  >()('RemoveClientIDFromOpenIDConnectProvider', 'admin', { rateLimit: 'Iam', hasResult: false }),
  RevokeRoleSessions: iamApi.ownOperation<W.RevokeRoleSessionsRequest, W.RevokeRoleSessionsResult>()(
    'RevokeRoleSessions',
    'admin',
    { rateLimit: 'Iam', hasResult: true, extraErrors: ['NoSuchEntity', 'InvalidInput'] },
  ),
  AssumeRoleWithWebIdentity: stsApi.operation<
    W.AssumeRoleWithWebIdentityRequest,
    W.AssumeRoleWithWebIdentityResult
  >()('AssumeRoleWithWebIdentity', 'public', {
    rateLimit: 'StsAssumeRole',
    hasResult: true,
    integers: ['DurationSeconds'],
  }),
  AssumeRole: stsApi.operation<W.AssumeRoleRequest, W.AssumeRoleResult>()('AssumeRole', 'signed', {
    rateLimit: 'StsAssumeRole',
    hasResult: true,
    integers: ['DurationSeconds'],
  }),
  // ADR 0039: sessions of long-term keys, and the account of a key.
  GetSessionToken: stsApi.operation<W.GetSessionTokenRequest, W.GetSessionTokenResult>()(
    'GetSessionToken',
    'signed',
    { rateLimit: 'StsAssumeRole', hasResult: true, integers: ['DurationSeconds'] },
  ),
  GetFederationToken: stsApi.operation<W.GetFederationTokenRequest, W.GetFederationTokenResult>()(
    'GetFederationToken',
    'signed',
    { rateLimit: 'StsAssumeRole', hasResult: true, integers: ['DurationSeconds'] },
  ),
  GetAccessKeyInfo: stsApi.operation<W.GetAccessKeyInfoRequest, W.GetAccessKeyInfoResult>()(
    'GetAccessKeyInfo',
    'signed',
    { rateLimit: 'StsAssumeRole', hasResult: true },
  ),
  DecodeAuthorizationMessage: stsApi.operation<
    W.DecodeAuthorizationMessageRequest,
    W.DecodeAuthorizationMessageResult
  >()('DecodeAuthorizationMessage', 'signed', { rateLimit: 'StsAssumeRole', hasResult: true }),
  GetRolePermissions: internalOperation<RoleArnRequest, RolePermissionsResult>()(svc, 'GetRolePermissions', [
    'NoSuchEntity',
  ]),
  GetAccessKeyPrincipal: internalOperation<AccessKeyIdRequest, AccessKeyPrincipalResult>()(
    svc,
    'GetAccessKeyPrincipal',
    ['NoSuchEntity'],
  ),
  ListRevocations: internalOperation<Record<string, never>, ListRevocationsResult>()(svc, 'ListRevocations'),
  ...SamlOperations,
  ...GroupOperations,
  ...UserTagOperations,
  ...ResourceTagOperations,
  ...CallIdOperations,
  ...KeyUseOperations,
  // IAM virtual MFA devices (ADR 0072).
  ...MfaDeviceOperations,
  ...SimulationOperations,
  ...RoleUpdateOperations,
  // Outbound identity federation and GetWebIdentityToken (ADR 0086).
  ...OutboundFederationOperations,
  // IAM account settings, console passwords, account aliases (ADR 0084).
  ...AccountOperations,
  // IAM credential reports, STS preferences (ADR 0093).
  ...CredentialReportOperations,
  // IAM instance profiles (ADR 0085).
  ...InstanceProfileOperations,
  // IAM server certificates (ADR 0085).
  ...ServerCertificateOperations,
  // IAM users' signing certificates (ADR 0085).
  ...SigningCertificateOperations,
  // IAM users' SSH public keys (ADR 0085).
  ...SshPublicKeyOperations,
  // IAM service-specific credentials (ADR 0085).
  ...ServiceCredentialOperations,
} as const;
