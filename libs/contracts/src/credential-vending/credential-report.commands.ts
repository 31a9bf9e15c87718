import { queryApi } from '../operations';
import { EmptyResult } from './wire-types';

const iamApi = queryApi('credential-vending', 'iam');

// IAM credential reports and the account's STS preferences (ADR 0093), with AWS's member names.

export type ReportStateType = 'STARTED' | 'INPROGRESS' | 'COMPLETE';
export interface GenerateCredentialReportResult {
  State: ReportStateType;
  Description?: string;
}
/** `Content` is a blob: the CSV, base64 on the wire. */
export interface GetCredentialReportResult {
  Content: string;
  ReportFormat: 'text/csv';
  GeneratedTime: string;
}

export type GlobalEndpointTokenVersion = 'v1Token' | 'v2Token';
export interface SetSecurityTokenServicePreferencesRequest {
  GlobalEndpointTokenVersion: GlobalEndpointTokenVersion;
}

/** ADR 0093's operations, spread into CredentialVendingOperations. */
export const CredentialReportOperations = {
  GenerateCredentialReport: iamApi.operation<Record<string, never>, GenerateCredentialReportResult>()(
    'GenerateCredentialReport',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  GetCredentialReport: iamApi.operation<Record<string, never>, GetCredentialReportResult>()(
    'GetCredentialReport',
    'admin',
    { rateLimit: 'Iam', hasResult: true },
  ),
  SetSecurityTokenServicePreferences: iamApi.operation<
    SetSecurityTokenServicePreferencesRequest,
    EmptyResult
  >()('SetSecurityTokenServicePreferences', 'admin', { rateLimit: 'Iam', hasResult: false }),
} as const;
