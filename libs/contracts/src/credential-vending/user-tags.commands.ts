import { queryApi } from '../operations';
import { EmptyResult, ListRoleTagsResult, Tag } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

export interface TagUserRequest {
  UserName: string;
  Tags: Tag[];
}
export interface UntagUserRequest {
  UserName: string;
  TagKeys: string[];
}
export interface ListUserTagsRequest {
  UserName: string;
  Marker?: string;
  MaxItems?: number;
}
export type ListUserTagsResult = ListRoleTagsResult;

/** IAM user tags (ADR 0046), spread into CredentialVendingOperations. */
export const UserTagOperations = {
  TagUser: iamApi.operation<TagUserRequest, EmptyResult>()('TagUser', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  UntagUser: iamApi.operation<UntagUserRequest, EmptyResult>()('UntagUser', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  ListUserTags: iamApi.operation<ListUserTagsRequest, ListUserTagsResult>()('ListUserTags', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
} as const;
