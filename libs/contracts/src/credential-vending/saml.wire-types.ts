import type { AssumedRoleUser, Credentials, PolicyDescriptor, Tag } from './wire-types';

/**
 * IAM SAML providers (2010-05-08) and STS AssumeRoleWithSAML (2011-06-15), as botocore's
 * service-2.json names their members; conventions as in wire-types.ts (timestamps ISO 8601 UTC
 * strings, lists as arrays).
 */

export type AssertionEncryptionModeType = 'Required' | 'Allowed';
export interface SAMLPrivateKey {
  KeyId: string;
  Timestamp: string;
}

export interface CreateSAMLProviderRequest {
  SAMLMetadataDocument: string;
  Name: string;
  Tags?: Tag[];
  AssertionEncryptionMode?: AssertionEncryptionModeType;
  AddPrivateKey?: string;
}
export interface CreateSAMLProviderResult {
  SAMLProviderArn: string;
  Tags?: Tag[];
}
export interface SAMLProviderArnRequest {
  SAMLProviderArn: string;
}
export interface GetSAMLProviderResult {
  SAMLProviderUUID: string;
  SAMLMetadataDocument: string;
  CreateDate: string;
  ValidUntil: string;
  Tags?: Tag[];
  AssertionEncryptionMode?: AssertionEncryptionModeType;
  PrivateKeyList?: SAMLPrivateKey[];
}
export interface SAMLProviderListEntry {
  Arn: string;
  ValidUntil: string;
  CreateDate: string;
}
export interface ListSAMLProvidersResult {
  SAMLProviderList: SAMLProviderListEntry[];
}
export interface UpdateSAMLProviderRequest {
  SAMLProviderArn: string;
  SAMLMetadataDocument?: string;
  AssertionEncryptionMode?: AssertionEncryptionModeType;
  AddPrivateKey?: string;
  RemovePrivateKey?: string;
}
export interface TagSAMLProviderRequest {
  SAMLProviderArn: string;
  Tags: Tag[];
}
export interface UntagSAMLProviderRequest {
  SAMLProviderArn: string;
  TagKeys: string[];
}
export interface ListSAMLProviderTagsRequest {
  SAMLProviderArn: string;
  Marker?: string;
  MaxItems?: number;
}
export interface ListSAMLProviderTagsResult {
  Tags: Tag[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface UpdateSAMLProviderResult {
  SAMLProviderArn: string;
}

export interface AssumeRoleWithSAMLRequest {
  RoleArn: string;
  PrincipalArn: string;
  /** The base64 SAML Response as the IdP posted it. */
  SAMLAssertion: string;
  PolicyArns?: PolicyDescriptor[];
  Policy?: string;
  DurationSeconds?: number;
}
export interface AssumeRoleWithSAMLResult {
  Credentials: Credentials;
  AssumedRoleUser: AssumedRoleUser;
  PackedPolicySize?: number;
  /** The NameID. */
  Subject: string;
  /** `persistent`, `transient`, or the NameID's Format URI when it is another one. */
  SubjectType: string;
  Issuer: string;
  /** The SubjectConfirmationData's Recipient. */
  Audience: string;
  /** Base64(SHA-1(Issuer + account id + "/" + provider name)), as STS computes it. */
  NameQualifier: string;
}
