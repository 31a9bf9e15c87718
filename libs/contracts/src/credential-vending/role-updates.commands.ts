import { queryApi } from '../operations';
import { EmptyResult, RoleResult } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

export interface PutRolePermissionsBoundaryRequest {
  RoleName: string;
  PermissionsBoundary: string;
}
export interface DeleteRolePermissionsBoundaryRequest {
  RoleName: string;
}
export interface UpdateRoleDescriptionRequest {
  RoleName: string;
  Description: string;
}
export interface UpdateOpenIDConnectProviderThumbprintRequest {
  OpenIDConnectProviderArn: string;
  ThumbprintList: string[];
}

/** Roles' permissions boundaries and the remaining role / OIDC provider updates (issue 13). */
export const RoleUpdateOperations = {
  PutRolePermissionsBoundary: iamApi.operation<PutRolePermissionsBoundaryRequest, EmptyResult>()(
    'PutRolePermissionsBoundary',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  DeleteRolePermissionsBoundary: iamApi.operation<DeleteRolePermissionsBoundaryRequest, EmptyResult>()(
    'DeleteRolePermissionsBoundary',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  UpdateRoleDescription: iamApi.operation<UpdateRoleDescriptionRequest, RoleResult>()(
    'UpdateRoleDescription',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  UpdateOpenIDConnectProviderThumbprint: iamApi.operation<
    UpdateOpenIDConnectProviderThumbprintRequest,
    EmptyResult
  >()('UpdateOpenIDConnectProviderThumbprint', 'admin', { rateLimit: 'Iam', hasResult: false }),
} as const;
