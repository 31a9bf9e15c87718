/** Cognito's user import jobs (CreateUserImportJob and the rest), in the AWS wire shapes. */

export type UserImportJobStatusType =
  'Created' | 'Pending' | 'InProgress' | 'Stopping' | 'Expired' | 'Stopped' | 'Failed' | 'Succeeded';

export type PasswordHashingAlgorithmType = 'BCRYPT' | 'SCRYPT' | 'ARGON2ID' | 'PBKDF2_SHA256';

export interface UserImportJobType {
  JobName?: string;
  JobId?: string;
  UserPoolId?: string;
  PreSignedUrl?: string;
  CreationDate?: number;
  StartDate?: number;
  CompletionDate?: number;
  Status?: UserImportJobStatusType;
  CloudWatchLogsRoleArn?: string;
  ImportedUsers?: number;
  SkippedUsers?: number;
  FailedUsers?: number;
  CompletionMessage?: string;
  PasswordHashingAlgorithm?: PasswordHashingAlgorithmType;
}

export interface CreateUserImportJobRequest {
  JobName: string;
  UserPoolId: string;
  CloudWatchLogsRoleArn: string;
  PasswordHashingAlgorithm?: PasswordHashingAlgorithmType;
}

export interface UserImportJobRequest {
  UserPoolId: string;
  JobId: string;
}

export interface UserImportJobResponse {
  UserImportJob: UserImportJobType;
}

export interface ListUserImportJobsRequest {
  UserPoolId: string;
  MaxResults: number;
  PaginationToken?: string;
}

export interface ListUserImportJobsResponse {
  UserImportJobs?: UserImportJobType[];
  PaginationToken?: string;
}

export interface GetCSVHeaderRequest {
  UserPoolId: string;
}

export interface GetCSVHeaderResponse {
  UserPoolId: string;
  CSVHeader: string[];
}

/**
 * Not a Cognito operation: one part of a CSV file PUT to a job's upload URL (ADR 0045). The gateway
 * cuts the body into parts, sent in order under one `UploadId`; `Token` is the URL's signed token,
 * checked by the user directory on every part.
 */
export interface UploadUserImportCsvRequest {
  UserPoolId: string;
  JobId: string;
  Expires: string;
  Signature: string;
  UploadId: string;
  Part: number;
  Last: boolean;
  /** The part's bytes, base64. */
  Data: string;
}

export type UploadUserImportCsvResult =
  { kind: 'stored'; bytes: number } | { kind: 'refused'; status: 400 | 403; code: string; message: string };
