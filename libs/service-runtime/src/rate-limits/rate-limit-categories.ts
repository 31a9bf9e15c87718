import { RateLimitCategory } from '@idfed/config';
import {
  COGNITO_IDENTITY_OPERATIONS,
  COGNITO_USER_POOL_OPERATIONS,
  IAM_QUERY_OPERATIONS,
  STS_QUERY_OPERATIONS,
} from '@idfed/contracts';

/** What a throttled caller is told: each API's own name for it. */
export interface Throttle {
  category: RateLimitCategory;
  errorName: 'TooManyRequestsException' | 'Throttling';
  message: string;
}

const USER_POOL_CATEGORIES: Record<keyof typeof COGNITO_USER_POOL_OPERATIONS, RateLimitCategory> = {
  InitiateAuth: 'UserAuthentication',
  AdminInitiateAuth: 'UserAuthentication',
  RespondToAuthChallenge: 'UserAuthenticationChallenge',
  AdminRespondToAuthChallenge: 'UserAuthenticationChallenge',
  SignUp: 'UserCreation',
  ConfirmSignUp: 'UserCreation',
  AdminCreateUser: 'UserCreation',
  AdminConfirmSignUp: 'UserCreation',
  ForgotPassword: 'UserAccountRecovery',
  ConfirmForgotPassword: 'UserAccountRecovery',
  ChangePassword: 'UserAccountRecovery',
  AdminSetUserPassword: 'UserAccountRecovery',
  ResendConfirmationCode: 'UserAccountRecovery',
  AdminGetUser: 'UserRead',
  GetUser: 'UserRead',
  AdminListGroupsForUser: 'UserRead',
  AdminDeleteUser: 'UserUpdate',
  DeleteUser: 'UserUpdate',
  AdminUpdateUserAttributes: 'UserUpdate',
  UpdateUserAttributes: 'UserUpdate',
  AdminDeleteUserAttributes: 'UserUpdate',
  DeleteUserAttributes: 'UserUpdate',
  VerifyUserAttribute: 'UserUpdate',
  GetUserAttributeVerificationCode: 'UserUpdate',
  AdminDisableUser: 'UserUpdate',
  AdminEnableUser: 'UserUpdate',
  GlobalSignOut: 'UserUpdate',
  AdminUserGlobalSignOut: 'UserUpdate',
  RevokeToken: 'UserUpdate',
  AdminAddUserToGroup: 'UserUpdate',
  AdminRemoveUserFromGroup: 'UserUpdate',
  ListUsers: 'UserList',
  ListUsersInGroup: 'UserList',
  DescribeUserPool: 'UserPoolRead',
  ListUserPools: 'UserPoolRead',
  CreateUserPool: 'UserPoolUpdate',
  DeleteUserPool: 'UserPoolUpdate',
  DescribeUserPoolClient: 'UserPoolClientRead',
  ListUserPoolClients: 'UserPoolClientRead',
  CreateUserPoolClient: 'UserPoolClientUpdate',
  GetGroup: 'GroupRead',
  ListGroups: 'GroupRead',
  CreateGroup: 'GroupWrite',
  UpdateGroup: 'GroupWrite',
  DeleteGroup: 'GroupWrite',
};

const IDENTITY_POOL_CATEGORIES: Record<keyof typeof COGNITO_IDENTITY_OPERATIONS, RateLimitCategory> = {
  GetId: 'IdentityPoolGetId',
  GetCredentialsForIdentity: 'IdentityPoolCredentials',
  GetOpenIdToken: 'IdentityPoolCredentials',
  GetOpenIdTokenForDeveloperIdentity: 'IdentityPoolCredentials',
  CreateIdentityPool: 'IdentityPoolManagement',
  DescribeIdentityPool: 'IdentityPoolManagement',
  UpdateIdentityPool: 'IdentityPoolManagement',
  ListIdentityPools: 'IdentityPoolManagement',
  DeleteIdentityPool: 'IdentityPoolManagement',
  SetIdentityPoolRoles: 'IdentityPoolManagement',
  GetIdentityPoolRoles: 'IdentityPoolManagement',
  UnlinkIdentity: 'IdentityPoolManagement',
  DescribeIdentity: 'IdentityPoolManagement',
  ListIdentities: 'IdentityPoolManagement',
  DeleteIdentities: 'IdentityPoolManagement',
  LookupDeveloperIdentity: 'IdentityPoolManagement',
  MergeDeveloperIdentities: 'IdentityPoolManagement',
  UnlinkDeveloperIdentity: 'IdentityPoolManagement',
};

const RATE_EXCEEDED = 'Rate exceeded';

function byPattern(
  operations: Readonly<Record<string, { command: { pattern: string } }>>,
  categoryOf: (operation: string) => RateLimitCategory,
  errorName: Throttle['errorName'],
): [string, Throttle][] {
  return Object.entries(operations).map(([operation, { command }]) => [
    command.pattern,
    { category: categoryOf(operation), errorName, message: RATE_EXCEEDED },
  ]);
}

/**
 * Command pattern -> its category and refusal, for every operation a client can call. Commands
 * services send each other (GetJwks, VerifyWebIdentityToken, ...) have none: a limit there would
 * count one client request twice.
 */
export const THROTTLES: ReadonlyMap<string, Throttle> = new Map([
  ...byPattern(
    COGNITO_USER_POOL_OPERATIONS,
    (op) => USER_POOL_CATEGORIES[op as keyof typeof USER_POOL_CATEGORIES],
    'TooManyRequestsException',
  ),
  ...byPattern(
    COGNITO_IDENTITY_OPERATIONS,
    (op) => IDENTITY_POOL_CATEGORIES[op as keyof typeof IDENTITY_POOL_CATEGORIES],
    'TooManyRequestsException',
  ),
  ...byPattern(STS_QUERY_OPERATIONS, () => 'StsAssumeRole', 'Throttling'),
  ...byPattern(IAM_QUERY_OPERATIONS, () => 'Iam', 'Throttling'),
]);
