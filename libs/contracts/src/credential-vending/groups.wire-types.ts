import { AttachedPolicy, User } from './wire-types';

// ---------------------------------------------------------------- IAM: groups (ADR 0046)

export interface IamGroup {
  Path: string;
  GroupName: string;
  GroupId: string;
  Arn: string;
  CreateDate: string;
}
export interface CreateIamGroupRequest {
  Path?: string;
  GroupName: string;
}
export interface CreateIamGroupResult {
  Group: IamGroup;
}
export interface IamGroupNameRequest {
  GroupName: string;
}
export interface GetIamGroupRequest {
  GroupName: string;
  Marker?: string;
  MaxItems?: number;
}
export interface GetIamGroupResult {
  Group: IamGroup;
  Users: User[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface ListIamGroupsRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListIamGroupsResult {
  Groups: IamGroup[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface ListGroupsForUserRequest {
  UserName: string;
  Marker?: string;
  MaxItems?: number;
}
export interface UpdateIamGroupRequest {
  GroupName: string;
  NewPath?: string;
  NewGroupName?: string;
}
export interface GroupMemberRequest {
  GroupName: string;
  UserName: string;
}
export interface PutGroupPolicyRequest {
  GroupName: string;
  PolicyName: string;
  PolicyDocument: string;
}
export interface GroupPolicyRequest {
  GroupName: string;
  PolicyName: string;
}
export interface GetGroupPolicyResult {
  GroupName: string;
  PolicyName: string;
  /** URL-encoded JSON, as IAM returns it. */
  PolicyDocument: string;
}
export interface ListGroupPoliciesRequest {
  GroupName: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListGroupPoliciesResult {
  PolicyNames: string[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface GroupPolicyAttachmentRequest {
  GroupName: string;
  PolicyArn: string;
}
export interface ListAttachedGroupPoliciesRequest {
  GroupName: string;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListAttachedGroupPoliciesResult {
  AttachedPolicies: AttachedPolicy[];
  IsTruncated: boolean;
  Marker?: string;
}
