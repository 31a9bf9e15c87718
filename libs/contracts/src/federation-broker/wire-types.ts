/**
 * Cognito identity pool shapes as they travel on the AWS JSON 1.1 wire (timestamps in epoch
 * seconds). Only the members idfed implements are listed.
 */

export interface CognitoIdentityProviderType {
  ProviderName?: string;
  ClientId?: string;
  ServerSideTokenCheck?: boolean;
}

export interface IdentityPoolType {
  IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  CognitoIdentityProviders?: CognitoIdentityProviderType[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
}

export type CreateIdentityPoolRequest = Omit<IdentityPoolType, 'IdentityPoolId'>;
export type UpdateIdentityPoolRequest = IdentityPoolType;

export interface IdentityPoolIdRequest {
  IdentityPoolId: string;
}

export interface ListIdentityPoolsRequest {
  MaxResults: number;
  NextToken?: string;
}
export interface ListIdentityPoolsResponse {
  IdentityPools: { IdentityPoolId: string; IdentityPoolName: string }[];
  NextToken?: string;
}

export interface MappingRuleType {
  Claim: string;
  MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
  Value: string;
  RoleARN: string;
}

export interface RoleMappingType {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution?: 'AuthenticatedRole' | 'Deny';
  RulesConfiguration?: { Rules: MappingRuleType[] };
}

export interface SetIdentityPoolRolesRequest {
  IdentityPoolId: string;
  Roles: Record<string, string>;
  RoleMappings?: Record<string, RoleMappingType>;
}

export interface GetIdentityPoolRolesResponse {
  IdentityPoolId: string;
  Roles: Record<string, string>;
  RoleMappings?: Record<string, RoleMappingType>;
}

export interface GetPrincipalTagAttributeMapRequest {
  IdentityPoolId: string;
  IdentityProviderName: string;
}
export interface SetPrincipalTagAttributeMapRequest extends GetPrincipalTagAttributeMapRequest {
  UseDefaults?: boolean;
  PrincipalTags?: Record<string, string>;
}
export interface PrincipalTagAttributeMapResponse {
  IdentityPoolId?: string;
  IdentityProviderName?: string;
  UseDefaults?: boolean;
  PrincipalTags?: Record<string, string>;
}

export interface GetIdRequest {
  AccountId?: string;
  IdentityPoolId: string;
  Logins?: Record<string, string>;
}
export interface GetIdResponse {
  IdentityId: string;
}

export interface GetOpenIdTokenRequest {
  IdentityId: string;
  Logins?: Record<string, string>;
}
export interface GetOpenIdTokenResponse {
  IdentityId: string;
  Token: string;
}

export interface GetCredentialsForIdentityRequest {
  IdentityId: string;
  Logins?: Record<string, string>;
  CustomRoleArn?: string;
}
export interface GetCredentialsForIdentityResponse {
  IdentityId: string;
  Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number };
}

export interface IdentityDescriptionType {
  IdentityId: string;
  Logins?: string[];
  CreationDate: number;
  LastModifiedDate: number;
}

export interface DescribeIdentityRequest {
  IdentityId: string;
}

export interface ListIdentitiesRequest {
  IdentityPoolId: string;
  MaxResults: number;
  NextToken?: string;
  HideDisabled?: boolean;
}
export interface ListIdentitiesResponse {
  IdentityPoolId: string;
  Identities: IdentityDescriptionType[];
  NextToken?: string;
}

export interface DeleteIdentitiesRequest {
  IdentityIdsToDelete: string[];
}
export interface DeleteIdentitiesResponse {
  UnprocessedIdentityIds: { IdentityId: string; ErrorCode: 'AccessDenied' | 'InternalServerError' }[];
}

export interface UnlinkIdentityRequest {
  IdentityId: string;
  Logins: Record<string, string>;
  LoginsToRemove: string[];
}

export interface LookupDeveloperIdentityRequest {
  IdentityPoolId: string;
  IdentityId?: string;
  DeveloperUserIdentifier?: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface LookupDeveloperIdentityResponse {
  IdentityId?: string;
  DeveloperUserIdentifierList: string[];
  NextToken?: string;
}

export interface GetOpenIdTokenForDeveloperIdentityRequest {
  IdentityPoolId: string;
  IdentityId?: string;
  Logins: Record<string, string>;
  PrincipalTags?: Record<string, string>;
  TokenDuration?: number;
}

export interface MergeDeveloperIdentitiesRequest {
  SourceUserIdentifier: string;
  DestinationUserIdentifier: string;
  DeveloperProviderName: string;
  IdentityPoolId: string;
}
export interface MergeDeveloperIdentitiesResponse {
  IdentityId: string;
}

export interface UnlinkDeveloperIdentityRequest {
  IdentityId: string;
  IdentityPoolId: string;
  DeveloperProviderName: string;
  DeveloperUserIdentifier: string;
}
