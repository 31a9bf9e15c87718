import { defineCommand } from '../command';
import * as W from './wire-types';

const svc = 'user-directory' as const;

/** A JSON Web Key Set as served at `<issuer>/.well-known/jwks.json`. */
export interface JwksResult {
  keys: Record<string, unknown>[];
}

/**
 * The user directory's request/reply operations. The public Cognito operations carry the AWS wire
 * shapes unchanged: the gateway is a protocol adapter, the user directory owns the semantics.
 */
export const UserDirectoryCommands = {
  createUserPool: defineCommand<W.CreateUserPoolRequest, W.CreateUserPoolResponse>(svc, 'CreateUserPool'),
  describeUserPool: defineCommand<W.UserPoolIdRequest, W.DescribeUserPoolResponse>(svc, 'DescribeUserPool'),
  listUserPools: defineCommand<W.ListUserPoolsRequest, W.ListUserPoolsResponse>(svc, 'ListUserPools'),
  deleteUserPool: defineCommand<W.UserPoolIdRequest, Record<string, never>>(svc, 'DeleteUserPool'),
  createUserPoolClient: defineCommand<W.CreateUserPoolClientRequest, W.CreateUserPoolClientResponse>(
    svc,
    'CreateUserPoolClient',
  ),
  describeUserPoolClient: defineCommand<W.DescribeUserPoolClientRequest, W.DescribeUserPoolClientResponse>(
    svc,
    'DescribeUserPoolClient',
  ),
  listUserPoolClients: defineCommand<W.ListUserPoolClientsRequest, W.ListUserPoolClientsResponse>(
    svc,
    'ListUserPoolClients',
  ),
  signUp: defineCommand<W.SignUpRequest, W.SignUpResponse>(svc, 'SignUp'),
  confirmSignUp: defineCommand<W.ConfirmSignUpRequest, W.ConfirmSignUpResponse>(svc, 'ConfirmSignUp'),
  resendConfirmationCode: defineCommand<W.ResendConfirmationCodeRequest, W.ResendConfirmationCodeResponse>(
    svc,
    'ResendConfirmationCode',
  ),
  adminConfirmSignUp: defineCommand<W.AdminUserRequest, W.AdminConfirmSignUpResponse>(
    svc,
    'AdminConfirmSignUp',
  ),
  adminGetUser: defineCommand<W.AdminUserRequest, W.AdminGetUserResponse>(svc, 'AdminGetUser'),
  adminDeleteUser: defineCommand<W.AdminUserRequest, W.AdminDeleteUserResponse>(svc, 'AdminDeleteUser'),
  initiateAuth: defineCommand<W.InitiateAuthRequest, W.InitiateAuthResponse>(svc, 'InitiateAuth'),
  respondToAuthChallenge: defineCommand<W.RespondToAuthChallengeRequest, W.RespondToAuthChallengeResponse>(
    svc,
    'RespondToAuthChallenge',
  ),
  getUser: defineCommand<W.AccessTokenRequest, W.GetUserResponse>(svc, 'GetUser'),
  globalSignOut: defineCommand<W.AccessTokenRequest, W.GlobalSignOutResponse>(svc, 'GlobalSignOut'),
  adminUserGlobalSignOut: defineCommand<W.AdminUserRequest, W.AdminUserGlobalSignOutResponse>(
    svc,
    'AdminUserGlobalSignOut',
  ),
  revokeToken: defineCommand<W.RevokeTokenRequest, W.RevokeTokenResponse>(svc, 'RevokeToken'),
  adminDisableUser: defineCommand<W.AdminUserRequest, W.AdminDisableUserResponse>(svc, 'AdminDisableUser'),
  adminEnableUser: defineCommand<W.AdminUserRequest, W.AdminEnableUserResponse>(svc, 'AdminEnableUser'),
  forgotPassword: defineCommand<W.ForgotPasswordRequest, W.ForgotPasswordResponse>(svc, 'ForgotPassword'),
  confirmForgotPassword: defineCommand<W.ConfirmForgotPasswordRequest, W.ConfirmForgotPasswordResponse>(
    svc,
    'ConfirmForgotPassword',
  ),
  changePassword: defineCommand<W.ChangePasswordRequest, W.ChangePasswordResponse>(svc, 'ChangePassword'),
  adminSetUserPassword: defineCommand<W.AdminSetUserPasswordRequest, W.AdminSetUserPasswordResponse>(
    svc,
    'AdminSetUserPassword',
  ),
  adminCreateUser: defineCommand<W.AdminCreateUserRequest, W.AdminCreateUserResponse>(svc, 'AdminCreateUser'),
  listUsers: defineCommand<W.ListUsersRequest, W.ListUsersResponse>(svc, 'ListUsers'),
  adminUpdateUserAttributes: defineCommand<
    W.AdminUpdateUserAttributesRequest,
    W.AdminUpdateUserAttributesResponse
  >(svc, 'AdminUpdateUserAttributes'),
  updateUserAttributes: defineCommand<W.UpdateUserAttributesRequest, W.UpdateUserAttributesResponse>(
    svc,
    'UpdateUserAttributes',
  ),
  adminDeleteUserAttributes: defineCommand<
    W.AdminDeleteUserAttributesRequest,
    W.AdminDeleteUserAttributesResponse
  >(svc, 'AdminDeleteUserAttributes'),
  deleteUserAttributes: defineCommand<W.DeleteUserAttributesRequest, W.DeleteUserAttributesResponse>(
    svc,
    'DeleteUserAttributes',
  ),
  verifyUserAttribute: defineCommand<W.VerifyUserAttributeRequest, W.VerifyUserAttributeResponse>(
    svc,
    'VerifyUserAttribute',
  ),
  getUserAttributeVerificationCode: defineCommand<
    W.GetUserAttributeVerificationCodeRequest,
    W.GetUserAttributeVerificationCodeResponse
  >(svc, 'GetUserAttributeVerificationCode'),
  deleteUser: defineCommand<W.AccessTokenRequest, W.DeleteUserResponse>(svc, 'DeleteUser'),
  adminInitiateAuth: defineCommand<W.AdminInitiateAuthRequest, W.AdminInitiateAuthResponse>(
    svc,
    'AdminInitiateAuth',
  ),
  adminRespondToAuthChallenge: defineCommand<
    W.AdminRespondToAuthChallengeRequest,
    W.AdminRespondToAuthChallengeResponse
  >(svc, 'AdminRespondToAuthChallenge'),
  createGroup: defineCommand<W.CreateGroupRequest, W.CreateGroupResponse>(svc, 'CreateGroup'),
  getGroup: defineCommand<W.GroupRequest, W.GetGroupResponse>(svc, 'GetGroup'),
  updateGroup: defineCommand<W.UpdateGroupRequest, W.UpdateGroupResponse>(svc, 'UpdateGroup'),
  deleteGroup: defineCommand<W.GroupRequest, W.DeleteGroupResponse>(svc, 'DeleteGroup'),
  listGroups: defineCommand<W.ListGroupsRequest, W.ListGroupsResponse>(svc, 'ListGroups'),
  adminAddUserToGroup: defineCommand<W.AdminGroupMembershipRequest, W.AdminAddUserToGroupResponse>(
    svc,
    'AdminAddUserToGroup',
  ),
  adminRemoveUserFromGroup: defineCommand<W.AdminGroupMembershipRequest, W.AdminRemoveUserFromGroupResponse>(
    svc,
    'AdminRemoveUserFromGroup',
  ),
  adminListGroupsForUser: defineCommand<W.AdminListGroupsForUserRequest, W.AdminListGroupsForUserResponse>(
    svc,
    'AdminListGroupsForUser',
  ),
  listUsersInGroup: defineCommand<W.ListUsersInGroupRequest, W.ListUsersInGroupResponse>(
    svc,
    'ListUsersInGroup',
  ),
  /** Not a Cognito operation: the gateway serves a pool's JWKS and discovery document from it. */
  getJwks: defineCommand<W.UserPoolIdRequest, JwksResult>(svc, 'GetJwks'),
} as const;

/**
 * Which Cognito operations the gateway forwards to the user directory, and whether the caller must
 * sign with the admin key (the Admin* and pool-management operations) or may be anonymous.
 */
export const COGNITO_USER_POOL_OPERATIONS = {
  CreateUserPool: { command: UserDirectoryCommands.createUserPool, signed: true },
  DescribeUserPool: { command: UserDirectoryCommands.describeUserPool, signed: true },
  ListUserPools: { command: UserDirectoryCommands.listUserPools, signed: true },
  DeleteUserPool: { command: UserDirectoryCommands.deleteUserPool, signed: true },
  CreateUserPoolClient: { command: UserDirectoryCommands.createUserPoolClient, signed: true },
  DescribeUserPoolClient: { command: UserDirectoryCommands.describeUserPoolClient, signed: true },
  ListUserPoolClients: { command: UserDirectoryCommands.listUserPoolClients, signed: true },
  SignUp: { command: UserDirectoryCommands.signUp, signed: false },
  ConfirmSignUp: { command: UserDirectoryCommands.confirmSignUp, signed: false },
  ResendConfirmationCode: { command: UserDirectoryCommands.resendConfirmationCode, signed: false },
  AdminConfirmSignUp: { command: UserDirectoryCommands.adminConfirmSignUp, signed: true },
  AdminGetUser: { command: UserDirectoryCommands.adminGetUser, signed: true },
  AdminDeleteUser: { command: UserDirectoryCommands.adminDeleteUser, signed: true },
  InitiateAuth: { command: UserDirectoryCommands.initiateAuth, signed: false },
  RespondToAuthChallenge: { command: UserDirectoryCommands.respondToAuthChallenge, signed: false },
  GetUser: { command: UserDirectoryCommands.getUser, signed: false },
  GlobalSignOut: { command: UserDirectoryCommands.globalSignOut, signed: false },
  AdminUserGlobalSignOut: { command: UserDirectoryCommands.adminUserGlobalSignOut, signed: true },
  RevokeToken: { command: UserDirectoryCommands.revokeToken, signed: false },
  AdminDisableUser: { command: UserDirectoryCommands.adminDisableUser, signed: true },
  AdminEnableUser: { command: UserDirectoryCommands.adminEnableUser, signed: true },
  ForgotPassword: { command: UserDirectoryCommands.forgotPassword, signed: false },
  ConfirmForgotPassword: { command: UserDirectoryCommands.confirmForgotPassword, signed: false },
  ChangePassword: { command: UserDirectoryCommands.changePassword, signed: false },
  AdminSetUserPassword: { command: UserDirectoryCommands.adminSetUserPassword, signed: true },
  AdminCreateUser: { command: UserDirectoryCommands.adminCreateUser, signed: true },
  ListUsers: { command: UserDirectoryCommands.listUsers, signed: true },
  AdminUpdateUserAttributes: { command: UserDirectoryCommands.adminUpdateUserAttributes, signed: true },
  UpdateUserAttributes: { command: UserDirectoryCommands.updateUserAttributes, signed: false },
  AdminDeleteUserAttributes: { command: UserDirectoryCommands.adminDeleteUserAttributes, signed: true },
  DeleteUserAttributes: { command: UserDirectoryCommands.deleteUserAttributes, signed: false },
  VerifyUserAttribute: { command: UserDirectoryCommands.verifyUserAttribute, signed: false },
  GetUserAttributeVerificationCode: {
    command: UserDirectoryCommands.getUserAttributeVerificationCode,
    signed: false,
  },
  DeleteUser: { command: UserDirectoryCommands.deleteUser, signed: false },
  AdminInitiateAuth: { command: UserDirectoryCommands.adminInitiateAuth, signed: true },
  AdminRespondToAuthChallenge: { command: UserDirectoryCommands.adminRespondToAuthChallenge, signed: true },
  CreateGroup: { command: UserDirectoryCommands.createGroup, signed: true },
  GetGroup: { command: UserDirectoryCommands.getGroup, signed: true },
  UpdateGroup: { command: UserDirectoryCommands.updateGroup, signed: true },
  DeleteGroup: { command: UserDirectoryCommands.deleteGroup, signed: true },
  ListGroups: { command: UserDirectoryCommands.listGroups, signed: true },
  AdminAddUserToGroup: { command: UserDirectoryCommands.adminAddUserToGroup, signed: true },
  AdminRemoveUserFromGroup: { command: UserDirectoryCommands.adminRemoveUserFromGroup, signed: true },
  AdminListGroupsForUser: { command: UserDirectoryCommands.adminListGroupsForUser, signed: true },
  ListUsersInGroup: { command: UserDirectoryCommands.listUsersInGroup, signed: true },
} as const;
export type CognitoUserPoolOperation = keyof typeof COGNITO_USER_POOL_OPERATIONS;
