import { internalOperation, jsonApi } from '../operations';
import { JwksResult } from '../user-directory/commands';
import * as T from '../resource-tags';
import * as W from './wire-types';

const svc = 'federation-broker' as const;
type Empty = Record<string, never>;

const identityPools = jsonApi(svc, 'cognito-identity', 'AWSCognitoIdentityService');

/** The federation broker's operations: Cognito identity pools, with the AWS wire shapes. */
export const FederationBrokerOperations = {
  CreateIdentityPool: identityPools.operation<W.CreateIdentityPoolRequest, W.IdentityPoolType>()(
    'CreateIdentityPool',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  DescribeIdentityPool: identityPools.operation<W.IdentityPoolIdRequest, W.IdentityPoolType>()(
    'DescribeIdentityPool',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  UpdateIdentityPool: identityPools.operation<W.UpdateIdentityPoolRequest, W.IdentityPoolType>()(
    'UpdateIdentityPool',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  ListIdentityPools: identityPools.operation<W.ListIdentityPoolsRequest, W.ListIdentityPoolsResponse>()(
    'ListIdentityPools',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  DeleteIdentityPool: identityPools.operation<W.IdentityPoolIdRequest, Empty>()(
    'DeleteIdentityPool',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  SetIdentityPoolRoles: identityPools.operation<W.SetIdentityPoolRolesRequest, Empty>()(
    'SetIdentityPoolRoles',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  GetIdentityPoolRoles: identityPools.operation<W.IdentityPoolIdRequest, W.GetIdentityPoolRolesResponse>()(
    'GetIdentityPoolRoles',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  SetPrincipalTagAttributeMap: identityPools.operation<
    W.SetPrincipalTagAttributeMapRequest,
    W.PrincipalTagAttributeMapResponse
  >()('SetPrincipalTagAttributeMap', 'admin', { rateLimit: 'IdentityPoolManagement' }),
  GetPrincipalTagAttributeMap: identityPools.operation<
    W.GetPrincipalTagAttributeMapRequest,
    W.PrincipalTagAttributeMapResponse
  >()('GetPrincipalTagAttributeMap', 'admin', { rateLimit: 'IdentityPoolManagement' }),
  GetId: identityPools.operation<W.GetIdRequest, W.GetIdResponse>()('GetId', 'public', {
    rateLimit: 'IdentityPoolGetId',
  }),
  GetOpenIdToken: identityPools.operation<W.GetOpenIdTokenRequest, W.GetOpenIdTokenResponse>()(
    'GetOpenIdToken',
    'public',
    { rateLimit: 'IdentityPoolCredentials' },
  ),
  GetCredentialsForIdentity: identityPools.operation<
    W.GetCredentialsForIdentityRequest,
    W.GetCredentialsForIdentityResponse
  >()('GetCredentialsForIdentity', 'public', { rateLimit: 'IdentityPoolCredentials' }),
  UnlinkIdentity: identityPools.operation<W.UnlinkIdentityRequest, Empty>()('UnlinkIdentity', 'public', {
    rateLimit: 'IdentityPoolManagement',
  }),
  DescribeIdentity: identityPools.operation<W.DescribeIdentityRequest, W.IdentityDescriptionType>()(
    'DescribeIdentity',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  ListIdentities: identityPools.operation<W.ListIdentitiesRequest, W.ListIdentitiesResponse>()(
    'ListIdentities',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  DeleteIdentities: identityPools.operation<W.DeleteIdentitiesRequest, W.DeleteIdentitiesResponse>()(
    'DeleteIdentities',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  LookupDeveloperIdentity: identityPools.operation<
    W.LookupDeveloperIdentityRequest,
    W.LookupDeveloperIdentityResponse
  >()('LookupDeveloperIdentity', 'admin', { rateLimit: 'IdentityPoolManagement' }),
  GetOpenIdTokenForDeveloperIdentity: identityPools.operation<
    W.GetOpenIdTokenForDeveloperIdentityRequest,
    W.GetOpenIdTokenResponse
  >()('GetOpenIdTokenForDeveloperIdentity', 'admin', { rateLimit: 'IdentityPoolCredentials' }),
  MergeDeveloperIdentities: identityPools.operation<
    W.MergeDeveloperIdentitiesRequest,
    W.MergeDeveloperIdentitiesResponse
  >()('MergeDeveloperIdentities', 'admin', { rateLimit: 'IdentityPoolManagement' }),
  UnlinkDeveloperIdentity: identityPools.operation<W.UnlinkDeveloperIdentityRequest, Empty>()(
    'UnlinkDeveloperIdentity',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  TagResource: identityPools.operation<T.TagResourceRequest, Empty>()('TagResource', 'admin', {
    rateLimit: 'IdentityPoolManagement',
  }),
  UntagResource: identityPools.operation<T.UntagResourceRequest, Empty>()('UntagResource', 'admin', {
    rateLimit: 'IdentityPoolManagement',
  }),
  ListTagsForResource: identityPools.operation<T.ListTagsForResourceRequest, T.ListTagsForResourceResponse>()(
    'ListTagsForResource',
    'admin',
    { rateLimit: 'IdentityPoolManagement' },
  ),
  /** Not a Cognito operation: the gateway serves the broker's OpenID issuer keys from it. */
  GetIssuerJwks: internalOperation<Empty, JwksResult>()(svc, 'GetIssuerJwks'),
} as const;
