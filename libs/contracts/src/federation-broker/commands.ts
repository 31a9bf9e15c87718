import { defineCommand } from '../command';
import { JwksResult } from '../user-directory/commands';
import * as W from './wire-types';

const svc = 'federation-broker' as const;
type Empty = Record<string, never>;

/** The federation broker's operations: Cognito identity pools, with the AWS wire shapes. */
export const FederationBrokerCommands = {
  createIdentityPool: defineCommand<W.CreateIdentityPoolRequest, W.IdentityPoolType>(
    svc,
    'CreateIdentityPool',
  ),
  describeIdentityPool: defineCommand<W.IdentityPoolIdRequest, W.IdentityPoolType>(
    svc,
    'DescribeIdentityPool',
  ),
  updateIdentityPool: defineCommand<W.UpdateIdentityPoolRequest, W.IdentityPoolType>(
    svc,
    'UpdateIdentityPool',
  ),
  listIdentityPools: defineCommand<W.ListIdentityPoolsRequest, W.ListIdentityPoolsResponse>(
    svc,
    'ListIdentityPools',
  ),
  deleteIdentityPool: defineCommand<W.IdentityPoolIdRequest, Empty>(svc, 'DeleteIdentityPool'),
  setIdentityPoolRoles: defineCommand<W.SetIdentityPoolRolesRequest, Empty>(svc, 'SetIdentityPoolRoles'),
  getIdentityPoolRoles: defineCommand<W.IdentityPoolIdRequest, W.GetIdentityPoolRolesResponse>(
    svc,
    'GetIdentityPoolRoles',
  ),
  getId: defineCommand<W.GetIdRequest, W.GetIdResponse>(svc, 'GetId'),
  getOpenIdToken: defineCommand<W.GetOpenIdTokenRequest, W.GetOpenIdTokenResponse>(svc, 'GetOpenIdToken'),
  getCredentialsForIdentity: defineCommand<
    W.GetCredentialsForIdentityRequest,
    W.GetCredentialsForIdentityResponse
  >(svc, 'GetCredentialsForIdentity'),
  unlinkIdentity: defineCommand<W.UnlinkIdentityRequest, Empty>(svc, 'UnlinkIdentity'),
  describeIdentity: defineCommand<W.DescribeIdentityRequest, W.IdentityDescriptionType>(
    svc,
    'DescribeIdentity',
  ),
  listIdentities: defineCommand<W.ListIdentitiesRequest, W.ListIdentitiesResponse>(svc, 'ListIdentities'),
  deleteIdentities: defineCommand<W.DeleteIdentitiesRequest, W.DeleteIdentitiesResponse>(
    svc,
    'DeleteIdentities',
  ),
  lookupDeveloperIdentity: defineCommand<W.LookupDeveloperIdentityRequest, W.LookupDeveloperIdentityResponse>(
    svc,
    'LookupDeveloperIdentity',
  ),
  getOpenIdTokenForDeveloperIdentity: defineCommand<
    W.GetOpenIdTokenForDeveloperIdentityRequest,
    W.GetOpenIdTokenResponse
  >(svc, 'GetOpenIdTokenForDeveloperIdentity'),
  mergeDeveloperIdentities: defineCommand<
    W.MergeDeveloperIdentitiesRequest,
    W.MergeDeveloperIdentitiesResponse
  >(svc, 'MergeDeveloperIdentities'),
  unlinkDeveloperIdentity: defineCommand<W.UnlinkDeveloperIdentityRequest, Empty>(
    svc,
    'UnlinkDeveloperIdentity',
  ),
  /** Not a Cognito operation: the gateway serves the broker's OpenID issuer keys from it. */
  getIssuerJwks: defineCommand<Empty, JwksResult>(svc, 'GetIssuerJwks'),
} as const;

const C = FederationBrokerCommands;

/** `AWSCognitoIdentityService.<Op>` -> command, and whether the admin key must sign it. */
export const COGNITO_IDENTITY_OPERATIONS = {
  CreateIdentityPool: { command: C.createIdentityPool, signed: true },
  DescribeIdentityPool: { command: C.describeIdentityPool, signed: true },
  UpdateIdentityPool: { command: C.updateIdentityPool, signed: true },
  ListIdentityPools: { command: C.listIdentityPools, signed: true },
  DeleteIdentityPool: { command: C.deleteIdentityPool, signed: true },
  SetIdentityPoolRoles: { command: C.setIdentityPoolRoles, signed: true },
  GetIdentityPoolRoles: { command: C.getIdentityPoolRoles, signed: true },
  GetId: { command: C.getId, signed: false },
  GetOpenIdToken: { command: C.getOpenIdToken, signed: false },
  GetCredentialsForIdentity: { command: C.getCredentialsForIdentity, signed: false },
  UnlinkIdentity: { command: C.unlinkIdentity, signed: false },
  DescribeIdentity: { command: C.describeIdentity, signed: true },
  ListIdentities: { command: C.listIdentities, signed: true },
  DeleteIdentities: { command: C.deleteIdentities, signed: true },
  LookupDeveloperIdentity: { command: C.lookupDeveloperIdentity, signed: true },
  GetOpenIdTokenForDeveloperIdentity: { command: C.getOpenIdTokenForDeveloperIdentity, signed: true },
  MergeDeveloperIdentities: { command: C.mergeDeveloperIdentities, signed: true },
  UnlinkDeveloperIdentity: { command: C.unlinkDeveloperIdentity, signed: true },
} as const;
