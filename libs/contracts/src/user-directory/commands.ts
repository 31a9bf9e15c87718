import { internalOperation, jsonApi } from '../operations';
import * as T from '../resource-tags';
import * as O from './oauth';
import * as S from './saml';
import * as I from './user-import';
import * as W from './wire-types';

const svc = 'user-directory' as const;

/** A JSON Web Key Set as served at `<issuer>/.well-known/jwks.json`. */
export interface JwksResult {
  keys: Record<string, unknown>[];
}

const userPools = jsonApi(svc, 'cognito-idp', 'AWSCognitoIdentityProviderService');

/**
 * The user directory's operations: the Cognito user pool API (`AWSCognitoIdentityProviderService`)
 * with the AWS wire shapes unchanged (the gateway is a protocol adapter, the user directory owns the
 * semantics), and the bus-only operations the gateway needs.
 */
export const UserDirectoryOperations = {
  CreateUserPool: userPools.operation<W.CreateUserPoolRequest, W.CreateUserPoolResponse>()(
    'CreateUserPool',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DescribeUserPool: userPools.operation<W.UserPoolIdRequest, W.DescribeUserPoolResponse>()(
    'DescribeUserPool',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  ListUserPools: userPools.operation<W.ListUserPoolsRequest, W.ListUserPoolsResponse>()(
    'ListUserPools',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  UpdateUserPool: userPools.operation<W.UpdateUserPoolRequest, Record<string, never>>()(
    'UpdateUserPool',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DeleteUserPool: userPools.operation<W.UserPoolIdRequest, Record<string, never>>()(
    'DeleteUserPool',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  AddCustomAttributes: userPools.operation<W.AddCustomAttributesRequest, Record<string, never>>()(
    'AddCustomAttributes',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  CreateUserPoolClient: userPools.operation<W.CreateUserPoolClientRequest, W.CreateUserPoolClientResponse>()(
    'CreateUserPoolClient',
    'admin',
    { rateLimit: 'UserPoolClientUpdate' },
  ),
  DescribeUserPoolClient: userPools.operation<
    W.DescribeUserPoolClientRequest,
    W.DescribeUserPoolClientResponse
  >()('DescribeUserPoolClient', 'admin', { rateLimit: 'UserPoolClientRead' }),
  UpdateUserPoolClient: userPools.operation<W.UpdateUserPoolClientRequest, W.UpdateUserPoolClientResponse>()(
    'UpdateUserPoolClient',
    'admin',
    { rateLimit: 'UserPoolClientUpdate' },
  ),
  DeleteUserPoolClient: userPools.operation<W.DeleteUserPoolClientRequest, Record<string, never>>()(
    'DeleteUserPoolClient',
    'admin',
    { rateLimit: 'UserPoolClientUpdate' },
  ),
  AddUserPoolClientSecret: userPools.operation<
    W.AddUserPoolClientSecretRequest,
    W.AddUserPoolClientSecretResponse
  >()('AddUserPoolClientSecret', 'admin', { rateLimit: 'UserPoolClientUpdate' }),
  ListUserPoolClientSecrets: userPools.operation<
    W.ListUserPoolClientSecretsRequest,
    W.ListUserPoolClientSecretsResponse
  >()('ListUserPoolClientSecrets', 'admin', { rateLimit: 'UserPoolClientRead' }),
  DeleteUserPoolClientSecret: userPools.operation<
    W.DeleteUserPoolClientSecretRequest,
    Record<string, never>
  >()('DeleteUserPoolClientSecret', 'admin', { rateLimit: 'UserPoolClientUpdate' }),
  CreateUserPoolDomain: userPools.operation<W.CreateUserPoolDomainRequest, W.CreateUserPoolDomainResponse>()(
    'CreateUserPoolDomain',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DescribeUserPoolDomain: userPools.operation<
    W.DescribeUserPoolDomainRequest,
    W.DescribeUserPoolDomainResponse
  >()('DescribeUserPoolDomain', 'admin', { rateLimit: 'UserPoolRead' }),
  UpdateUserPoolDomain: userPools.operation<W.UpdateUserPoolDomainRequest, W.UpdateUserPoolDomainResponse>()(
    'UpdateUserPoolDomain',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DeleteUserPoolDomain: userPools.operation<W.DeleteUserPoolDomainRequest, Record<string, never>>()(
    'DeleteUserPoolDomain',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  ListUserPoolClients: userPools.operation<W.ListUserPoolClientsRequest, W.ListUserPoolClientsResponse>()(
    'ListUserPoolClients',
    'admin',
    { rateLimit: 'UserPoolClientRead' },
  ),
  SignUp: userPools.operation<W.SignUpRequest, W.SignUpResponse>()('SignUp', 'public', {
    rateLimit: 'UserCreation',
  }),
  ConfirmSignUp: userPools.operation<W.ConfirmSignUpRequest, W.ConfirmSignUpResponse>()(
    'ConfirmSignUp',
    'public',
    { rateLimit: 'UserCreation' },
  ),
  ResendConfirmationCode: userPools.operation<
    W.ResendConfirmationCodeRequest,
    W.ResendConfirmationCodeResponse
  >()('ResendConfirmationCode', 'public', { rateLimit: 'UserAccountRecovery' }),
  AdminConfirmSignUp: userPools.operation<W.AdminUserRequest, W.AdminConfirmSignUpResponse>()(
    'AdminConfirmSignUp',
    'admin',
    { rateLimit: 'UserCreation' },
  ),
  AdminGetUser: userPools.operation<W.AdminUserRequest, W.AdminGetUserResponse>()('AdminGetUser', 'admin', {
    rateLimit: 'UserRead',
  }),
  AdminDeleteUser: userPools.operation<W.AdminUserRequest, W.AdminDeleteUserResponse>()(
    'AdminDeleteUser',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  InitiateAuth: userPools.operation<W.InitiateAuthRequest, W.InitiateAuthResponse>()(
    'InitiateAuth',
    'public',
    {
      rateLimit: 'UserAuthentication',
      // An SMS_MFA / EMAIL_OTP code the SMS provider or SMTP would not take (ADR 0022); AWS's model
      // lists no delivery error for sign-in.
      extraErrors: ['CodeDeliveryFailureException'],
    },
  ),
  RespondToAuthChallenge: userPools.operation<
    W.RespondToAuthChallengeRequest,
    W.RespondToAuthChallengeResponse
  >()('RespondToAuthChallenge', 'public', {
    rateLimit: 'UserAuthenticationChallenge',
    // An SMS_MFA / EMAIL_OTP code the SMS provider or SMTP would not take (ADR 0022); AWS's model
    // lists no delivery error for sign-in.
    extraErrors: ['CodeDeliveryFailureException'],
  }),
  GetUser: userPools.operation<W.AccessTokenRequest, W.GetUserResponse>()('GetUser', 'public', {
    rateLimit: 'UserRead',
  }),
  GetUserAuthFactors: userPools.operation<W.AccessTokenRequest, W.UserAuthFactorsResponse>()(
    'GetUserAuthFactors',
    'public',
    { rateLimit: 'UserRead' },
  ),
  AdminGetUserAuthFactors: userPools.operation<W.AdminUserRequest, W.UserAuthFactorsResponse>()(
    'AdminGetUserAuthFactors',
    'admin',
    { rateLimit: 'UserRead' },
  ),
  GlobalSignOut: userPools.operation<W.AccessTokenRequest, W.GlobalSignOutResponse>()(
    'GlobalSignOut',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  AdminUserGlobalSignOut: userPools.operation<W.AdminUserRequest, W.AdminUserGlobalSignOutResponse>()(
    'AdminUserGlobalSignOut',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  GetTokensFromRefreshToken: userPools.operation<
    W.GetTokensFromRefreshTokenRequest,
    W.GetTokensFromRefreshTokenResponse
  >()('GetTokensFromRefreshToken', 'public', { rateLimit: 'UserAuthentication' }),
  GetClientToken: userPools.operation<W.GetClientTokenRequest, W.GetClientTokenResponse>()(
    'GetClientToken',
    'public',
    { rateLimit: 'UserAuthentication' },
  ),
  // RFC 8693 token exchange (ADR 0088): the client proves itself with ClientSecret when it has one.
  GetDerivedToken: userPools.operation<W.GetDerivedTokenRequest, W.GetDerivedTokenResponse>()(
    'GetDerivedToken',
    'public',
    { rateLimit: 'UserAuthentication' },
  ),
  RevokeToken: userPools.operation<W.RevokeTokenRequest, W.RevokeTokenResponse>()('RevokeToken', 'public', {
    rateLimit: 'UserUpdate',
  }),
  // Session tracking (issue 13, ADR 0080): token sessions (refresh tokens) and SSO sessions.
  ListUserSessions: userPools.operation<W.ListUserSessionsRequest, W.ListUserSessionsResponse>()(
    'ListUserSessions',
    'public',
    { rateLimit: 'UserRead' },
  ),
  AdminListUserSessions: userPools.operation<
    W.AdminListUserSessionsRequest,
    W.AdminListUserSessionsResponse
  >()('AdminListUserSessions', 'admin', { rateLimit: 'UserRead' }),
  RevokeUserSession: userPools.operation<W.RevokeUserSessionRequest, W.RevokeUserSessionResponse>()(
    'RevokeUserSession',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  AdminRevokeUserSession: userPools.operation<
    W.AdminRevokeUserSessionRequest,
    W.AdminRevokeUserSessionResponse
  >()('AdminRevokeUserSession', 'admin', { rateLimit: 'UserUpdate' }),
  GetUserPoolSessionConfiguration: userPools.operation<
    W.GetUserPoolSessionConfigurationRequest,
    W.UserPoolSessionConfigurationResponse
  >()('GetUserPoolSessionConfiguration', 'admin', { rateLimit: 'UserPoolRead' }),
  SetUserPoolSessionConfiguration: userPools.operation<
    W.SetUserPoolSessionConfigurationRequest,
    W.UserPoolSessionConfigurationResponse
  >()('SetUserPoolSessionConfiguration', 'admin', { rateLimit: 'UserPoolUpdate' }),
  GetUserPoolClientSessionConfiguration: userPools.operation<
    W.GetUserPoolClientSessionConfigurationRequest,
    W.UserPoolClientSessionConfigurationResponse
  >()('GetUserPoolClientSessionConfiguration', 'admin', { rateLimit: 'UserPoolClientRead' }),
  SetUserPoolClientSessionConfiguration: userPools.operation<
    W.SetUserPoolClientSessionConfigurationRequest,
    W.UserPoolClientSessionConfigurationResponse
  >()('SetUserPoolClientSessionConfiguration', 'admin', { rateLimit: 'UserPoolClientUpdate' }),
  AdminResetUserPassword: userPools.operation<W.AdminResetUserPasswordRequest, Record<string, never>>()(
    'AdminResetUserPassword',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  AdminDisableUser: userPools.operation<W.AdminUserRequest, W.AdminDisableUserResponse>()(
    'AdminDisableUser',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  AdminEnableUser: userPools.operation<W.AdminUserRequest, W.AdminEnableUserResponse>()(
    'AdminEnableUser',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  ForgotPassword: userPools.operation<W.ForgotPasswordRequest, W.ForgotPasswordResponse>()(
    'ForgotPassword',
    'public',
    { rateLimit: 'UserAccountRecovery' },
  ),
  ConfirmForgotPassword: userPools.operation<
    W.ConfirmForgotPasswordRequest,
    W.ConfirmForgotPasswordResponse
  >()('ConfirmForgotPassword', 'public', { rateLimit: 'UserAccountRecovery' }),
  ChangePassword: userPools.operation<W.ChangePasswordRequest, W.ChangePasswordResponse>()(
    'ChangePassword',
    'public',
    { rateLimit: 'UserAccountRecovery' },
  ),
  AdminSetUserPassword: userPools.operation<W.AdminSetUserPasswordRequest, W.AdminSetUserPasswordResponse>()(
    'AdminSetUserPassword',
    'admin',
    { rateLimit: 'UserAccountRecovery' },
  ),
  AdminCreateUser: userPools.operation<W.AdminCreateUserRequest, W.AdminCreateUserResponse>()(
    'AdminCreateUser',
    'admin',
    // AWS's API reference (ForceAliasCreation): "the API throws an AliasExistsException error if
    // the alias already exists", though botocore's model does not list it for this operation.
    { rateLimit: 'UserCreation', extraErrors: ['AliasExistsException'] },
  ),
  ListUsers: userPools.operation<W.ListUsersRequest, W.ListUsersResponse>()('ListUsers', 'admin', {
    rateLimit: 'UserList',
  }),
  AdminUpdateUserAttributes: userPools.operation<
    W.AdminUpdateUserAttributesRequest,
    W.AdminUpdateUserAttributesResponse
  >()('AdminUpdateUserAttributes', 'admin', { rateLimit: 'UserUpdate' }),
  UpdateUserAttributes: userPools.operation<W.UpdateUserAttributesRequest, W.UpdateUserAttributesResponse>()(
    'UpdateUserAttributes',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  AdminDeleteUserAttributes: userPools.operation<
    W.AdminDeleteUserAttributesRequest,
    W.AdminDeleteUserAttributesResponse
  >()('AdminDeleteUserAttributes', 'admin', { rateLimit: 'UserUpdate' }),
  DeleteUserAttributes: userPools.operation<W.DeleteUserAttributesRequest, W.DeleteUserAttributesResponse>()(
    'DeleteUserAttributes',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  VerifyUserAttribute: userPools.operation<W.VerifyUserAttributeRequest, W.VerifyUserAttributeResponse>()(
    'VerifyUserAttribute',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  GetUserAttributeVerificationCode: userPools.operation<
    W.GetUserAttributeVerificationCodeRequest,
    W.GetUserAttributeVerificationCodeResponse
  >()('GetUserAttributeVerificationCode', 'public', { rateLimit: 'UserUpdate' }),
  DeleteUser: userPools.operation<W.AccessTokenRequest, W.DeleteUserResponse>()('DeleteUser', 'public', {
    rateLimit: 'UserUpdate',
  }),
  AdminInitiateAuth: userPools.operation<W.AdminInitiateAuthRequest, W.AdminInitiateAuthResponse>()(
    'AdminInitiateAuth',
    'admin',
    {
      rateLimit: 'UserAuthentication',
      // An SMS_MFA / EMAIL_OTP code the SMS provider or SMTP would not take (ADR 0022); AWS's model
      // lists no delivery error for sign-in.
      extraErrors: ['CodeDeliveryFailureException'],
    },
  ),
  AdminRespondToAuthChallenge: userPools.operation<
    W.AdminRespondToAuthChallengeRequest,
    W.AdminRespondToAuthChallengeResponse
  >()('AdminRespondToAuthChallenge', 'admin', {
    rateLimit: 'UserAuthenticationChallenge',
    // An SMS_MFA / EMAIL_OTP code the SMS provider or SMTP would not take (ADR 0022); AWS's model
    // lists no delivery error for sign-in.
    extraErrors: ['CodeDeliveryFailureException'],
  }),
  CreateGroup: userPools.operation<W.CreateGroupRequest, W.CreateGroupResponse>()('CreateGroup', 'admin', {
    rateLimit: 'GroupWrite',
  }),
  GetGroup: userPools.operation<W.GroupRequest, W.GetGroupResponse>()('GetGroup', 'admin', {
    rateLimit: 'GroupRead',
  }),
  UpdateGroup: userPools.operation<W.UpdateGroupRequest, W.UpdateGroupResponse>()('UpdateGroup', 'admin', {
    rateLimit: 'GroupWrite',
  }),
  DeleteGroup: userPools.operation<W.GroupRequest, W.DeleteGroupResponse>()('DeleteGroup', 'admin', {
    rateLimit: 'GroupWrite',
  }),
  ListGroups: userPools.operation<W.ListGroupsRequest, W.ListGroupsResponse>()('ListGroups', 'admin', {
    rateLimit: 'GroupRead',
  }),
  AdminAddUserToGroup: userPools.operation<W.AdminGroupMembershipRequest, W.AdminAddUserToGroupResponse>()(
    'AdminAddUserToGroup',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  AdminRemoveUserFromGroup: userPools.operation<
    W.AdminGroupMembershipRequest,
    W.AdminRemoveUserFromGroupResponse
  >()('AdminRemoveUserFromGroup', 'admin', { rateLimit: 'UserUpdate' }),
  AdminListGroupsForUser: userPools.operation<
    W.AdminListGroupsForUserRequest,
    W.AdminListGroupsForUserResponse
  >()('AdminListGroupsForUser', 'admin', { rateLimit: 'UserRead' }),
  ListUsersInGroup: userPools.operation<W.ListUsersInGroupRequest, W.ListUsersInGroupResponse>()(
    'ListUsersInGroup',
    'admin',
    { rateLimit: 'UserList' },
  ),
  TagResource: userPools.operation<T.TagResourceRequest, Record<string, never>>()('TagResource', 'admin', {
    rateLimit: 'UserPoolUpdate',
  }),
  UntagResource: userPools.operation<T.UntagResourceRequest, Record<string, never>>()(
    'UntagResource',
    'admin',
    {
      rateLimit: 'UserPoolUpdate',
    },
  ),
  ListTagsForResource: userPools.operation<T.ListTagsForResourceRequest, T.ListTagsForResourceResponse>()(
    'ListTagsForResource',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  SetUserPoolMfaConfig: userPools.operation<W.SetUserPoolMfaConfigRequest, W.SetUserPoolMfaConfigResponse>()(
    'SetUserPoolMfaConfig',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  GetUserPoolMfaConfig: userPools.operation<W.UserPoolIdRequest, W.GetUserPoolMfaConfigResponse>()(
    'GetUserPoolMfaConfig',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  AssociateSoftwareToken: userPools.operation<
    W.AssociateSoftwareTokenRequest,
    W.AssociateSoftwareTokenResponse
  >()('AssociateSoftwareToken', 'public', {
    rateLimit: 'UserUpdate',
    // The access token of a user deleted since: answered as GetUser and the other token holders do.
    extraErrors: ['UserNotFoundException'],
  }),
  VerifySoftwareToken: userPools.operation<W.VerifySoftwareTokenRequest, W.VerifySoftwareTokenResponse>()(
    'VerifySoftwareToken',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  SetUserMFAPreference: userPools.operation<W.SetUserMFAPreferenceRequest, W.SetUserMFAPreferenceResponse>()(
    'SetUserMFAPreference',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  AdminSetUserMFAPreference: userPools.operation<
    W.AdminSetUserMFAPreferenceRequest,
    W.AdminSetUserMFAPreferenceResponse
  >()('AdminSetUserMFAPreference', 'admin', { rateLimit: 'UserUpdate' }),
  SetUserSettings: userPools.operation<W.SetUserSettingsRequest, Record<string, never>>()(
    'SetUserSettings',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  AdminSetUserSettings: userPools.operation<W.AdminSetUserSettingsRequest, Record<string, never>>()(
    'AdminSetUserSettings',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  AdminDeleteSoftwareToken: userPools.operation<W.AdminDeleteSoftwareTokenRequest, Record<string, never>>()(
    'AdminDeleteSoftwareToken',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  ConfirmDevice: userPools.operation<W.ConfirmDeviceRequest, W.ConfirmDeviceResponse>()(
    'ConfirmDevice',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  UpdateDeviceStatus: userPools.operation<W.UpdateDeviceStatusRequest, Record<string, never>>()(
    'UpdateDeviceStatus',
    'public',
    { rateLimit: 'UserUpdate' },
  ),
  AdminUpdateDeviceStatus: userPools.operation<W.AdminUpdateDeviceStatusRequest, Record<string, never>>()(
    'AdminUpdateDeviceStatus',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  ListDevices: userPools.operation<W.ListDevicesRequest, W.ListDevicesResponse>()('ListDevices', 'public', {
    rateLimit: 'UserRead',
  }),
  AdminListDevices: userPools.operation<W.AdminListDevicesRequest, W.ListDevicesResponse>()(
    'AdminListDevices',
    'admin',
    {
      rateLimit: 'UserRead',
      // AWS's model leaves it out, but an unknown user is answered as AdminForgetDevice and
      // AdminUpdateDeviceStatus declare it (and AdminGetUser does).
      extraErrors: ['UserNotFoundException'],
    },
  ),
  GetDevice: userPools.operation<W.GetDeviceRequest, W.GetDeviceResponse>()('GetDevice', 'public', {
    rateLimit: 'UserRead',
  }),
  AdminGetDevice: userPools.operation<W.AdminGetDeviceRequest, W.GetDeviceResponse>()(
    'AdminGetDevice',
    'admin',
    {
      rateLimit: 'UserRead',
      // AWS's model leaves it out, but an unknown user is answered as AdminForgetDevice and
      // AdminUpdateDeviceStatus declare it (and AdminGetUser does).
      extraErrors: ['UserNotFoundException'],
    },
  ),
  ForgetDevice: userPools.operation<W.ForgetDeviceRequest, Record<string, never>>()(
    'ForgetDevice',
    'public',
    {
      rateLimit: 'UserUpdate',
    },
  ),
  AdminForgetDevice: userPools.operation<W.AdminForgetDeviceRequest, Record<string, never>>()(
    'AdminForgetDevice',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  StartWebAuthnRegistration: userPools.operation<
    W.StartWebAuthnRegistrationRequest,
    W.StartWebAuthnRegistrationResponse
  >()('StartWebAuthnRegistration', 'public', { rateLimit: 'UserUpdate' }),
  CompleteWebAuthnRegistration: userPools.operation<
    W.CompleteWebAuthnRegistrationRequest,
    Record<string, never>
  >()('CompleteWebAuthnRegistration', 'public', { rateLimit: 'UserUpdate' }),
  ListWebAuthnCredentials: userPools.operation<
    W.ListWebAuthnCredentialsRequest,
    W.ListWebAuthnCredentialsResponse
  >()('ListWebAuthnCredentials', 'public', { rateLimit: 'UserRead' }),
  DeleteWebAuthnCredential: userPools.operation<W.DeleteWebAuthnCredentialRequest, Record<string, never>>()(
    'DeleteWebAuthnCredential',
    'public',
    {
      rateLimit: 'UserUpdate',
      // AWS's model leaves it out; a credential id that is not the caller's is answered as
      // ResourceNotFoundException, as the device operations answer an unknown key.
      extraErrors: ['ResourceNotFoundException'],
    },
  ),
  CreateIdentityProvider: userPools.operation<W.CreateIdentityProviderRequest, W.IdentityProviderResponse>()(
    'CreateIdentityProvider',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DescribeIdentityProvider: userPools.operation<W.IdentityProviderNameRequest, W.IdentityProviderResponse>()(
    'DescribeIdentityProvider',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  UpdateIdentityProvider: userPools.operation<W.UpdateIdentityProviderRequest, W.IdentityProviderResponse>()(
    'UpdateIdentityProvider',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DeleteIdentityProvider: userPools.operation<W.IdentityProviderNameRequest, Record<string, never>>()(
    'DeleteIdentityProvider',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  ListIdentityProviders: userPools.operation<
    W.ListIdentityProvidersRequest,
    W.ListIdentityProvidersResponse
  >()('ListIdentityProviders', 'admin', { rateLimit: 'UserPoolRead' }),
  GetIdentityProviderByIdentifier: userPools.operation<
    W.GetIdentityProviderByIdentifierRequest,
    W.IdentityProviderResponse
  >()('GetIdentityProviderByIdentifier', 'admin', { rateLimit: 'UserPoolRead' }),
  CreateResourceServer: userPools.operation<W.ResourceServerRequest, W.ResourceServerResponse>()(
    'CreateResourceServer',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DescribeResourceServer: userPools.operation<W.ResourceServerIdentifierRequest, W.ResourceServerResponse>()(
    'DescribeResourceServer',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  UpdateResourceServer: userPools.operation<W.ResourceServerRequest, W.ResourceServerResponse>()(
    'UpdateResourceServer',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DeleteResourceServer: userPools.operation<W.ResourceServerIdentifierRequest, Record<string, never>>()(
    'DeleteResourceServer',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  ListResourceServers: userPools.operation<W.ListResourceServersRequest, W.ListResourceServersResponse>()(
    'ListResourceServers',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  SetUICustomization: userPools.operation<W.SetUICustomizationRequest, W.UICustomizationResponse>()(
    'SetUICustomization',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  GetUICustomization: userPools.operation<W.GetUICustomizationRequest, W.UICustomizationResponse>()(
    'GetUICustomization',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  CreateManagedLoginBranding: userPools.operation<
    W.CreateManagedLoginBrandingRequest,
    W.ManagedLoginBrandingResponse
  >()('CreateManagedLoginBranding', 'admin', { rateLimit: 'UserPoolUpdate' }),
  DescribeManagedLoginBranding: userPools.operation<
    W.DescribeManagedLoginBrandingRequest,
    W.ManagedLoginBrandingResponse
  >()('DescribeManagedLoginBranding', 'admin', { rateLimit: 'UserPoolRead' }),
  DescribeManagedLoginBrandingByClient: userPools.operation<
    W.DescribeManagedLoginBrandingByClientRequest,
    W.ManagedLoginBrandingResponse
  >()('DescribeManagedLoginBrandingByClient', 'admin', { rateLimit: 'UserPoolRead' }),
  UpdateManagedLoginBranding: userPools.operation<
    W.UpdateManagedLoginBrandingRequest,
    W.ManagedLoginBrandingResponse
  >()('UpdateManagedLoginBranding', 'admin', { rateLimit: 'UserPoolUpdate' }),
  DeleteManagedLoginBranding: userPools.operation<
    W.DeleteManagedLoginBrandingRequest,
    Record<string, never>
  >()('DeleteManagedLoginBranding', 'admin', { rateLimit: 'UserPoolUpdate' }),
  CreateTerms: userPools.operation<W.CreateTermsRequest, W.TermsResponse>()('CreateTerms', 'admin', {
    rateLimit: 'UserPoolUpdate',
  }),
  DescribeTerms: userPools.operation<W.TermsIdRequest, W.TermsResponse>()('DescribeTerms', 'admin', {
    rateLimit: 'UserPoolRead',
  }),
  DescribeTermsByClient: userPools.operation<W.DescribeTermsByClientRequest, W.TermsResponse>()(
    'DescribeTermsByClient',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  ListTerms: userPools.operation<W.ListTermsRequest, W.ListTermsResponse>()('ListTerms', 'admin', {
    rateLimit: 'UserPoolRead',
  }),
  UpdateTerms: userPools.operation<W.UpdateTermsRequest, W.TermsResponse>()('UpdateTerms', 'admin', {
    rateLimit: 'UserPoolUpdate',
  }),
  DeleteTerms: userPools.operation<W.TermsIdRequest, Record<string, never>>()('DeleteTerms', 'admin', {
    rateLimit: 'UserPoolUpdate',
  }),
  SetRiskConfiguration: userPools.operation<W.SetRiskConfigurationRequest, W.RiskConfigurationResponse>()(
    'SetRiskConfiguration',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DescribeRiskConfiguration: userPools.operation<
    W.DescribeRiskConfigurationRequest,
    W.RiskConfigurationResponse
  >()('DescribeRiskConfiguration', 'admin', { rateLimit: 'UserPoolRead' }),
  SetLogDeliveryConfiguration: userPools.operation<
    W.SetLogDeliveryConfigurationRequest,
    W.LogDeliveryConfigurationResponse
  >()('SetLogDeliveryConfiguration', 'admin', { rateLimit: 'UserPoolUpdate' }),
  GetLogDeliveryConfiguration: userPools.operation<
    W.GetLogDeliveryConfigurationRequest,
    W.LogDeliveryConfigurationResponse
  >()('GetLogDeliveryConfiguration', 'admin', { rateLimit: 'UserPoolRead' }),
  AdminListUserAuthEvents: userPools.operation<
    W.AdminListUserAuthEventsRequest,
    W.AdminListUserAuthEventsResponse
  >()('AdminListUserAuthEvents', 'admin', { rateLimit: 'UserRead' }),
  AdminUpdateAuthEventFeedback: userPools.operation<
    W.AdminUpdateAuthEventFeedbackRequest,
    Record<string, never>
  >()('AdminUpdateAuthEventFeedback', 'admin', { rateLimit: 'UserUpdate' }),
  GetSigningCertificate: userPools.operation<
    W.GetSigningCertificateRequest,
    W.GetSigningCertificateResponse
  >()('GetSigningCertificate', 'admin', { rateLimit: 'UserPoolRead' }),
  AdminLinkProviderForUser: userPools.operation<W.AdminLinkProviderForUserRequest, Record<string, never>>()(
    'AdminLinkProviderForUser',
    'admin',
    { rateLimit: 'UserUpdate' },
  ),
  AdminDisableProviderForUser: userPools.operation<
    W.AdminDisableProviderForUserRequest,
    Record<string, never>
  >()('AdminDisableProviderForUser', 'admin', { rateLimit: 'UserUpdate' }),
  /** Not a Cognito operation: the OAuth server's sign-in through a provider becomes a pool user. */
  SignInFederatedUser: internalOperation<W.SignInFederatedUserRequest, W.SignInFederatedUserResponse>()(
    svc,
    'SignInFederatedUser',
    [
      'ResourceNotFoundException',
      'InvalidParameterException',
      'NotAuthorizedException',
      'AliasExistsException',
      'UserLambdaValidationException',
      'UnexpectedLambdaException',
      'InvalidLambdaResponseException',
    ],
  ),
  /** Not a Cognito operation: the gateway serves a pool's JWKS and discovery document from it. */
  GetJwks: internalOperation<W.UserPoolIdRequest, JwksResult>()(svc, 'GetJwks', [
    'ResourceNotFoundException',
  ]),
  /** The pool a domain names (host-name routing of the OAuth endpoints). */
  ResolveUserPoolDomain: internalOperation<O.ResolveUserPoolDomainRequest, O.ResolveUserPoolDomainResult>()(
    svc,
    'ResolveUserPoolDomain',
  ),
  /** The CSS and logo of a client's hosted pages (and the logo's bytes for its URL). */
  OAuthUICustomization: internalOperation<O.OAuthUICustomizationRequest, O.OAuthUICustomizationResult>()(
    svc,
    'OAuthUICustomization',
  ),
  /** An image of a client's managed login branding, for its URL on the hosted pages (ADR 0082). */
  OAuthManagedLoginAsset: internalOperation<
    O.OAuthManagedLoginAssetRequest,
    O.OAuthManagedLoginAssetResult
  >()(svc, 'OAuthManagedLoginAsset'),
  /** GET /oauth2/authorize and GET /login: check the request; with a live hosted session, answer it. */
  OAuthAuthorize: internalOperation<O.OAuthAuthorizeRequest, O.OAuthOutcome>()(
    svc,
    'OAuthAuthorize',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAuthentication' },
  ),
  /** POST /login: username and password on the hosted sign-in page. */
  OAuthSignIn: internalOperation<O.OAuthSignInRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthSignIn',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAuthentication' },
  ),
  /** The new password of a user who signed in on the hosted page with a temporary one. */
  OAuthNewPassword: internalOperation<O.OAuthNewPasswordRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthNewPassword',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAuthenticationChallenge' },
  ),
  /** GET or POST /oauth2/idpresponse: an identity provider's answer (ADR 0024). */
  OAuthIdpResponse: internalOperation<O.OAuthIdpResponseRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthIdpResponse',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAuthentication' },
  ),
  /** POST /oauth2/token. */
  OAuthToken: internalOperation<O.OAuthFormRequest, O.OAuthHttpAnswer>()(
    svc,
    'OAuthToken',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAuthentication' },
  ),
  /** GET or POST /oauth2/userInfo. */
  OAuthUserInfo: internalOperation<O.OAuthUserInfoRequest, O.OAuthHttpAnswer>()(
    svc,
    'OAuthUserInfo',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserRead' },
  ),
  /** POST /oauth2/revoke. */
  OAuthRevoke: internalOperation<O.OAuthFormRequest, O.OAuthHttpAnswer>()(
    svc,
    'OAuthRevoke',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserUpdate' },
  ),
  /** The hosted sign-up page (ADR 0026). */
  OAuthSignUp: internalOperation<O.OAuthSignUpRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthSignUp',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserCreation' },
  ),
  /** The hosted confirmation page: the code sent at sign-up. */
  OAuthConfirmSignUp: internalOperation<O.OAuthConfirmSignUpRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthConfirmSignUp',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserCreation' },
  ),
  /** GET /confirmUser with a confirmation link's parameters (ADR 0062). */
  OAuthConfirmLink: internalOperation<O.OAuthConfirmLinkRequest, O.OAuthConfirmLinkOutcome>()(
    svc,
    'OAuthConfirmLink',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserCreation' },
  ),
  /** The confirmation page's "send a new code". */
  OAuthResendCode: internalOperation<O.OAuthResendCodeRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthResendCode',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAccountRecovery' },
  ),
  /** The hosted forgotten-password page. */
  OAuthForgotPassword: internalOperation<O.OAuthForgotPasswordRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthForgotPassword',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAccountRecovery' },
  ),
  /** The hosted reset page: the code and a new password. */
  OAuthConfirmForgotPassword: internalOperation<O.OAuthConfirmForgotPasswordRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthConfirmForgotPassword',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAccountRecovery' },
  ),
  /** The hosted MFA pages' answers. */
  OAuthMfa: internalOperation<O.OAuthMfaRequest, O.OAuthSignInOutcome>()(
    svc,
    'OAuthMfa',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAuthenticationChallenge' },
  ),
  /** /oauth2/authorize naming a SAML provider: the AuthnRequest and its RelayState (ADR 0025). */
  SamlAuthorize: internalOperation<S.SamlAuthorizeRequest, S.SamlAuthorizeOutcome>()(
    svc,
    'SamlAuthorize',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAuthentication' },
  ),
  /** POST /saml2/idpresponse: a SAML response verified, the federated user signed in (ADR 0025). */
  SamlResponse: internalOperation<S.SamlResponseRequest, S.SamlResponseOutcome>()(
    svc,
    'SamlResponse',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserAuthentication' },
  ),
  /** POST /saml2/logout: the IdP's LogoutResponse to idfed's LogoutRequest (ADR 0069). */
  SamlLogout: internalOperation<S.SamlLogoutRequest, S.SamlLogoutOutcome>()(
    svc,
    'SamlLogout',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserUpdate' },
  ),
  /** GET /logout. */
  OAuthLogout: internalOperation<O.OAuthLogoutRequest, O.OAuthLogoutOutcome>()(
    svc,
    'OAuthLogout',
    ['ResourceNotFoundException'],
    { rateLimit: 'UserUpdate' },
  ),
  CreateUserImportJob: userPools.operation<I.CreateUserImportJobRequest, I.UserImportJobResponse>()(
    'CreateUserImportJob',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  StartUserImportJob: userPools.operation<I.UserImportJobRequest, I.UserImportJobResponse>()(
    'StartUserImportJob',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  StopUserImportJob: userPools.operation<I.UserImportJobRequest, I.UserImportJobResponse>()(
    'StopUserImportJob',
    'admin',
    { rateLimit: 'UserPoolUpdate' },
  ),
  DescribeUserImportJob: userPools.operation<I.UserImportJobRequest, I.UserImportJobResponse>()(
    'DescribeUserImportJob',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  ListUserImportJobs: userPools.operation<I.ListUserImportJobsRequest, I.ListUserImportJobsResponse>()(
    'ListUserImportJobs',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  GetCSVHeader: userPools.operation<I.GetCSVHeaderRequest, I.GetCSVHeaderResponse>()(
    'GetCSVHeader',
    'admin',
    { rateLimit: 'UserPoolRead' },
  ),
  /** PUT to a user import job's upload URL: one part of the CSV file (ADR 0045). */
  UploadUserImportCsv: internalOperation<I.UploadUserImportCsvRequest, I.UploadUserImportCsvResult>()(
    svc,
    'UploadUserImportCsv',
  ),
  /** An admin-signed GET of a user import job's log: the rows it did not import (ADR 0070). */
  GetUserImportJobLog: internalOperation<I.GetUserImportJobLogRequest, I.GetUserImportJobLogResult>()(
    svc,
    'GetUserImportJobLog',
    // The errors DescribeUserImportJob answers for the same job, and a bad page token or limit.
    ['ResourceNotFoundException', 'InvalidParameterException'],
    // Counted as DescribeUserImportJob is: a read of the pool.
    { rateLimit: 'UserPoolRead' },
  ),
} as const;
