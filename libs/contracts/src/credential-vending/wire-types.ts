/**
 * IAM (2010-05-08) and STS (2011-06-15) shapes as idfed carries them on the bus. Requests are the
 * AWS Query parameters after the gateway has unflattened them: `ClientIDList.member.N` becomes an
 * array, `Tags.member.N.Key` an array of {Key, Value}, `PolicyArns.member.N.arn` an array of
 * {arn}; integers are numbers. Results are the members of the `<Action>Result` element, which the
 * gateway writes as XML. Timestamps are ISO 8601 strings in UTC without fractional seconds, and
 * policy documents in IAM results are URL-encoded, as IAM sends them.
 * Member names follow botocore's service-2.json for both APIs; only what idfed implements is listed.
 */

export interface Tag {
  Key: string;
  Value: string;
}

/** An empty Result element (UpdateRole) or none at all (DeleteRole and the other write actions). */
export type EmptyResult = Record<string, never>;

// ---------------------------------------------------------------- IAM: roles

export interface Role {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: string;
  /** URL-encoded JSON, as IAM returns it. */
  AssumeRolePolicyDocument?: string;
  Description?: string;
  MaxSessionDuration?: number;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: Tag[];
  RoleLastUsed?: { LastUsedDate?: string; Region?: string };
}

export interface CreateRoleRequest {
  Path?: string;
  RoleName: string;
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration?: number;
  PermissionsBoundary?: string;
  Tags?: Tag[];
}
export interface RoleResult {
  Role: Role;
}

export interface RoleNameRequest {
  RoleName: string;
}

export interface ListRolesRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListRolesResult {
  Roles: Role[];
  IsTruncated: boolean;
  Marker?: string;
}

export interface UpdateRoleRequest {
  RoleName: string;
  Description?: string;
  MaxSessionDuration?: number;
}

export interface UpdateAssumeRolePolicyRequest {
  RoleName: string;
  PolicyDocument: string;
}

// ---------------------------------------------------------------- IAM: inline role policies

export interface PutRolePolicyRequest {
  RoleName: string;
  PolicyName: string;
  PolicyDocument: string;
}
export interface RolePolicyRequest {
  RoleName: string;
  PolicyName: string;
}
export interface GetRolePolicyResult {
  RoleName: string;
  PolicyName: string;
  /** URL-encoded JSON, as IAM returns it. */
  PolicyDocument: string;
}
export interface ListRolePoliciesRequest {
  RoleName: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListRolePoliciesResult {
  PolicyNames: string[];
  IsTruncated: boolean;
  Marker?: string;
}

export interface TagRoleRequest {
  RoleName: string;
  Tags: Tag[];
}
export interface UntagRoleRequest {
  RoleName: string;
  TagKeys: string[];
}
export interface ListRoleTagsRequest {
  RoleName: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListRoleTagsResult {
  Tags: Tag[];
  IsTruncated: boolean;
  Marker?: string;
}

// ---------------------------------------------------------------- IAM: managed policies

export interface ManagedPolicy {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  PermissionsBoundaryUsageCount: number;
  IsAttachable: boolean;
  Description?: string;
  CreateDate: string;
  UpdateDate: string;
  Tags?: Tag[];
}

export interface CreatePolicyRequest {
  PolicyName: string;
  Path?: string;
  PolicyDocument: string;
  Description?: string;
  Tags?: Tag[];
}
export interface PolicyResult {
  Policy: ManagedPolicy;
}
export interface PolicyArnRequest {
  PolicyArn: string;
}

/** A version of a managed policy; `Document` (URL-encoded, as IAM sends it) only where IAM gives it. */
export interface PolicyVersion {
  Document?: string;
  VersionId: string;
  IsDefaultVersion: boolean;
  CreateDate: string;
}
export interface CreatePolicyVersionRequest {
  PolicyArn: string;
  PolicyDocument: string;
  SetAsDefault?: boolean;
}
export interface PolicyVersionRequest {
  PolicyArn: string;
  VersionId: string;
}
export interface PolicyVersionResult {
  PolicyVersion: PolicyVersion;
}
export interface ListPolicyVersionsRequest {
  PolicyArn: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListPolicyVersionsResult {
  Versions: PolicyVersion[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface ListPoliciesRequest {
  Scope?: 'All' | 'AWS' | 'Local';
  OnlyAttached?: boolean;
  PathPrefix?: string;
  PolicyUsageFilter?: 'PermissionsPolicy' | 'PermissionsBoundary';
  Marker?: string;
  MaxItems?: number;
}
export interface ListPoliciesResult {
  Policies: ManagedPolicy[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface ListEntitiesForPolicyRequest {
  PolicyArn: string;
  EntityFilter?: 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';
  PathPrefix?: string;
  PolicyUsageFilter?: 'PermissionsPolicy' | 'PermissionsBoundary';
  Marker?: string;
  MaxItems?: number;
}
export interface ListEntitiesForPolicyResult {
  PolicyGroups: { GroupName: string; GroupId: string }[];
  PolicyUsers: { UserName: string; UserId: string }[];
  PolicyRoles: { RoleName: string; RoleId: string }[];
  IsTruncated: boolean;
  Marker?: string;
}

export interface RolePolicyAttachmentRequest {
  RoleName: string;
  PolicyArn: string;
}
export interface AttachedPolicy {
  PolicyName: string;
  PolicyArn: string;
}
export interface ListAttachedRolePoliciesRequest {
  RoleName: string;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListAttachedRolePoliciesResult {
  AttachedPolicies: AttachedPolicy[];
  IsTruncated: boolean;
  Marker?: string;
}

/** An instance profile (ADR 0085): the role it hands to EC2 instances, at most one. */
export interface InstanceProfile {
  Path: string;
  InstanceProfileName: string;
  InstanceProfileId: string;
  Arn: string;
  CreateDate: string;
  Roles: Role[];
  Tags?: Tag[];
}
export interface ListInstanceProfilesForRoleRequest {
  RoleName: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListInstanceProfilesForRoleResult {
  InstanceProfiles: InstanceProfile[];
  IsTruncated: boolean;
  Marker?: string;
}

// ---------------------------------------------------------------- IAM: OpenID Connect providers

export interface CreateOpenIDConnectProviderRequest {
  Url: string;
  ClientIDList?: string[];
  ThumbprintList?: string[];
  Tags?: Tag[];
}
export interface CreateOpenIDConnectProviderResult {
  OpenIDConnectProviderArn: string;
  Tags?: Tag[];
}
export interface OpenIDConnectProviderArnRequest {
  OpenIDConnectProviderArn: string;
}
export interface GetOpenIDConnectProviderResult {
  Url: string;
  ClientIDList: string[];
  ThumbprintList: string[];
  CreateDate: string;
  Tags?: Tag[];
}
export interface ListOpenIDConnectProvidersResult {
  OpenIDConnectProviderList: { Arn: string }[];
}
export interface OpenIDConnectProviderClientIdRequest {
  OpenIDConnectProviderArn: string;
  ClientID: string;
}

// ---------------------------------------------------------------- idfed admin: session revocation

/**
 * Not an AWS action: refuses every session of a role issued before `RevokedBefore` (default: now).
 * Served on the IAM Query endpoint as `Action=RevokeRoleSessions`, admin-signed.
 */
export interface RevokeRoleSessionsRequest {
  RoleName: string;
  /** ISO 8601; not in the future. */
  RevokedBefore?: string;
}
export interface RevokeRoleSessionsResult {
  RoleArn: string;
  RevokedBefore: string;
}

// ---------------------------------------------------------------- STS

export interface PolicyDescriptor {
  arn: string;
}

export interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

export interface AssumedRoleUser {
  /** `<RoleId>:<RoleSessionName>`. */
  AssumedRoleId: string;
  /** `arn:aws:sts::<account>:assumed-role/<RoleName>/<RoleSessionName>`. */
  Arn: string;
}

export interface AssumeRoleWithWebIdentityRequest {
  RoleArn: string;
  RoleSessionName: string;
  WebIdentityToken: string;
  ProviderId?: string;
  PolicyArns?: PolicyDescriptor[];
  Policy?: string;
  DurationSeconds?: number;
}
export interface AssumeRoleWithWebIdentityResult {
  Credentials: Credentials;
  SubjectFromWebIdentityToken: string;
  AssumedRoleUser: AssumedRoleUser;
  PackedPolicySize?: number;
  Provider: string;
  Audience: string;
  SourceIdentity?: string;
}

export interface AssumeRoleRequest {
  RoleArn: string;
  RoleSessionName: string;
  PolicyArns?: PolicyDescriptor[];
  Policy?: string;
  DurationSeconds?: number;
  Tags?: Tag[];
  TransitiveTagKeys?: string[];
  ExternalId?: string;
  SourceIdentity?: string;
  /** The caller's IAM MFA device and a code of it (ADR 0072). */
  SerialNumber?: string;
  TokenCode?: string;
}
export interface AssumeRoleResult {
  Credentials: Credentials;
  AssumedRoleUser: AssumedRoleUser;
  PackedPolicySize?: number;
  SourceIdentity?: string;
}

export interface GetSessionTokenRequest {
  DurationSeconds?: number;
  SerialNumber?: string;
  TokenCode?: string;
}
export interface GetSessionTokenResult {
  Credentials: Credentials;
}

export interface GetFederationTokenRequest {
  Name: string;
  Policy?: string;
  PolicyArns?: PolicyDescriptor[];
  DurationSeconds?: number;
  Tags?: Tag[];
}
export interface FederatedUser {
  /** `<account>:<Name>`. */
  FederatedUserId: string;
  /** `arn:aws:sts::<account>:federated-user/<Name>`. */
  Arn: string;
}
export interface GetFederationTokenResult {
  Credentials: Credentials;
  FederatedUser: FederatedUser;
  PackedPolicySize?: number;
}

export interface GetAccessKeyInfoRequest {
  AccessKeyId: string;
}
export interface GetAccessKeyInfoResult {
  Account: string;
}

export interface DecodeAuthorizationMessageRequest {
  EncodedMessage: string;
}
export interface DecodeAuthorizationMessageResult {
  DecodedMessage: string;
}

export interface GetCallerIdentityResult {
  UserId: string;
  Account: string;
  Arn: string;
}

// ---------------------------------------------------------------- IAM: users and access keys

export interface AttachedPermissionsBoundary {
  PermissionsBoundaryType: 'PermissionsBoundaryPolicy';
  PermissionsBoundaryArn: string;
}

export interface User {
  Path: string;
  UserName: string;
  UserId: string;
  Arn: string;
  CreateDate: string;
  PasswordLastUsed?: string;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: Tag[];
}

export interface CreateUserRequest {
  Path?: string;
  UserName: string;
  PermissionsBoundary?: string;
  Tags?: Tag[];
}
export interface UserResult {
  User: User;
}
/** GetUser without a UserName names the caller; idfed requires it (the admin key is no IAM user). */
export interface UserNameRequest {
  UserName: string;
}
export interface OptionalUserNameRequest {
  UserName?: string;
}
export interface ListIamUsersRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListIamUsersResult {
  Users: User[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface UpdateUserRequest {
  UserName: string;
  NewPath?: string;
  NewUserName?: string;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKey {
  UserName: string;
  AccessKeyId: string;
  Status: AccessKeyStatus;
  SecretAccessKey: string;
  CreateDate: string;
}
export interface CreateAccessKeyResult {
  AccessKey: AccessKey;
}
export interface AccessKeyMetadata {
  UserName: string;
  AccessKeyId: string;
  Status: AccessKeyStatus;
  CreateDate: string;
}
export interface ListAccessKeysRequest {
  UserName?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListAccessKeysResult {
  AccessKeyMetadata: AccessKeyMetadata[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface UpdateAccessKeyRequest {
  UserName?: string;
  AccessKeyId: string;
  Status: AccessKeyStatus;
}
export interface DeleteAccessKeyRequest {
  UserName?: string;
  AccessKeyId: string;
}
export interface GetAccessKeyLastUsedRequest {
  AccessKeyId: string;
}
export interface GetAccessKeyLastUsedResult {
  UserName: string;
  AccessKeyLastUsed: { LastUsedDate?: string; ServiceName: string; Region: string };
}

export interface PutUserPolicyRequest {
  UserName: string;
  PolicyName: string;
  PolicyDocument: string;
}
export interface UserPolicyRequest {
  UserName: string;
  PolicyName: string;
}
export interface GetUserPolicyResult {
  UserName: string;
  PolicyName: string;
  /** URL-encoded JSON, as IAM returns it. */
  PolicyDocument: string;
}
export interface ListUserPoliciesRequest {
  UserName: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListUserPoliciesResult {
  PolicyNames: string[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface UserPolicyAttachmentRequest {
  UserName: string;
  PolicyArn: string;
}
export interface ListAttachedUserPoliciesRequest {
  UserName: string;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListAttachedUserPoliciesResult {
  AttachedPolicies: AttachedPolicy[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface PutUserPermissionsBoundaryRequest {
  UserName: string;
  PermissionsBoundary: string;
}
