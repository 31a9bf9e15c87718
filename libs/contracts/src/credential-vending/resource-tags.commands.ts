import { queryApi } from '../operations';
import { EmptyResult, ListRoleTagsResult, Tag } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

export interface TagPolicyRequest {
  PolicyArn: string;
  Tags: Tag[];
}
export interface UntagPolicyRequest {
  PolicyArn: string;
  TagKeys: string[];
}
export interface ListPolicyTagsRequest {
  PolicyArn: string;
  Marker?: string;
  MaxItems?: number;
}
export type ListPolicyTagsResult = ListRoleTagsResult;

export interface TagOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: string;
  Tags: Tag[];
}
export interface UntagOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: string;
  TagKeys: string[];
}
export interface ListOpenIDConnectProviderTagsRequest {
  OpenIDConnectProviderArn: string;
  Marker?: string;
  MaxItems?: number;
}
export type ListOpenIDConnectProviderTagsResult = ListRoleTagsResult;

const write = { rateLimit: 'Iam', hasResult: false } as const;
const list = { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] } as const;

/** Tags of IAM managed policies and OpenID Connect providers (ADR 0066), spread into CredentialVendingOperations. */
export const ResourceTagOperations = {
  TagPolicy: iamApi.operation<TagPolicyRequest, EmptyResult>()('TagPolicy', 'admin', write),
  UntagPolicy: iamApi.operation<UntagPolicyRequest, EmptyResult>()('UntagPolicy', 'admin', write),
  ListPolicyTags: iamApi.operation<ListPolicyTagsRequest, ListPolicyTagsResult>()(
    'ListPolicyTags',
    'admin',
    list,
  ),
  TagOpenIDConnectProvider: iamApi.operation<TagOpenIDConnectProviderRequest, EmptyResult>()(
    'TagOpenIDConnectProvider',
    'admin',
    write,
  ),
  UntagOpenIDConnectProvider: iamApi.operation<UntagOpenIDConnectProviderRequest, EmptyResult>()(
    'UntagOpenIDConnectProvider',
    'admin',
    write,
  ),
  ListOpenIDConnectProviderTags: iamApi.operation<
    ListOpenIDConnectProviderTagsRequest,
    ListOpenIDConnectProviderTagsResult
  >()('ListOpenIDConnectProviderTags', 'admin', list),
} as const;
