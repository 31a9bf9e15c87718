import { queryApi } from '../operations';
import { EmptyResult } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

// IAM service-specific credentials (ADR 0085), with AWS's member names.

export interface CreateServiceSpecificCredentialRequest {
  UserName: string;
  ServiceName: string;
  CredentialAgeDays?: number;
}
/** `ServicePassword` is in the Create and Reset answers only. */
export interface ServiceSpecificCredential {
  CreateDate: string;
  ServiceName: string;
  ServiceUserName?: string;
  ServicePassword?: string;
  ServiceSpecificCredentialId: string;
  UserName: string;
  Status: 'Active' | 'Inactive' | 'Expired';
}
export interface ServiceSpecificCredentialResult {
  ServiceSpecificCredential: ServiceSpecificCredential;
}
export interface ListServiceSpecificCredentialsRequest {
  UserName?: string;
  ServiceName?: string;
  AllUsers?: boolean;
  Marker?: string;
  MaxItems?: number;
}
export interface ListServiceSpecificCredentialsResult {
  ServiceSpecificCredentials: Omit<ServiceSpecificCredential, 'ServicePassword'>[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface ServiceSpecificCredentialIdRequest {
  UserName?: string;
  ServiceSpecificCredentialId: string;
}
export interface UpdateServiceSpecificCredentialRequest extends ServiceSpecificCredentialIdRequest {
  Status: 'Active' | 'Inactive' | 'Expired';
}

/** IAM service-specific credentials (ADR 0085), spread into CredentialVendingOperations. */
export const ServiceCredentialOperations = {
  CreateServiceSpecificCredential: iamApi.operation<
    CreateServiceSpecificCredentialRequest,
    ServiceSpecificCredentialResult
  >()('CreateServiceSpecificCredential', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['CredentialAgeDays'],
  }),
  ListServiceSpecificCredentials: iamApi.operation<
    ListServiceSpecificCredentialsRequest,
    ListServiceSpecificCredentialsResult
  >()('ListServiceSpecificCredentials', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
  ResetServiceSpecificCredential: iamApi.operation<
    ServiceSpecificCredentialIdRequest,
    ServiceSpecificCredentialResult
  >()('ResetServiceSpecificCredential', 'admin', { rateLimit: 'Iam', hasResult: true }),
  UpdateServiceSpecificCredential: iamApi.operation<UpdateServiceSpecificCredentialRequest, EmptyResult>()(
    'UpdateServiceSpecificCredential',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  DeleteServiceSpecificCredential: iamApi.operation<ServiceSpecificCredentialIdRequest, EmptyResult>()(
    'DeleteServiceSpecificCredential',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
} as const;
