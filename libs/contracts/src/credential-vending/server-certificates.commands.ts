import { queryApi } from '../operations';
import { EmptyResult, ListRoleTagsResult, Tag } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

// IAM server certificates (ADR 0085), with AWS's member names.

export interface UploadServerCertificateRequest {
  Path?: string;
  ServerCertificateName: string;
  CertificateBody: string;
  /** Sealed at rest, never answered or logged. */
  PrivateKey: string;
  CertificateChain?: string;
  Tags?: Tag[];
}
export interface ServerCertificateMetadata {
  Path: string;
  ServerCertificateName: string;
  ServerCertificateId: string;
  Arn: string;
  UploadDate?: string;
  Expiration?: string;
}
export interface UploadServerCertificateResult {
  ServerCertificateMetadata: ServerCertificateMetadata;
  Tags?: Tag[];
}
export interface ServerCertificateNameRequest {
  ServerCertificateName: string;
}
/** GetServerCertificate's answer: the certificate and its chain, never the private key. */
export interface GetServerCertificateResult {
  ServerCertificate: {
    ServerCertificateMetadata: ServerCertificateMetadata;
    CertificateBody: string;
    CertificateChain?: string;
    Tags?: Tag[];
  };
}
export interface ListServerCertificatesRequest {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListServerCertificatesResult {
  ServerCertificateMetadataList: ServerCertificateMetadata[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface UpdateServerCertificateRequest {
  ServerCertificateName: string;
  NewPath?: string;
  NewServerCertificateName?: string;
}
export interface TagServerCertificateRequest {
  ServerCertificateName: string;
  Tags: Tag[];
}
export interface UntagServerCertificateRequest {
  ServerCertificateName: string;
  TagKeys: string[];
}
export interface ListServerCertificateTagsRequest {
  ServerCertificateName: string;
  Marker?: string;
  MaxItems?: number;
}
export type ListServerCertificateTagsResult = ListRoleTagsResult;

const withResult = { rateLimit: 'Iam', hasResult: true } as const;
const noResult = { rateLimit: 'Iam', hasResult: false } as const;
const paged = { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] } as const;

/** IAM server certificates (ADR 0085), spread into CredentialVendingOperations. */
export const ServerCertificateOperations = {
  UploadServerCertificate: iamApi.operation<UploadServerCertificateRequest, UploadServerCertificateResult>()(
    'UploadServerCertificate',
    'admin',
    withResult,
  ),
  GetServerCertificate: iamApi.operation<ServerCertificateNameRequest, GetServerCertificateResult>()(
    'GetServerCertificate',
    'admin',
    withResult,
  ),
  ListServerCertificates: iamApi.operation<ListServerCertificatesRequest, ListServerCertificatesResult>()(
    'ListServerCertificates',
    'admin',
    paged,
  ),
  UpdateServerCertificate: iamApi.operation<UpdateServerCertificateRequest, EmptyResult>()(
    'UpdateServerCertificate',
    'admin',
    noResult,
  ),
  DeleteServerCertificate: iamApi.operation<ServerCertificateNameRequest, EmptyResult>()(
    'DeleteServerCertificate',
    'admin',
    noResult,
  ),
  TagServerCertificate: iamApi.operation<TagServerCertificateRequest, EmptyResult>()(
    'TagServerCertificate',
    'admin',
    noResult,
  ),
  UntagServerCertificate: iamApi.operation<UntagServerCertificateRequest, EmptyResult>()(
    'UntagServerCertificate',
    'admin',
    noResult,
  ),
  ListServerCertificateTags: iamApi.operation<
    ListServerCertificateTagsRequest,
    ListServerCertificateTagsResult
  >()('ListServerCertificateTags', 'admin', paged),
} as const;
