/**
 * Cognito user pool shapes exactly as they travel on the AWS JSON 1.1 wire (timestamps are epoch
 * seconds, not Date). Only the members idfed implements are listed; unknown members in a request
 * are ignored, as AWS does.
 */

export interface AttributeType {
  Name: string;
  Value?: string;
}

export interface PasswordPolicyType {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
  PasswordHistorySize?: number;
  TemporaryPasswordValidityDays?: number;
}

export interface UserPoolPolicyType {
  PasswordPolicy?: PasswordPolicyType;
  SignInPolicy?: SignInPolicyType;
}

/** A first sign-in factor of choice-based sign-in (USER_AUTH). */
export type AuthFactorType = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN' | 'SOFTWARE_TOKEN';

export interface SignInPolicyType {
  AllowedFirstAuthFactors?: AuthFactorType[];
}

/**
 * A pool's Lambda triggers, as AWS takes and answers them: each a Lambda function ARN, called as
 * the HTTP endpoint the operator maps it to (ADR 0030); stored and echoed as given (ADR 0031).
 */
export interface LambdaConfigType {
  PreSignUp?: string;
  CustomMessage?: string;
  PostConfirmation?: string;
  PreAuthentication?: string;
  PostAuthentication?: string;
  DefineAuthChallenge?: string;
  CreateAuthChallenge?: string;
  VerifyAuthChallengeResponse?: string;
  PreTokenGeneration?: string;
  UserMigration?: string;
  PreTokenGenerationConfig?: { LambdaVersion: 'V1_0' | 'V2_0' | 'V3_0'; LambdaArn: string };
  CustomSMSSender?: { LambdaVersion: 'V1_0'; LambdaArn: string };
  CustomEmailSender?: { LambdaVersion: 'V1_0'; LambdaArn: string };
  KMSKeyID?: string;
  InboundFederation?: { LambdaVersion: 'V1_0'; LambdaArn: string };
}

export interface EmailConfigurationType {
  SourceArn?: string;
  ReplyToEmailAddress?: string;
  EmailSendingAccount?: 'COGNITO_DEFAULT' | 'DEVELOPER';
  From?: string;
  ConfigurationSet?: string;
}

export interface VerificationMessageTemplateType {
  SmsMessage?: string;
  EmailMessage?: string;
  EmailSubject?: string;
  EmailMessageByLink?: string;
  EmailSubjectByLink?: string;
  DefaultEmailOption?: 'CONFIRM_WITH_LINK' | 'CONFIRM_WITH_CODE';
}

export type RecoveryOptionNameType = 'verified_email' | 'verified_phone_number' | 'admin_only';
export interface RecoveryOptionType {
  Priority: number;
  Name: RecoveryOptionNameType;
}
export interface AccountRecoverySettingType {
  RecoveryMechanisms?: RecoveryOptionType[];
}

export interface UserAttributeUpdateSettingsType {
  AttributesRequireVerificationBeforeUpdate?: VerifiedAttributeType[];
}

export interface UserPoolAddOnsType {
  AdvancedSecurityMode: 'OFF' | 'AUDIT' | 'ENFORCED';
  AdvancedSecurityAdditionalFlows?: { CustomAuthMode?: 'AUDIT' | 'ENFORCED' };
}

export interface MessageTemplateType {
  SMSMessage?: string;
  EmailMessage?: string;
  EmailSubject?: string;
}

export interface AdminCreateUserConfigType {
  AllowAdminCreateUserOnly?: boolean;
  UnusedAccountValidityDays?: number;
  InviteMessageTemplate?: MessageTemplateType;
}

export type UserPoolTierType = 'LITE' | 'ESSENTIALS' | 'PLUS';

export interface SchemaAttributeType {
  Name?: string;
  AttributeDataType?: 'String' | 'Number' | 'DateTime' | 'Boolean';
  DeveloperOnlyAttribute?: boolean;
  Mutable?: boolean;
  Required?: boolean;
  NumberAttributeConstraints?: NumberAttributeConstraintsType;
  StringAttributeConstraints?: StringAttributeConstraintsType;
}

export interface NumberAttributeConstraintsType {
  MinValue?: string;
  MaxValue?: string;
}

export interface StringAttributeConstraintsType {
  MinLength?: string;
  MaxLength?: string;
}

/** AddCustomAttributes: custom attributes added to a pool's schema (the answer is empty). */
export interface AddCustomAttributesRequest {
  UserPoolId: string;
  CustomAttributes: SchemaAttributeType[];
}

export type VerifiedAttributeType = 'email' | 'phone_number';
export type UsernameAttributeType = 'email' | 'phone_number';

export interface UserPoolType {
  DeviceConfiguration?: DeviceConfigurationType;
  LambdaConfig?: LambdaConfigType;
  Id: string;
  Name: string;
  Arn: string;
  Policies: UserPoolPolicyType;
  DeletionProtection: 'ACTIVE' | 'INACTIVE';
  SchemaAttributes: SchemaAttributeType[];
  AutoVerifiedAttributes: VerifiedAttributeType[];
  UsernameAttributes?: UsernameAttributeType[];
  AliasAttributes?: string[];
  UsernameConfiguration?: { CaseSensitive: boolean };
  MfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  SmsConfiguration?: SmsConfigurationType;
  SmsAuthenticationMessage?: string;
  EstimatedNumberOfUsers: number;
  LastModifiedDate: number;
  CreationDate: number;
  AdminCreateUserConfig: AdminCreateUserConfigType;
  UserPoolTags?: Record<string, string>;
  UserPoolTier?: UserPoolTierType;
  SmsVerificationMessage?: string;
  EmailVerificationMessage?: string;
  EmailVerificationSubject?: string;
  VerificationMessageTemplate?: VerificationMessageTemplateType;
  UserAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  EmailConfiguration?: EmailConfigurationType;
  UserPoolAddOns?: UserPoolAddOnsType;
  AccountRecoverySetting?: AccountRecoverySettingType;
  /** The pool's prefix domain (CreateUserPoolDomain), when it has one. */
  Domain?: string;
  CustomDomain?: string;
}

export interface CreateUserPoolRequest {
  PoolName: string;
  Policies?: UserPoolPolicyType;
  DeletionProtection?: 'ACTIVE' | 'INACTIVE';
  AutoVerifiedAttributes?: VerifiedAttributeType[];
  UsernameAttributes?: UsernameAttributeType[];
  AliasAttributes?: string[];
  UsernameConfiguration?: { CaseSensitive?: boolean };
  Schema?: SchemaAttributeType[];
  MfaConfiguration?: 'OFF' | 'ON' | 'OPTIONAL';
  SmsConfiguration?: SmsConfigurationType;
  SmsAuthenticationMessage?: string;
  AdminCreateUserConfig?: AdminCreateUserConfigType;
  UserPoolTags?: Record<string, string>;
  DeviceConfiguration?: DeviceConfigurationType;
  LambdaConfig?: LambdaConfigType;
  SmsVerificationMessage?: string;
  EmailVerificationMessage?: string;
  EmailVerificationSubject?: string;
  VerificationMessageTemplate?: VerificationMessageTemplateType;
  UserAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  EmailConfiguration?: EmailConfigurationType;
  UserPoolAddOns?: UserPoolAddOnsType;
  AccountRecoverySetting?: AccountRecoverySettingType;
  UserPoolTier?: UserPoolTierType;
}
export interface CreateUserPoolResponse {
  UserPool: UserPoolType;
}

/**
 * UpdateUserPool: every member left out is reset to Cognito's default, except `UserPoolTier`
 * (and `PoolName`, which has none); `Schema`, `UsernameAttributes`, `AliasAttributes` and
 * `UsernameConfiguration` cannot change (ADR 0031).
 */
export type UpdateUserPoolRequest = Omit<
  CreateUserPoolRequest,
  'PoolName' | 'Schema' | 'UsernameAttributes' | 'AliasAttributes' | 'UsernameConfiguration'
> & { UserPoolId: string; PoolName?: string };

export interface UserPoolIdRequest {
  UserPoolId: string;
}
export interface DescribeUserPoolResponse {
  UserPool: UserPoolType;
}

export interface ListUserPoolsRequest {
  MaxResults: number;
  NextToken?: string;
}
export interface UserPoolDescriptionType {
  Id: string;
  Name: string;
  LastModifiedDate: number;
  CreationDate: number;
}
export interface ListUserPoolsResponse {
  UserPools: UserPoolDescriptionType[];
  NextToken?: string;
}

export type ExplicitAuthFlowsType =
  | 'ADMIN_NO_SRP_AUTH'
  | 'CUSTOM_AUTH_FLOW_ONLY'
  | 'USER_PASSWORD_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_USER_AUTH'
  | 'ALLOW_TOKEN_EXCHANGE_DELEGATION'
  | 'ALLOW_TOKEN_EXCHANGE_IMPERSONATION';

export interface TokenValidityUnitsType {
  AccessToken?: 'seconds' | 'minutes' | 'hours' | 'days';
  IdToken?: 'seconds' | 'minutes' | 'hours' | 'days';
  RefreshToken?: 'seconds' | 'minutes' | 'hours' | 'days';
}

export interface CreateUserPoolClientRequest {
  UserPoolId: string;
  ClientName: string;
  GenerateSecret?: boolean;
  RefreshTokenValidity?: number;
  AccessTokenValidity?: number;
  IdTokenValidity?: number;
  TokenValidityUnits?: TokenValidityUnitsType;
  ReadAttributes?: string[];
  WriteAttributes?: string[];
  ExplicitAuthFlows?: ExplicitAuthFlowsType[];
  SupportedIdentityProviders?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
  AllowedOAuthFlows?: ('code' | 'implicit' | 'client_credentials')[];
  AllowedOAuthScopes?: string[];
  AllowedOAuthFlowsUserPoolClient?: boolean;
  DefaultRedirectURI?: string;
  PreventUserExistenceErrors?: 'LEGACY' | 'ENABLED';
  EnableTokenRevocation?: boolean;
  EnablePropagateAdditionalUserContextData?: boolean;
  AuthSessionValidity?: number;
  RefreshTokenRotation?: RefreshTokenRotationType;
}

/** UserContextDataType: the user's device as the app reports it (read when its client propagates it). */
export interface UserContextDataType {
  IpAddress?: string;
  EncodedData?: string;
}

/** A client's refresh token rotation: GetTokensFromRefreshToken answers a new refresh token each use. */
export interface RefreshTokenRotationType {
  Feature: 'ENABLED' | 'DISABLED';
  RetryGracePeriodSeconds?: number;
}

/** UpdateUserPoolClient: every setting of CreateUserPoolClient; one left out returns to its default. */
export type UpdateUserPoolClientRequest = Omit<
  CreateUserPoolClientRequest,
  'GenerateSecret' | 'ClientName'
> & {
  ClientId: string;
  ClientName?: string;
};
export interface UpdateUserPoolClientResponse {
  UserPoolClient: UserPoolClientType;
}

export interface UserPoolClientType {
  UserPoolId: string;
  ClientName: string;
  ClientId: string;
  ClientSecret?: string;
  LastModifiedDate: number;
  CreationDate: number;
  RefreshTokenValidity: number;
  AccessTokenValidity: number;
  IdTokenValidity: number;
  /** Absent when the client was made or updated without units, as Cognito answers. */
  TokenValidityUnits?: Required<TokenValidityUnitsType>;
  ReadAttributes?: string[];
  WriteAttributes?: string[];
  ExplicitAuthFlows: ExplicitAuthFlowsType[];
  SupportedIdentityProviders?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
  AllowedOAuthFlows?: string[];
  AllowedOAuthScopes?: string[];
  AllowedOAuthFlowsUserPoolClient: boolean;
  DefaultRedirectURI?: string;
  PreventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  EnableTokenRevocation: boolean;
  EnablePropagateAdditionalUserContextData: boolean;
  AuthSessionValidity: number;
  /** Only when the client was made or updated with it. */
  RefreshTokenRotation?: RefreshTokenRotationType;
}

export interface CreateUserPoolClientResponse {
  UserPoolClient: UserPoolClientType;
}
/** DeleteUserPoolClient: the client goes; its refresh tokens stop working with it. */
export interface DeleteUserPoolClientRequest {
  UserPoolId: string;
  ClientId: string;
}

/** AdminResetUserPassword: the user's password deactivated, a reset code sent where one can go. */
export interface AdminResetUserPasswordRequest {
  UserPoolId: string;
  Username: string;
  ClientMetadata?: Record<string, string>;
}

/** A secret of an app client as the rotation operations show it; the value only when generated. */
export interface ClientSecretDescriptorType {
  ClientSecretId?: string;
  ClientSecretValue?: string;
  ClientSecretCreateDate?: number;
}
export interface AddUserPoolClientSecretRequest {
  UserPoolId: string;
  ClientId: string;
  ClientSecret?: string;
}
export interface AddUserPoolClientSecretResponse {
  ClientSecretDescriptor?: ClientSecretDescriptorType;
}
export interface ListUserPoolClientSecretsRequest {
  UserPoolId: string;
  ClientId: string;
  NextToken?: string;
}
export interface ListUserPoolClientSecretsResponse {
  ClientSecrets?: ClientSecretDescriptorType[];
  NextToken?: string;
}
export interface DeleteUserPoolClientSecretRequest {
  UserPoolId: string;
  ClientId: string;
  ClientSecretId: string;
}
export interface DescribeUserPoolClientRequest {
  UserPoolId: string;
  ClientId: string;
}
export interface DescribeUserPoolClientResponse {
  UserPoolClient: UserPoolClientType;
}
export interface ListUserPoolClientsRequest {
  UserPoolId: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface ListUserPoolClientsResponse {
  UserPoolClients: { ClientId: string; UserPoolId: string; ClientName: string }[];
  NextToken?: string;
}

export interface CodeDeliveryDetailsType {
  Destination: string;
  DeliveryMedium: 'SMS' | 'EMAIL';
  AttributeName: string;
}

export interface SignUpRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  Password: string;
  UserAttributes?: AttributeType[];
  ValidationData?: AttributeType[];
  ClientMetadata?: Record<string, string>;
  UserContextData?: UserContextDataType;
}
export interface SignUpResponse {
  UserConfirmed: boolean;
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  UserSub: string;
}

export interface ConfirmSignUpRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ConfirmationCode: string;
  ForceAliasCreation?: boolean;
  ClientMetadata?: Record<string, string>;
  UserContextData?: UserContextDataType;
}
export type ConfirmSignUpResponse = Record<string, never>;

export interface ResendConfirmationCodeRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ClientMetadata?: Record<string, string>;
  UserContextData?: UserContextDataType;
}
export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails: CodeDeliveryDetailsType;
}

/**
 * GetUserAuthFactors / AdminGetUserAuthFactors: the user's MFA settings, as GetUser answers them,
 * and the first factors a USER_AUTH sign-in would offer the user now.
 */
export interface UserAuthFactorsResponse {
  Username: string;
  PreferredMfaSetting?: string;
  UserMFASettingList?: string[];
  ConfiguredUserAuthFactors: ('PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN')[];
}

export interface AdminUserRequest {
  UserPoolId: string;
  Username: string;
}
export type AdminConfirmSignUpResponse = Record<string, never>;
export type AdminDeleteUserResponse = Record<string, never>;

export type UserStatusType =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'UNKNOWN'
  | 'RESET_REQUIRED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'EXTERNAL_PROVIDER';

export interface AdminGetUserResponse {
  Username: string;
  UserAttributes: AttributeType[];
  UserCreateDate: number;
  UserLastModifiedDate: number;
  Enabled: boolean;
  UserStatus: UserStatusType;
  MFAOptions?: { DeliveryMedium?: string; AttributeName?: string }[];
  PreferredMfaSetting?: string;
  UserMFASettingList?: string[];
}

export type AuthFlowType =
  | 'USER_SRP_AUTH'
  | 'REFRESH_TOKEN_AUTH'
  | 'REFRESH_TOKEN'
  | 'CUSTOM_AUTH'
  | 'ADMIN_NO_SRP_AUTH'
  | 'USER_PASSWORD_AUTH'
  | 'ADMIN_USER_PASSWORD_AUTH'
  | 'USER_AUTH';

export interface InitiateAuthRequest {
  AuthFlow: AuthFlowType;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  ClientId: string;
  UserContextData?: UserContextDataType;
}
export interface AuthenticationResultType {
  AccessToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
  RefreshToken?: string;
  IdToken: string;
  NewDeviceMetadata?: NewDeviceMetadataType;
}
export interface InitiateAuthResponse {
  ChallengeName?: ChallengeNameType;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
  /** USER_AUTH's SELECT_CHALLENGE: the first factors the user may choose from. */
  AvailableChallenges?: ChallengeNameType[];
}

export type ChallengeNameType =
  | 'SMS_MFA'
  | 'EMAIL_OTP'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'PASSWORD_VERIFIER'
  | 'CUSTOM_CHALLENGE'
  | 'SELECT_CHALLENGE'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'ADMIN_NO_SRP_AUTH'
  | 'NEW_PASSWORD_REQUIRED'
  | 'SMS_OTP'
  | 'PASSWORD'
  | 'WEB_AUTHN'
  | 'PASSWORD_SRP';

export interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: ChallengeNameType;
  Session?: string;
  ChallengeResponses?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  UserContextData?: UserContextDataType;
}
export interface RespondToAuthChallengeResponse {
  ChallengeName?: ChallengeNameType;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
}

export interface AccessTokenRequest {
  AccessToken: string;
}
export interface GetUserResponse {
  Username: string;
  UserAttributes: AttributeType[];
  MFAOptions?: { DeliveryMedium?: string; AttributeName?: string }[];
  PreferredMfaSetting?: string;
  UserMFASettingList?: string[];
}

export type GlobalSignOutResponse = Record<string, never>;
export type AdminUserGlobalSignOutResponse = Record<string, never>;
export type AdminDisableUserResponse = Record<string, never>;
export type AdminEnableUserResponse = Record<string, never>;

export interface RevokeTokenRequest {
  Token: string;
  ClientId: string;
  ClientSecret?: string;
  RevokeAssociatedSessions?: 'NONE' | 'LINKED';
}
export type RevokeTokenResponse = Record<string, never>;

export interface ForgotPasswordRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ClientMetadata?: Record<string, string>;
  UserContextData?: UserContextDataType;
}
export interface ForgotPasswordResponse {
  CodeDeliveryDetails: CodeDeliveryDetailsType;
}

export interface ConfirmForgotPasswordRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ConfirmationCode: string;
  Password: string;
  ClientMetadata?: Record<string, string>;
  UserContextData?: UserContextDataType;
}
export type ConfirmForgotPasswordResponse = Record<string, never>;

export interface ChangePasswordRequest {
  PreviousPassword?: string;
  ProposedPassword: string;
  AccessToken: string;
}
export type ChangePasswordResponse = Record<string, never>;

export interface AdminSetUserPasswordRequest {
  UserPoolId: string;
  Username: string;
  Password: string;
  Permanent?: boolean;
}
export type AdminSetUserPasswordResponse = Record<string, never>;

export type DeliveryMediumType = 'SMS' | 'EMAIL';

export interface AdminCreateUserRequest {
  UserPoolId: string;
  Username: string;
  UserAttributes?: AttributeType[];
  ValidationData?: AttributeType[];
  TemporaryPassword?: string;
  ForceAliasCreation?: boolean;
  MessageAction?: 'RESEND' | 'SUPPRESS';
  DesiredDeliveryMediums?: DeliveryMediumType[];
  ClientMetadata?: Record<string, string>;
}

/** A user as ListUsers and AdminCreateUser return it. */
export interface UserType {
  Username: string;
  Attributes: AttributeType[];
  UserCreateDate: number;
  UserLastModifiedDate: number;
  Enabled: boolean;
  UserStatus: UserStatusType;
  MFAOptions?: { DeliveryMedium?: string; AttributeName?: string }[];
}
export interface AdminCreateUserResponse {
  User: UserType;
}

export interface ListUsersRequest {
  UserPoolId: string;
  AttributesToGet?: string[];
  Limit?: number;
  PaginationToken?: string;
  Filter?: string;
}
export interface ListUsersResponse {
  Users: UserType[];
  PaginationToken?: string;
}

export interface AdminUpdateUserAttributesRequest {
  UserPoolId: string;
  Username: string;
  UserAttributes: AttributeType[];
  ClientMetadata?: Record<string, string>;
}
export type AdminUpdateUserAttributesResponse = Record<string, never>;

export interface UpdateUserAttributesRequest {
  AccessToken: string;
  UserAttributes: AttributeType[];
  ClientMetadata?: Record<string, string>;
}
export interface UpdateUserAttributesResponse {
  CodeDeliveryDetailsList?: CodeDeliveryDetailsType[];
}

export interface AdminDeleteUserAttributesRequest {
  UserPoolId: string;
  Username: string;
  UserAttributeNames: string[];
}
export type AdminDeleteUserAttributesResponse = Record<string, never>;

export interface DeleteUserAttributesRequest {
  AccessToken: string;
  UserAttributeNames: string[];
}
export type DeleteUserAttributesResponse = Record<string, never>;
export type DeleteUserResponse = Record<string, never>;

export interface VerifyUserAttributeRequest {
  AccessToken: string;
  AttributeName: string;
  Code: string;
}
export type VerifyUserAttributeResponse = Record<string, never>;

export interface GetUserAttributeVerificationCodeRequest {
  AccessToken: string;
  AttributeName: string;
  ClientMetadata?: Record<string, string>;
}
export interface GetUserAttributeVerificationCodeResponse {
  CodeDeliveryDetails: CodeDeliveryDetailsType;
}

export interface AdminInitiateAuthRequest {
  UserPoolId: string;
  ClientId: string;
  AuthFlow: AuthFlowType;
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  /** The user's request as the back end saw it; threat protection reads its IpAddress. */
  ContextData?: ContextDataType;
}
/** ContextDataType: the user's device as the back end calling an admin operation saw it. */
export interface ContextDataType {
  IpAddress: string;
  ServerName: string;
  ServerPath: string;
  HttpHeaders: { headerName?: string; headerValue?: string }[];
  EncodedData?: string;
}
export type AdminInitiateAuthResponse = InitiateAuthResponse;

export interface AdminRespondToAuthChallengeRequest extends RespondToAuthChallengeRequest {
  UserPoolId: string;
  ContextData?: ContextDataType;
}
export type AdminRespondToAuthChallengeResponse = RespondToAuthChallengeResponse;

/** A user pool group, as CreateGroup, GetGroup and the List* operations return it. */
export interface GroupType {
  GroupName: string;
  UserPoolId: string;
  Description?: string;
  RoleArn?: string;
  Precedence?: number;
  LastModifiedDate: number;
  CreationDate: number;
}

export interface CreateGroupRequest {
  GroupName: string;
  UserPoolId: string;
  Description?: string;
  RoleArn?: string;
  Precedence?: number;
}
export interface CreateGroupResponse {
  Group: GroupType;
}

export interface GroupRequest {
  GroupName: string;
  UserPoolId: string;
}
export interface GetGroupResponse {
  Group: GroupType;
}

export type UpdateGroupRequest = CreateGroupRequest;
export interface UpdateGroupResponse {
  Group: GroupType;
}
export type DeleteGroupResponse = Record<string, never>;

export interface ListGroupsRequest {
  UserPoolId: string;
  Limit?: number;
  NextToken?: string;
}
export interface ListGroupsResponse {
  Groups: GroupType[];
  NextToken?: string;
}

export interface AdminGroupMembershipRequest {
  UserPoolId: string;
  Username: string;
  GroupName: string;
}
export type AdminAddUserToGroupResponse = Record<string, never>;
export type AdminRemoveUserFromGroupResponse = Record<string, never>;

export interface AdminListGroupsForUserRequest {
  UserPoolId: string;
  Username: string;
  Limit?: number;
  NextToken?: string;
}
export type AdminListGroupsForUserResponse = ListGroupsResponse;

export interface ListUsersInGroupRequest {
  UserPoolId: string;
  GroupName: string;
  Limit?: number;
  NextToken?: string;
}
export interface ListUsersInGroupResponse {
  Users: UserType[];
  NextToken?: string;
}

// Multi-factor authentication (issue 11): the pool's MFA configuration and the user's TOTP.

export type UserPoolMfaType = 'OFF' | 'ON' | 'OPTIONAL';
export interface SmsConfigurationType {
  SnsCallerArn?: string;
  ExternalId?: string;
  SnsRegion?: string;
}
export interface SmsMfaConfigType {
  SmsAuthenticationMessage?: string;
  SmsConfiguration?: SmsConfigurationType;
}
export interface SoftwareTokenMfaConfigType {
  Enabled?: boolean;
}
export interface EmailMfaConfigType {
  Message?: string;
  Subject?: string;
}
export interface WebAuthnConfigurationType {
  RelyingPartyId?: string;
  UserVerification?: 'required' | 'preferred';
  FactorConfiguration?: 'SINGLE_FACTOR' | 'MULTI_FACTOR';
}
export interface SetUserPoolMfaConfigRequest {
  UserPoolId: string;
  SmsMfaConfiguration?: SmsMfaConfigType;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  EmailMfaConfiguration?: EmailMfaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}
export interface UserPoolMfaConfigResponse {
  SmsMfaConfiguration?: SmsMfaConfigType;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  EmailMfaConfiguration?: EmailMfaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}
export type SetUserPoolMfaConfigResponse = UserPoolMfaConfigResponse;
export type GetUserPoolMfaConfigResponse = UserPoolMfaConfigResponse;

export interface AssociateSoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
}
export interface AssociateSoftwareTokenResponse {
  SecretCode?: string;
  Session?: string;
}
export interface VerifySoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}
export interface VerifySoftwareTokenResponse {
  Status?: 'SUCCESS' | 'ERROR';
  Session?: string;
}

/** One factor's setting in SetUserMFAPreference (SMSMfaSettings, SoftwareTokenMfaSettings, ...). */
export interface MfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}
export interface UserMfaPreferenceSettings {
  SMSMfaSettings?: MfaSettingsType;
  SoftwareTokenMfaSettings?: MfaSettingsType;
  EmailMfaSettings?: MfaSettingsType;
  WebAuthnMfaSettings?: { Enabled?: boolean };
}
export interface SetUserMFAPreferenceRequest extends UserMfaPreferenceSettings {
  AccessToken: string;
}
export type SetUserMFAPreferenceResponse = Record<string, never>;
export interface AdminSetUserMFAPreferenceRequest extends UserMfaPreferenceSettings {
  UserPoolId: string;
  Username: string;
}
export type AdminSetUserMFAPreferenceResponse = Record<string, never>;
/** The legacy MFA setting of SetUserSettings: SMS to the phone number is the only one. */
export interface MFAOptionType {
  DeliveryMedium?: 'SMS' | 'EMAIL';
  AttributeName?: string;
}
export interface SetUserSettingsRequest {
  AccessToken: string;
  MFAOptions: MFAOptionType[];
}
export interface AdminSetUserSettingsRequest {
  UserPoolId: string;
  Username: string;
  MFAOptions: MFAOptionType[];
}
export interface GetTokensFromRefreshTokenRequest {
  RefreshToken: string;
  ClientId: string;
  ClientSecret?: string;
  DeviceKey?: string;
  ClientMetadata?: Record<string, string>;
}
export interface GetTokensFromRefreshTokenResponse {
  AuthenticationResult?: AuthenticationResultType;
}
export interface GetClientTokenRequest {
  ClientId: string;
  Secret: string;
  Scopes?: string[];
  ClientMetadata?: Record<string, string>;
}
/** A machine-to-machine access token (ClientAuthenticationResultType): no ID or refresh token. */
export interface ClientAuthenticationResultType {
  AccessToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
}
export interface GetClientTokenResponse {
  ClientAuthenticationResult?: ClientAuthenticationResultType;
}
/** TokenTypeIdentifierType: what a GetDerivedToken subject or actor token is. */
export type TokenTypeIdentifierType = 'ACCESS_TOKEN' | 'ID_TOKEN' | 'SAML2';
/** IssuedTokenTypeIdentifierType: what GetDerivedToken may issue. */
export type IssuedTokenTypeIdentifierType = 'ACCESS_TOKEN' | 'ID_TOKEN';
/** GetDerivedToken (RFC 8693 token exchange, ADR 0088). */
export interface GetDerivedTokenRequest {
  ClientId: string;
  ClientSecret?: string;
  SubjectToken: string;
  SubjectTokenType: TokenTypeIdentifierType;
  SubjectTokenProviderName?: string;
  ActorToken?: string;
  ActorTokenType?: TokenTypeIdentifierType;
  ActorTokenProviderName?: string;
  Scopes?: string[];
  Audiences?: string[];
  Resources?: string[];
  RequestedTokenType?: IssuedTokenTypeIdentifierType;
}
export interface GetDerivedTokenResponse {
  IssuedToken: string;
  IssuedTokenType: IssuedTokenTypeIdentifierType;
  TokenType: 'Bearer' | 'N_A';
  ExpiresIn?: number;
  Scopes?: string[];
}
export interface AdminDeleteSoftwareTokenRequest {
  UserPoolId: string;
  Username: string;
}

/** The external identity provider kinds a user pool federates with (IdentityProviderTypeType). */
export type IdentityProviderTypeType =
  'SAML' | 'Facebook' | 'Google' | 'LoginWithAmazon' | 'SignInWithApple' | 'OIDC';

/** An external identity provider of a user pool, as Create/Describe/Update return it. */
export interface IdentityProviderType {
  UserPoolId?: string;
  ProviderName?: string;
  ProviderType?: IdentityProviderTypeType;
  ProviderDetails?: Record<string, string>;
  AttributeMapping?: Record<string, string>;
  IdpIdentifiers?: string[];
  LastModifiedDate?: number;
  CreationDate?: number;
}
export interface CreateIdentityProviderRequest {
  UserPoolId: string;
  ProviderName: string;
  ProviderType: IdentityProviderTypeType;
  ProviderDetails: Record<string, string>;
  AttributeMapping?: Record<string, string>;
  IdpIdentifiers?: string[];
}
export interface IdentityProviderResponse {
  IdentityProvider: IdentityProviderType;
}
export interface UpdateIdentityProviderRequest {
  UserPoolId: string;
  ProviderName: string;
  ProviderDetails?: Record<string, string>;
  AttributeMapping?: Record<string, string>;
  IdpIdentifiers?: string[];
}
export interface IdentityProviderNameRequest {
  UserPoolId: string;
  ProviderName: string;
}
export interface GetIdentityProviderByIdentifierRequest {
  UserPoolId: string;
  IdpIdentifier: string;
}
export interface ListIdentityProvidersRequest {
  UserPoolId: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface ProviderDescription {
  ProviderName?: string;
  ProviderType?: IdentityProviderTypeType;
  LastModifiedDate?: number;
  CreationDate?: number;
}
export interface ListIdentityProvidersResponse {
  Providers: ProviderDescription[];
  NextToken?: string;
}

/** A custom scope of a resource server. */
export interface ResourceServerScopeType {
  ScopeName: string;
  ScopeDescription: string;
}
export interface ResourceServerType {
  UserPoolId?: string;
  Identifier?: string;
  Name?: string;
  Scopes?: ResourceServerScopeType[];
}
export interface ResourceServerRequest {
  UserPoolId: string;
  Identifier: string;
  Name: string;
  Scopes?: ResourceServerScopeType[];
}
export interface ResourceServerIdentifierRequest {
  UserPoolId: string;
  Identifier: string;
}
export interface ResourceServerResponse {
  ResourceServer: ResourceServerType;
}
export interface ListResourceServersRequest {
  UserPoolId: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface ListResourceServersResponse {
  ResourceServers: ResourceServerType[];
  NextToken?: string;
}

/** The hosted pages' look for a pool (ClientId `ALL`) or one of its app clients. */
export interface UICustomizationType {
  UserPoolId?: string;
  ClientId?: string;
  ImageUrl?: string;
  CSS?: string;
  CSSVersion?: string;
  LastModifiedDate?: number;
  CreationDate?: number;
}
export interface SetUICustomizationRequest {
  UserPoolId: string;
  ClientId?: string;
  CSS?: string;
  /** The logo, base64 on the wire (a blob). */
  ImageFile?: string;
}
export interface GetUICustomizationRequest {
  UserPoolId: string;
  ClientId?: string;
}
export interface UICustomizationResponse {
  UICustomization: UICustomizationType;
}

/** An image of a managed login branding style (AssetType); Bytes base64 on the wire (a blob). */
export interface AssetType {
  Category: string;
  ColorMode: string;
  Extension: string;
  Bytes?: string;
  ResourceId?: string;
}
/** A managed login branding style of an app client (ManagedLoginBrandingType). */
export interface ManagedLoginBrandingType {
  ManagedLoginBrandingId?: string;
  UserPoolId?: string;
  UseCognitoProvidedValues?: boolean;
  /** The Settings JSON document (a Document on the wire). */
  Settings?: Record<string, unknown>;
  Assets?: AssetType[];
  CreationDate?: number;
  LastModifiedDate?: number;
}
export interface CreateManagedLoginBrandingRequest {
  UserPoolId: string;
  ClientId: string;
  UseCognitoProvidedValues?: boolean;
  Settings?: Record<string, unknown>;
  Assets?: AssetType[];
}
export interface UpdateManagedLoginBrandingRequest {
  UserPoolId?: string;
  ManagedLoginBrandingId?: string;
  UseCognitoProvidedValues?: boolean;
  Settings?: Record<string, unknown>;
  Assets?: AssetType[];
}
export interface DescribeManagedLoginBrandingRequest {
  UserPoolId: string;
  ManagedLoginBrandingId: string;
  ReturnMergedResources?: boolean;
}
export interface DescribeManagedLoginBrandingByClientRequest {
  UserPoolId: string;
  ClientId: string;
  ReturnMergedResources?: boolean;
}
export interface DeleteManagedLoginBrandingRequest {
  UserPoolId: string;
  ManagedLoginBrandingId: string;
}
export interface ManagedLoginBrandingResponse {
  ManagedLoginBranding: ManagedLoginBrandingType;
}

/** Terms documents of an app client (TermsType). */
export interface TermsType {
  TermsId: string;
  UserPoolId: string;
  ClientId: string;
  TermsName: string;
  TermsSource: string;
  Enforcement: string;
  /** Language (`cognito:default`, `cognito:spanish`, ...) to the document's URL. */
  Links: Record<string, string>;
  CreationDate: number;
  LastModifiedDate: number;
}
export interface TermsDescriptionType {
  TermsId: string;
  TermsName: string;
  Enforcement: string;
  CreationDate: number;
  LastModifiedDate: number;
}
export interface CreateTermsRequest {
  UserPoolId: string;
  ClientId: string;
  TermsName: string;
  TermsSource: string;
  Enforcement: string;
  Links?: Record<string, string>;
}
export interface UpdateTermsRequest {
  TermsId: string;
  UserPoolId: string;
  TermsName?: string;
  TermsSource?: string;
  Enforcement?: string;
  Links?: Record<string, string>;
}
export interface TermsIdRequest {
  TermsId: string;
  UserPoolId: string;
}
export interface DescribeTermsByClientRequest {
  ClientId: string;
  UserPoolId: string;
  TermsName: string;
}
export interface TermsResponse {
  Terms: TermsType;
}
export interface ListTermsRequest {
  UserPoolId: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface ListTermsResponse {
  Terms: TermsDescriptionType[];
  NextToken?: string;
}

/** GetSigningCertificate: the pool's SAML signing certificate (ADR 0059). */
export interface GetSigningCertificateRequest {
  UserPoolId: string;
}
export interface GetSigningCertificateResponse {
  /** The X.509 certificate's base64 DER body. */
  Certificate?: string;
}

/** A user named by a provider and one of its attributes (AdminLinkProviderForUser). */
export interface ProviderUserIdentifierType {
  ProviderName?: string;
  ProviderAttributeName?: string;
  ProviderAttributeValue?: string;
}
export interface AdminLinkProviderForUserRequest {
  UserPoolId: string;
  DestinationUser: ProviderUserIdentifierType;
  SourceUser: ProviderUserIdentifierType;
}
export interface AdminDisableProviderForUserRequest {
  UserPoolId: string;
  User: ProviderUserIdentifierType;
}
export interface CustomDomainConfigType {
  CertificateArn: string;
  SecurityPolicy?: 'TLS_V1' | 'TLS_V1_2_2021' | 'TLS_V1_3_2025';
}
export interface CreateUserPoolDomainRequest {
  Domain: string;
  UserPoolId: string;
  ManagedLoginVersion?: number;
  CustomDomainConfig?: CustomDomainConfigType;
  Routing?: Record<string, unknown>;
}
export interface CreateUserPoolDomainResponse {
  ManagedLoginVersion?: number;
  CloudFrontDomain?: string;
}
export type UpdateUserPoolDomainRequest = CreateUserPoolDomainRequest;
export interface UpdateUserPoolDomainResponse {
  ManagedLoginVersion?: number;
  CloudFrontDomain?: string;
}
export interface DeleteUserPoolDomainRequest {
  Domain: string;
  UserPoolId: string;
}
export interface DescribeUserPoolDomainRequest {
  Domain: string;
}
export interface DomainDescriptionType {
  UserPoolId?: string;
  AWSAccountId?: string;
  Domain?: string;
  S3Bucket?: string;
  CloudFrontDistribution?: string;
  Version?: string;
  Status?: 'CREATING' | 'DELETING' | 'UPDATING' | 'ACTIVE' | 'FAILED';
  CustomDomainConfig?: CustomDomainConfigType;
  ManagedLoginVersion?: number;
}
export interface DescribeUserPoolDomainResponse {
  DomainDescription: DomainDescriptionType;
}

/**
 * Not a Cognito operation: what the OAuth server hands the user directory after it verified a
 * provider's sign-in (ADR 0019). `Claims` are the provider's verified claims or SAML attributes;
 * `Subject` its user id, when not the claim AttributeMapping maps to `username`.
 */
export interface SignInFederatedUserRequest {
  UserPoolId: string;
  ProviderName: string;
  Claims: Record<string, unknown>;
  Subject?: string;
  /** The app client the sign-in is for (the triggers' callerContext.clientId). */
  ClientId?: string;
}
export interface SignInFederatedUserResponse {
  Username: string;
  Sub: string;
  UserStatus: string;
  /** Whether this sign-in created the federated user. */
  Created: boolean;
}

/** Remembered devices (issue 11 section 2). */

export interface DeviceConfigurationType {
  ChallengeRequiredOnNewDevice?: boolean;
  DeviceOnlyRememberedOnUserPrompt?: boolean;
}
export interface NewDeviceMetadataType {
  DeviceKey: string;
  DeviceGroupKey: string;
}
export type DeviceRememberedStatusType = 'remembered' | 'not_remembered';
export interface DeviceType {
  DeviceKey: string;
  DeviceAttributes: AttributeType[];
  DeviceCreateDate: number;
  DeviceLastModifiedDate: number;
  DeviceLastAuthenticatedDate?: number;
}
export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig?: { PasswordVerifier?: string; Salt?: string };
  DeviceName?: string;
}
export interface ConfirmDeviceResponse {
  UserConfirmationNecessary: boolean;
}
export interface UpdateDeviceStatusRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}
export interface AdminUpdateDeviceStatusRequest {
  UserPoolId: string;
  Username: string;
  DeviceKey: string;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}
export interface ListDevicesRequest {
  AccessToken: string;
  Limit?: number;
  PaginationToken?: string;
}
export interface AdminListDevicesRequest {
  UserPoolId: string;
  Username: string;
  Limit?: number;
  PaginationToken?: string;
}
export interface ListDevicesResponse {
  Devices: DeviceType[];
  PaginationToken?: string;
}
export interface GetDeviceRequest {
  DeviceKey: string;
  AccessToken?: string;
}
export interface AdminGetDeviceRequest {
  DeviceKey: string;
  UserPoolId: string;
  Username: string;
}
export interface GetDeviceResponse {
  Device: DeviceType;
}
export interface ForgetDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
}
export interface AdminForgetDeviceRequest {
  UserPoolId: string;
  Username: string;
  DeviceKey: string;
}

/** WebAuthn passkeys (ADR 0034): the registration operations, by access token. */
export interface StartWebAuthnRegistrationRequest {
  AccessToken: string;
}
export interface StartWebAuthnRegistrationResponse {
  /** PublicKeyCredentialCreationOptionsJSON, for navigator.credentials.create(). */
  CredentialCreationOptions: Record<string, unknown>;
}
export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: string;
  /** RegistrationResponseJSON, as navigator.credentials.create() answered it. */
  Credential: Record<string, unknown>;
}
export interface ListWebAuthnCredentialsRequest {
  AccessToken: string;
  NextToken?: string;
  MaxResults?: number;
}
export interface WebAuthnCredentialDescription {
  CredentialId: string;
  FriendlyCredentialName?: string;
  RelyingPartyId: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports: string[];
  CreatedAt: number;
}
export interface ListWebAuthnCredentialsResponse {
  Credentials: WebAuthnCredentialDescription[];
  NextToken?: string;
}
export interface DeleteWebAuthnCredentialRequest {
  AccessToken: string;
  CredentialId: string;
}

/** Session tracking (issue 13, ADR 0080): a user's token and SSO sessions. */
export type SessionTypeType = 'TOKEN' | 'SSO';
export type RevokeAssociatedSessionsType = 'NONE' | 'LINKED';
export type UserSessionTrackingType = 'ENABLED' | 'DISABLED';

export interface SessionLocationType {
  City?: string;
  Country?: string;
}

export interface SessionDescriptionType {
  SessionId?: string;
  SessionType?: SessionTypeType;
  ClientId?: string;
  CreateDate?: number;
  LastActiveDate?: number;
  DeviceType?: string;
  LastIPAddress?: string;
  LastLocation?: SessionLocationType;
  OriginSessionId?: string;
  IsCurrentSession?: boolean;
}

export interface ListUserSessionsRequest {
  AccessToken: string;
  NextToken?: string;
}
export interface AdminListUserSessionsRequest {
  UserPoolId: string;
  Username: string;
  NextToken?: string;
}
export interface ListUserSessionsResponse {
  Sessions?: SessionDescriptionType[];
  NextToken?: string;
}
export type AdminListUserSessionsResponse = ListUserSessionsResponse;

export interface RevokeUserSessionRequest {
  AccessToken: string;
  SessionId: string;
  RevokeAssociatedSessions?: RevokeAssociatedSessionsType;
}
export interface AdminRevokeUserSessionRequest {
  UserPoolId: string;
  Username: string;
  SessionId: string;
  RevokeAssociatedSessions?: RevokeAssociatedSessionsType;
}
export type RevokeUserSessionResponse = Record<string, never>;
export type AdminRevokeUserSessionResponse = Record<string, never>;

export interface UserPoolTokenSessionConfigType {
  MaxPerUser: number;
}
export interface GetUserPoolSessionConfigurationRequest {
  UserPoolId: string;
}
export interface SetUserPoolSessionConfigurationRequest {
  UserPoolId: string;
  UserSessionTracking: UserSessionTrackingType;
  TokenSession: UserPoolTokenSessionConfigType;
}
export interface UserPoolSessionConfigurationResponse {
  UserPoolId?: string;
  UserSessionTracking?: UserSessionTrackingType;
  TokenSession?: UserPoolTokenSessionConfigType;
}

export interface ClientSSOSessionConfigType {
  MaxValidityMinutes: number;
}
export interface GetUserPoolClientSessionConfigurationRequest {
  UserPoolId: string;
  ClientId: string;
}
export interface SetUserPoolClientSessionConfigurationRequest {
  UserPoolId: string;
  ClientId: string;
  SSOSession: ClientSSOSessionConfigType;
}
export interface UserPoolClientSessionConfigurationResponse {
  UserPoolId?: string;
  ClientId?: string;
  SSOSession?: ClientSSOSessionConfigType;
}
/** Threat protection's compromised-credentials settings (stored and answered; idfed has no breached-password list). */
export interface CompromisedCredentialsRiskConfigurationType {
  EventFilter?: ('SIGN_IN' | 'PASSWORD_CHANGE' | 'SIGN_UP')[];
  Actions: { EventAction: 'BLOCK' | 'NO_ACTION' };
}
export interface NotifyEmailType {
  Subject: string;
  HtmlBody?: string;
  TextBody?: string;
}
export interface AccountTakeoverActionType {
  Notify: boolean;
  EventAction: 'BLOCK' | 'MFA_IF_CONFIGURED' | 'MFA_REQUIRED' | 'NO_ACTION';
}
/** Adaptive authentication's settings (stored and answered; idfed assesses no risk level). */
export interface AccountTakeoverRiskConfigurationType {
  NotifyConfiguration?: {
    From?: string;
    ReplyTo?: string;
    SourceArn: string;
    BlockEmail?: NotifyEmailType;
    NoActionEmail?: NotifyEmailType;
    MfaEmail?: NotifyEmailType;
  };
  Actions: {
    LowAction?: AccountTakeoverActionType;
    MediumAction?: AccountTakeoverActionType;
    HighAction?: AccountTakeoverActionType;
  };
}
/** Always-block and always-allow CIDR ranges (the block list is enforced in ENFORCED mode). */
export interface RiskExceptionConfigurationType {
  BlockedIPRangeList?: string[];
  SkippedIPRangeList?: string[];
}
export interface RiskConfigurationType {
  UserPoolId?: string;
  ClientId?: string;
  CompromisedCredentialsRiskConfiguration?: CompromisedCredentialsRiskConfigurationType;
  AccountTakeoverRiskConfiguration?: AccountTakeoverRiskConfigurationType;
  RiskExceptionConfiguration?: RiskExceptionConfigurationType;
  LastModifiedDate?: number;
}
export interface SetRiskConfigurationRequest {
  UserPoolId: string;
  ClientId?: string;
  CompromisedCredentialsRiskConfiguration?: CompromisedCredentialsRiskConfigurationType;
  AccountTakeoverRiskConfiguration?: AccountTakeoverRiskConfigurationType;
  RiskExceptionConfiguration?: RiskExceptionConfigurationType;
}
export interface DescribeRiskConfigurationRequest {
  UserPoolId: string;
  ClientId?: string;
}
export interface RiskConfigurationResponse {
  RiskConfiguration: RiskConfigurationType;
}

/** A log destination of a pool (stored and answered; idfed delivers to none of them). */
export interface LogConfigurationType {
  LogLevel: 'ERROR' | 'INFO';
  EventSource: 'userNotification' | 'userAuthEvents';
  CloudWatchLogsConfiguration?: { LogGroupArn?: string };
  S3Configuration?: { BucketArn?: string };
  FirehoseConfiguration?: { StreamArn?: string };
}
export interface LogDeliveryConfigurationType {
  UserPoolId: string;
  LogConfigurations: LogConfigurationType[];
}
export interface SetLogDeliveryConfigurationRequest {
  UserPoolId: string;
  LogConfigurations: LogConfigurationType[];
}
export interface GetLogDeliveryConfigurationRequest {
  UserPoolId: string;
}
export interface LogDeliveryConfigurationResponse {
  LogDeliveryConfiguration?: LogDeliveryConfigurationType;
}

/** One auth event threat protection recorded for a user (AdminListUserAuthEvents). */
export interface AuthEventType {
  EventId?: string;
  EventType?: 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';
  CreationDate?: number;
  EventResponse?: 'Pass' | 'Fail' | 'InProgress';
  EventRisk?: {
    RiskDecision?: 'NoRisk' | 'AccountTakeover' | 'Block';
    RiskLevel?: 'Low' | 'Medium' | 'High';
    CompromisedCredentialsDetected?: boolean;
  };
  ChallengeResponses?: { ChallengeName?: 'Password' | 'Mfa'; ChallengeResponse?: 'Success' | 'Failure' }[];
  EventContextData?: {
    IpAddress?: string;
    DeviceName?: string;
    Timezone?: string;
    City?: string;
    Country?: string;
  };
  EventFeedback?: { FeedbackValue: 'Valid' | 'Invalid'; Provider: string; FeedbackDate?: number };
}
export interface AdminListUserAuthEventsRequest {
  UserPoolId: string;
  Username: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface AdminListUserAuthEventsResponse {
  AuthEvents?: AuthEventType[];
  NextToken?: string;
}
export interface AdminUpdateAuthEventFeedbackRequest {
  UserPoolId: string;
  Username: string;
  EventId: string;
  FeedbackValue: 'Valid' | 'Invalid';
}
export interface UpdateAuthEventFeedbackRequest {
  UserPoolId: string;
  Username: string;
  EventId: string;
  FeedbackToken: string;
  FeedbackValue: 'Valid' | 'Invalid';
}
