import { queryApi } from '../operations';
import { EmptyResult } from './wire-types';
import * as G from './groups.wire-types';

const iamApi = queryApi('credential-vending', 'iam');
const write = { rateLimit: 'Iam', hasResult: false } as const;
const read = { rateLimit: 'Iam', hasResult: true } as const;
const paged = { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] } as const;

/** IAM groups, their members and policies (ADR 0046), spread into CredentialVendingOperations. */
export const GroupOperations = {
  CreateGroup: iamApi.operation<G.CreateIamGroupRequest, G.CreateIamGroupResult>()(
    'CreateGroup',
    'admin',
    read,
  ),
  GetGroup: iamApi.operation<G.GetIamGroupRequest, G.GetIamGroupResult>()('GetGroup', 'admin', paged),
  ListGroups: iamApi.operation<G.ListIamGroupsRequest, G.ListIamGroupsResult>()('ListGroups', 'admin', paged),
  UpdateGroup: iamApi.operation<G.UpdateIamGroupRequest, EmptyResult>()('UpdateGroup', 'admin', write),
  DeleteGroup: iamApi.operation<G.IamGroupNameRequest, EmptyResult>()('DeleteGroup', 'admin', write),
  AddUserToGroup: iamApi.operation<G.GroupMemberRequest, EmptyResult>()('AddUserToGroup', 'admin', write),
  RemoveUserFromGroup: iamApi.operation<G.GroupMemberRequest, EmptyResult>()(
    'RemoveUserFromGroup',
    'admin',
    write,
  ),
  ListGroupsForUser: iamApi.operation<G.ListGroupsForUserRequest, G.ListIamGroupsResult>()(
    'ListGroupsForUser',
    'admin',
    paged,
  ),
  PutGroupPolicy: iamApi.operation<G.PutGroupPolicyRequest, EmptyResult>()('PutGroupPolicy', 'admin', write),
  GetGroupPolicy: iamApi.operation<G.GroupPolicyRequest, G.GetGroupPolicyResult>()(
    'GetGroupPolicy',
    'admin',
    read,
  ),
  DeleteGroupPolicy: iamApi.operation<G.GroupPolicyRequest, EmptyResult>()(
    'DeleteGroupPolicy',
    'admin',
    write,
  ),
  ListGroupPolicies: iamApi.operation<G.ListGroupPoliciesRequest, G.ListGroupPoliciesResult>()(
    'ListGroupPolicies',
    'admin',
    paged,
  ),
  AttachGroupPolicy: iamApi.operation<G.GroupPolicyAttachmentRequest, EmptyResult>()(
    'AttachGroupPolicy',
    'admin',
    write,
  ),
  DetachGroupPolicy: iamApi.operation<G.GroupPolicyAttachmentRequest, EmptyResult>()(
    'DetachGroupPolicy',
    'admin',
    write,
  ),
  ListAttachedGroupPolicies: iamApi.operation<
    G.ListAttachedGroupPoliciesRequest,
    G.ListAttachedGroupPoliciesResult
  >()('ListAttachedGroupPolicies', 'admin', paged),
} as const;
