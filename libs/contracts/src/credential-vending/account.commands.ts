import { queryApi } from '../operations';
import { EmptyResult, InstanceProfile, Tag } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

// IAM account settings, console passwords and account aliases (ADR 0084), with AWS's member names.

/** UpdateAccountPasswordPolicy: every member left out takes its documented default. */
export interface UpdateAccountPasswordPolicyRequest {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}
export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  ExpirePasswords: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}
export interface GetAccountPasswordPolicyResult {
  PasswordPolicy: PasswordPolicy;
}

export interface CreateLoginProfileRequest {
  UserName?: string;
  Password?: string;
  PasswordResetRequired?: boolean;
  MaxSigninSessionDuration?: number;
}
export interface UpdateLoginProfileRequest {
  UserName: string;
  Password?: string;
  PasswordResetRequired?: boolean;
  MaxSigninSessionDuration?: number;
  ResetMaxSigninSessionDuration?: boolean;
}
export interface LoginProfileUserRequest {
  UserName?: string;
}
/** A login profile as IAM answers it: never the password. */
export interface LoginProfile {
  UserName: string;
  CreateDate: string;
  PasswordResetRequired?: boolean;
  MaxSigninSessionDuration?: number;
}
export interface LoginProfileResult {
  LoginProfile: LoginProfile;
}
export interface IamChangePasswordRequest {
  OldPassword: string;
  NewPassword: string;
}

export interface AccountAliasRequest {
  AccountAlias: string;
}
export interface ListAccountAliasesRequest {
  Marker?: string;
  MaxItems?: number;
}
export interface ListAccountAliasesResult {
  AccountAliases: string[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface GetAccountSummaryResult {
  SummaryMap: Record<string, number>;
}

export type EntityType = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';
export interface GetAccountAuthorizationDetailsRequest {
  Filter?: EntityType[];
  MaxItems?: number;
  Marker?: string;
}
/** An inline policy: its document URL-encoded, as IAM answers documents. */
export interface PolicyDetail {
  PolicyName: string;
  PolicyDocument: string;
}
export interface AttachedPolicyDetail {
  PolicyName: string;
  PolicyArn: string;
}
export interface AttachedPermissionsBoundaryDetail {
  PermissionsBoundaryType: 'PermissionsBoundaryPolicy';
  PermissionsBoundaryArn: string;
}
export interface UserDetail {
  Path: string;
  UserName: string;
  UserId: string;
  Arn: string;
  CreateDate: string;
  UserPolicyList: PolicyDetail[];
  GroupList: string[];
  AttachedManagedPolicies: AttachedPolicyDetail[];
  PermissionsBoundary?: AttachedPermissionsBoundaryDetail;
  Tags?: Tag[];
}
export interface GroupDetail {
  Path: string;
  GroupName: string;
  GroupId: string;
  Arn: string;
  CreateDate: string;
  GroupPolicyList: PolicyDetail[];
  AttachedManagedPolicies: AttachedPolicyDetail[];
}
export interface RoleDetail {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: string;
  AssumeRolePolicyDocument: string;
  InstanceProfileList: InstanceProfile[];
  RolePolicyList: PolicyDetail[];
  AttachedManagedPolicies: AttachedPolicyDetail[];
  PermissionsBoundary?: AttachedPermissionsBoundaryDetail;
  Tags?: Tag[];
}
export interface PolicyVersionDetail {
  Document: string;
  VersionId: string;
  IsDefaultVersion: boolean;
  CreateDate: string;
}
export interface ManagedPolicyDetail {
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
  PolicyVersionList: PolicyVersionDetail[];
}
export interface GetAccountAuthorizationDetailsResult {
  UserDetailList: UserDetail[];
  GroupDetailList: GroupDetail[];
  RoleDetailList: RoleDetail[];
  Policies: ManagedPolicyDetail[];
  IsTruncated: boolean;
  Marker?: string;
}

/** ADR 0084's operations, spread into CredentialVendingOperations. */
export const AccountOperations = {
  GetAccountPasswordPolicy: iamApi.operation<Record<string, never>, GetAccountPasswordPolicyResult>()(
    'GetAccountPasswordPolicy',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  UpdateAccountPasswordPolicy: iamApi.operation<UpdateAccountPasswordPolicyRequest, EmptyResult>()(
    'UpdateAccountPasswordPolicy',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: false,
      integers: ['MinimumPasswordLength', 'MaxPasswordAge', 'PasswordReusePrevention'],
    },
  ),
  DeleteAccountPasswordPolicy: iamApi.operation<Record<string, never>, EmptyResult>()(
    'DeleteAccountPasswordPolicy',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  CreateLoginProfile: iamApi.operation<CreateLoginProfileRequest, LoginProfileResult>()(
    'CreateLoginProfile',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxSigninSessionDuration'] },
  ),
  GetLoginProfile: iamApi.operation<LoginProfileUserRequest, LoginProfileResult>()(
    'GetLoginProfile',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: true,
    },
  ),
  UpdateLoginProfile: iamApi.operation<UpdateLoginProfileRequest, EmptyResult>()(
    'UpdateLoginProfile',
    'admin',
    { rateLimit: 'Iam', hasResult: false, integers: ['MaxSigninSessionDuration'] },
  ),
  DeleteLoginProfile: iamApi.operation<LoginProfileUserRequest, EmptyResult>()(
    'DeleteLoginProfile',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: false,
    },
  ),
  ChangePassword: iamApi.operation<IamChangePasswordRequest, EmptyResult>()('ChangePassword', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  CreateAccountAlias: iamApi.operation<AccountAliasRequest, EmptyResult>()('CreateAccountAlias', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  DeleteAccountAlias: iamApi.operation<AccountAliasRequest, EmptyResult>()('DeleteAccountAlias', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  ListAccountAliases: iamApi.operation<ListAccountAliasesRequest, ListAccountAliasesResult>()(
    'ListAccountAliases',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  GetAccountAuthorizationDetails: iamApi.operation<
    GetAccountAuthorizationDetailsRequest,
    GetAccountAuthorizationDetailsResult
  >()('GetAccountAuthorizationDetails', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
  GetAccountSummary: iamApi.operation<Record<string, never>, GetAccountSummaryResult>()(
    'GetAccountSummary',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
} as const;
