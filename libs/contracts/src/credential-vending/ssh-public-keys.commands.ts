import { queryApi } from '../operations';
import { EmptyResult } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

// IAM users' SSH public keys (ADR 0085), with AWS's member names.

export interface UploadSSHPublicKeyRequest {
  UserName: string;
  SSHPublicKeyBody: string;
}
export interface SSHPublicKey {
  UserName: string;
  SSHPublicKeyId: string;
  Fingerprint: string;
  SSHPublicKeyBody: string;
  Status: 'Active' | 'Inactive' | 'Expired';
  UploadDate?: string;
}
export interface SSHPublicKeyResult {
  SSHPublicKey: SSHPublicKey;
}
export interface GetSSHPublicKeyRequest {
  UserName: string;
  SSHPublicKeyId: string;
  Encoding: 'SSH' | 'PEM';
}
export interface ListSSHPublicKeysRequest {
  UserName?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListSSHPublicKeysResult {
  SSHPublicKeys: { UserName: string; SSHPublicKeyId: string; Status: string; UploadDate: string }[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface UpdateSSHPublicKeyRequest {
  UserName: string;
  SSHPublicKeyId: string;
  Status: 'Active' | 'Inactive' | 'Expired';
}
export interface DeleteSSHPublicKeyRequest {
  UserName: string;
  SSHPublicKeyId: string;
}

/** IAM SSH public keys (ADR 0085), spread into CredentialVendingOperations. */
export const SshPublicKeyOperations = {
  UploadSSHPublicKey: iamApi.operation<UploadSSHPublicKeyRequest, SSHPublicKeyResult>()(
    'UploadSSHPublicKey',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: true,
    },
  ),
  GetSSHPublicKey: iamApi.operation<GetSSHPublicKeyRequest, SSHPublicKeyResult>()(
    'GetSSHPublicKey',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: true,
    },
  ),
  ListSSHPublicKeys: iamApi.operation<ListSSHPublicKeysRequest, ListSSHPublicKeysResult>()(
    'ListSSHPublicKeys',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  UpdateSSHPublicKey: iamApi.operation<UpdateSSHPublicKeyRequest, EmptyResult>()(
    'UpdateSSHPublicKey',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: false,
    },
  ),
  DeleteSSHPublicKey: iamApi.operation<DeleteSSHPublicKeyRequest, EmptyResult>()(
    'DeleteSSHPublicKey',
    'admin',
    {
      rateLimit: 'Iam',
      hasResult: false,
    },
  ),
} as const;
