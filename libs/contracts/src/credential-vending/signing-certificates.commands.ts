import { queryApi } from '../operations';
import { EmptyResult } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

// IAM users' X.509 signing certificates (ADR 0085), with AWS's member names.

export interface UploadSigningCertificateRequest {
  UserName?: string;
  CertificateBody: string;
}
export interface SigningCertificate {
  UserName: string;
  CertificateId: string;
  CertificateBody: string;
  Status: 'Active' | 'Inactive';
  UploadDate?: string;
}
export interface UploadSigningCertificateResult {
  Certificate: SigningCertificate;
}
export interface ListSigningCertificatesRequest {
  UserName?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListSigningCertificatesResult {
  Certificates: SigningCertificate[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface UpdateSigningCertificateRequest {
  UserName?: string;
  CertificateId: string;
  Status: 'Active' | 'Inactive';
}
export interface DeleteSigningCertificateRequest {
  UserName?: string;
  CertificateId: string;
}

/** IAM signing certificates (ADR 0085), spread into CredentialVendingOperations. */
export const SigningCertificateOperations = {
  UploadSigningCertificate: iamApi.operation<
    UploadSigningCertificateRequest,
    UploadSigningCertificateResult
  >()('UploadSigningCertificate', 'admin', { rateLimit: 'Iam', hasResult: true }),
  ListSigningCertificates: iamApi.operation<ListSigningCertificatesRequest, ListSigningCertificatesResult>()(
    'ListSigningCertificates',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  UpdateSigningCertificate: iamApi.operation<UpdateSigningCertificateRequest, EmptyResult>()(
    'UpdateSigningCertificate',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  DeleteSigningCertificate: iamApi.operation<DeleteSigningCertificateRequest, EmptyResult>()(
    'DeleteSigningCertificate',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
} as const;
