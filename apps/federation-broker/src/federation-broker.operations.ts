import { FederationBrokerOperations as O } from '@idfed/contracts';
import { OperationBinding, serve } from '@idfed/service-runtime';
import { GetCredentialsForIdentityHandler } from './credentials/get-credentials-for-identity.handler';
import { GetOpenIdTokenHandler } from './credentials/get-open-id-token.handler';
import { GetOpenIdTokenForDeveloperIdentityHandler } from './developer/get-open-id-token-for-developer-identity.handler';
import { LookupDeveloperIdentityHandler } from './developer/lookup-developer-identity.handler';
import { MergeDeveloperIdentitiesHandler } from './developer/merge-developer-identities.handler';
import { UnlinkDeveloperIdentityHandler } from './developer/unlink-developer-identity.handler';
import { DeleteIdentitiesHandler } from './identities/delete-identities.handler';
import { DescribeIdentityHandler } from './identities/describe-identity.handler';
import { GetIdHandler } from './identities/get-id.handler';
import { ListIdentitiesHandler } from './identities/list-identities.handler';
import { UnlinkIdentityHandler } from './identities/unlink-identity.handler';
import { CreateIdentityPoolHandler } from './pools/create-identity-pool.handler';
import { DeleteIdentityPoolHandler } from './pools/delete-identity-pool.handler';
import { DescribeIdentityPoolHandler } from './pools/describe-identity-pool.handler';
import { GetIdentityPoolRolesHandler } from './pools/get-identity-pool-roles.handler';
import { ListIdentityPoolsHandler } from './pools/list-identity-pools.handler';
import { SetIdentityPoolRolesHandler } from './pools/set-identity-pool-roles.handler';
import { GetPrincipalTagAttributeMapHandler } from './pools/get-principal-tag-attribute-map.handler';
import { SetPrincipalTagAttributeMapHandler } from './pools/set-principal-tag-attribute-map.handler';
import { ListTagsForResourceHandler } from './pools/tags/list-tags-for-resource.handler';
import { TagResourceHandler } from './pools/tags/tag-resource.handler';
import { UntagResourceHandler } from './pools/tags/untag-resource.handler';
import { UpdateIdentityPoolHandler } from './pools/update-identity-pool.handler';
import { GetIssuerJwksHandler } from './tokens/get-issuer-jwks.handler';

/** The federation broker's operation registry: each operation of its contracts and the class that serves it. */
export const federationBrokerOperations: OperationBinding[] = [
  serve(O.CreateIdentityPool, CreateIdentityPoolHandler),
  serve(O.DescribeIdentityPool, DescribeIdentityPoolHandler),
  serve(O.UpdateIdentityPool, UpdateIdentityPoolHandler),
  serve(O.ListIdentityPools, ListIdentityPoolsHandler),
  serve(O.DeleteIdentityPool, DeleteIdentityPoolHandler),
  serve(O.SetIdentityPoolRoles, SetIdentityPoolRolesHandler),
  serve(O.GetIdentityPoolRoles, GetIdentityPoolRolesHandler),
  serve(O.SetPrincipalTagAttributeMap, SetPrincipalTagAttributeMapHandler),
  serve(O.GetPrincipalTagAttributeMap, GetPrincipalTagAttributeMapHandler),
  serve(O.GetId, GetIdHandler),
  serve(O.GetOpenIdToken, GetOpenIdTokenHandler),
  serve(O.GetCredentialsForIdentity, GetCredentialsForIdentityHandler),
  serve(O.UnlinkIdentity, UnlinkIdentityHandler),
  serve(O.DescribeIdentity, DescribeIdentityHandler),
  serve(O.ListIdentities, ListIdentitiesHandler),
  serve(O.DeleteIdentities, DeleteIdentitiesHandler),
  serve(O.LookupDeveloperIdentity, LookupDeveloperIdentityHandler),
  serve(O.GetOpenIdTokenForDeveloperIdentity, GetOpenIdTokenForDeveloperIdentityHandler),
  serve(O.MergeDeveloperIdentities, MergeDeveloperIdentitiesHandler),
  serve(O.UnlinkDeveloperIdentity, UnlinkDeveloperIdentityHandler),
  serve(O.TagResource, TagResourceHandler),
  serve(O.UntagResource, UntagResourceHandler),
  serve(O.ListTagsForResource, ListTagsForResourceHandler),
  serve(O.GetIssuerJwks, GetIssuerJwksHandler),
];
