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

/**
 * Not a Cognito operation: a job's log (ADR 0070), where Cognito writes to CloudWatch Logs (log
 * group `/aws/cognito/userpools/<pool id>/<pool name>`, stream `<job id>/<job name>`, one line per
 * row by line number, no values). idfed keeps the rows not imported, and answers them in that
 * group and stream, shaped like CloudWatch Logs' GetLogEvents answer. `NextToken` pages on.
 */
export interface GetUserImportJobLogRequest {
  UserPoolId: string;
  JobId: string;
  Limit?: number;
  NextToken?: string;
}

export interface UserImportLogEvent {
  /** When the row was done, in milliseconds since the epoch (as CloudWatch Logs' events). */
  timestamp: number;
  /** Cognito's line: `[SKIPPED] Line Number 4 - The user already exists.` */
  message: string;
}

export interface GetUserImportJobLogResult {
  logGroupName: string;
  logStreamName: string;
  events: UserImportLogEvent[];
  nextToken?: string;
}
