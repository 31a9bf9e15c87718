import { queryApi } from '../operations';
import { EmptyResult, InstanceProfile, ListRoleTagsResult, Tag } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

// IAM instance profiles (ADR 0085), with AWS's member names.

export interface CreateInstanceProfileRequest {
  InstanceProfileName: string;
  Path?: string;
  Tags?: Tag[];
}
export interface InstanceProfileResult {
  InstanceProfile: InstanceProfile;
}
export interface InstanceProfileNameRequest {
  InstanceProfileName: string;
}
export interface InstanceProfileRoleRequest {
  InstanceProfileName: string;
  RoleName: string;
}
export interface ListInstanceProfilesRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListInstanceProfilesResult {
  InstanceProfiles: InstanceProfile[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface TagInstanceProfileRequest {
  InstanceProfileName: string;
  Tags: Tag[];
}
export interface UntagInstanceProfileRequest {
  InstanceProfileName: string;
  TagKeys: string[];
}
export interface ListInstanceProfileTagsRequest {
  InstanceProfileName: string;
  Marker?: string;
  MaxItems?: number;
}
export type ListInstanceProfileTagsResult = ListRoleTagsResult;

const withResult = { rateLimit: 'Iam', hasResult: true } as const;
const noResult = { rateLimit: 'Iam', hasResult: false } as const;
const paged = { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] } as const;

/** IAM instance profiles (ADR 0085), spread into CredentialVendingOperations. */
export const InstanceProfileOperations = {
  CreateInstanceProfile: iamApi.operation<CreateInstanceProfileRequest, InstanceProfileResult>()(
    'CreateInstanceProfile',
    'admin',
    withResult,
  ),
  GetInstanceProfile: iamApi.operation<InstanceProfileNameRequest, InstanceProfileResult>()(
    'GetInstanceProfile',
    'admin',
    withResult,
  ),
  DeleteInstanceProfile: iamApi.operation<InstanceProfileNameRequest, EmptyResult>()(
    'DeleteInstanceProfile',
    'admin',
    noResult,
  ),
  ListInstanceProfiles: iamApi.operation<ListInstanceProfilesRequest, ListInstanceProfilesResult>()(
    'ListInstanceProfiles',
    'admin',
    paged,
  ),
  AddRoleToInstanceProfile: iamApi.operation<InstanceProfileRoleRequest, EmptyResult>()(
    'AddRoleToInstanceProfile',
    'admin',
    noResult,
  ),
  RemoveRoleFromInstanceProfile: iamApi.operation<InstanceProfileRoleRequest, EmptyResult>()(
    'RemoveRoleFromInstanceProfile',
    'admin',
    noResult,
  ),
  TagInstanceProfile: iamApi.operation<TagInstanceProfileRequest, EmptyResult>()(
    'TagInstanceProfile',
    'admin',
    noResult,
  ),
  UntagInstanceProfile: iamApi.operation<UntagInstanceProfileRequest, EmptyResult>()(
    'UntagInstanceProfile',
    'admin',
    noResult,
  ),
  ListInstanceProfileTags: iamApi.operation<ListInstanceProfileTagsRequest, ListInstanceProfileTagsResult>()(
    'ListInstanceProfileTags',
    'admin',
    paged,
  ),
} as const;
