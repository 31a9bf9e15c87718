import { queryApi } from '../operations';
import * as W from './wire-types';
import * as S from './saml.wire-types';

const iamApi = queryApi('credential-vending', 'iam');
const stsApi = queryApi('credential-vending', 'sts');

/**
 * IAM SAML providers and STS AssumeRoleWithSAML (ADR 0040), spread into
 * CredentialVendingOperations. AssumeRoleWithSAML is unsigned, as on AWS: the signed assertion is
 * the credential.
 */
export const SamlOperations = {
  CreateSAMLProvider: iamApi.operation<S.CreateSAMLProviderRequest, S.CreateSAMLProviderResult>()(
    'CreateSAMLProvider',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  GetSAMLProvider: iamApi.operation<S.SAMLProviderArnRequest, S.GetSAMLProviderResult>()(
    'GetSAMLProvider',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  ListSAMLProviders: iamApi.operation<Record<string, never>, S.ListSAMLProvidersResult>()(
    'ListSAMLProviders',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  UpdateSAMLProvider: iamApi.operation<S.UpdateSAMLProviderRequest, S.UpdateSAMLProviderResult>()(
    'UpdateSAMLProvider',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  DeleteSAMLProvider: iamApi.operation<S.SAMLProviderArnRequest, W.EmptyResult>()(
    'DeleteSAMLProvider',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  TagSAMLProvider: iamApi.operation<S.TagSAMLProviderRequest, W.EmptyResult>()('TagSAMLProvider', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  UntagSAMLProvider: iamApi.operation<S.UntagSAMLProviderRequest, W.EmptyResult>()(
    'UntagSAMLProvider',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  ListSAMLProviderTags: iamApi.operation<S.ListSAMLProviderTagsRequest, S.ListSAMLProviderTagsResult>()(
    'ListSAMLProviderTags',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  AssumeRoleWithSAML: stsApi.operation<S.AssumeRoleWithSAMLRequest, S.AssumeRoleWithSAMLResult>()(
    'AssumeRoleWithSAML',
    'public',
    { rateLimit: 'StsAssumeRole', hasResult: true, integers: ['DurationSeconds'] },
  ),
} as const;
