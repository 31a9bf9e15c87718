import { queryApi } from '../operations';
import { EmptyResult, ListRoleTagsResult, Tag, User } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

// IAM virtual MFA devices (ADR 0072), with AWS's member names.

export interface CreateVirtualMFADeviceRequest {
  Path?: string;
  VirtualMFADeviceName: string;
  Tags?: Tag[];
}
/**
 * A virtual MFA device. `Base32StringSeed` and `QRCodePNG` are blobs (base64 on the wire) and only
 * in CreateVirtualMFADevice's answer; `User` and `EnableDate` once the device is enabled.
 */
export interface VirtualMFADevice {
  SerialNumber: string;
  Base32StringSeed?: string;
  QRCodePNG?: string;
  User?: User;
  EnableDate?: string;
  Tags?: Tag[];
}
export interface CreateVirtualMFADeviceResult {
  VirtualMFADevice: VirtualMFADevice;
}
/** EnableMFADevice and ResyncMFADevice: two consecutive codes of the device. */
export interface MFADeviceCodesRequest {
  UserName: string;
  SerialNumber: string;
  AuthenticationCode1: string;
  AuthenticationCode2: string;
}
export interface DeactivateMFADeviceRequest {
  UserName?: string;
  SerialNumber: string;
}
export interface SerialNumberRequest {
  SerialNumber: string;
}
export interface ListMFADevicesRequest {
  UserName?: string;
  Marker?: string;
  MaxItems?: number;
}
export interface MFADevice {
  UserName: string;
  SerialNumber: string;
  EnableDate: string;
}
export interface ListMFADevicesResult {
  MFADevices: MFADevice[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface ListVirtualMFADevicesRequest {
  AssignmentStatus?: 'Assigned' | 'Unassigned' | 'Any';
  Marker?: string;
  MaxItems?: number;
}
export interface ListVirtualMFADevicesResult {
  VirtualMFADevices: VirtualMFADevice[];
  IsTruncated: boolean;
  Marker?: string;
}
export interface GetMFADeviceRequest {
  SerialNumber: string;
  UserName?: string;
}
export interface GetMFADeviceResult {
  UserName?: string;
  SerialNumber: string;
  EnableDate?: string;
}
export interface TagMFADeviceRequest {
  SerialNumber: string;
  Tags: Tag[];
}
export interface UntagMFADeviceRequest {
  SerialNumber: string;
  TagKeys: string[];
}
export interface ListMFADeviceTagsRequest {
  SerialNumber: string;
  Marker?: string;
  MaxItems?: number;
}
export type ListMFADeviceTagsResult = ListRoleTagsResult;

/** IAM virtual MFA devices (ADR 0072), spread into CredentialVendingOperations. */
export const MfaDeviceOperations = {
  CreateVirtualMFADevice: iamApi.operation<CreateVirtualMFADeviceRequest, CreateVirtualMFADeviceResult>()(
    'CreateVirtualMFADevice',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  EnableMFADevice: iamApi.operation<MFADeviceCodesRequest, EmptyResult>()('EnableMFADevice', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  ResyncMFADevice: iamApi.operation<MFADeviceCodesRequest, EmptyResult>()('ResyncMFADevice', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  DeactivateMFADevice: iamApi.operation<DeactivateMFADeviceRequest, EmptyResult>()(
    'DeactivateMFADevice',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  DeleteVirtualMFADevice: iamApi.operation<SerialNumberRequest, EmptyResult>()(
    'DeleteVirtualMFADevice',
    'admin',
    { rateLimit: 'Iam', hasResult: false },
  ),
  ListMFADevices: iamApi.operation<ListMFADevicesRequest, ListMFADevicesResult>()('ListMFADevices', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
    integers: ['MaxItems'],
  }),
  ListVirtualMFADevices: iamApi.operation<ListVirtualMFADevicesRequest, ListVirtualMFADevicesResult>()(
    'ListVirtualMFADevices',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
  GetMFADevice: iamApi.operation<GetMFADeviceRequest, GetMFADeviceResult>()('GetMFADevice', 'admin', {
    rateLimit: 'Iam',
    hasResult: true,
  }),
  TagMFADevice: iamApi.operation<TagMFADeviceRequest, EmptyResult>()('TagMFADevice', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  UntagMFADevice: iamApi.operation<UntagMFADeviceRequest, EmptyResult>()('UntagMFADevice', 'admin', {
    rateLimit: 'Iam',
    hasResult: false,
  }),
  ListMFADeviceTags: iamApi.operation<ListMFADeviceTagsRequest, ListMFADeviceTagsResult>()(
    'ListMFADeviceTags',
    'admin',
    { rateLimit: 'Iam', hasResult: true, integers: ['MaxItems'] },
  ),
} as const;
