/**
 * Cognito Sync's request and answer shapes (botocore cognito-sync 2014-06-30), with AWS's member
 * names. Dates are epoch seconds, as the REST-JSON protocol sends timestamps.
 */
export interface IdentityRequest {
  IdentityPoolId: string;
  IdentityId: string;
}

export interface DatasetRequest extends IdentityRequest {
  DatasetName: string;
}

export interface Dataset {
  IdentityId: string;
  DatasetName: string;
  CreationDate: number;
  LastModifiedDate: number;
  LastModifiedBy: string;
  DataStorage: number;
  NumRecords: number;
}

export interface ListDatasetsRequest extends IdentityRequest {
  NextToken?: string;
  MaxResults?: number;
}

export interface ListDatasetsResponse {
  Datasets: Dataset[];
  Count: number;
  NextToken?: string;
}

export interface DatasetResponse {
  Dataset: Dataset;
}

export interface SyncRecord {
  Key: string;
  Value?: string;
  SyncCount: number;
  LastModifiedDate: number;
  LastModifiedBy: string;
  DeviceLastModifiedDate?: number;
}

export interface ListRecordsRequest extends DatasetRequest {
  LastSyncCount?: number;
  NextToken?: string;
  MaxResults?: number;
  SyncSessionToken?: string;
}

export interface ListRecordsResponse {
  Records: SyncRecord[];
  NextToken?: string;
  Count: number;
  DatasetSyncCount: number;
  LastModifiedBy?: string;
  MergedDatasetNames: string[];
  DatasetExists: boolean;
  DatasetDeletedAfterRequestedSyncCount: boolean;
  SyncSessionToken: string;
}

export interface RecordPatch {
  Op: 'replace' | 'remove';
  Key: string;
  Value?: string;
  SyncCount: number;
  DeviceLastModifiedDate?: number;
}

export interface UpdateRecordsRequest extends DatasetRequest {
  DeviceId?: string;
  RecordPatches?: RecordPatch[];
  SyncSessionToken: string;
  ClientContext?: string;
}

export interface UpdateRecordsResponse {
  Records: SyncRecord[];
}

export interface IdentityUsage {
  IdentityId: string;
  IdentityPoolId: string;
  LastModifiedDate?: number;
  DatasetCount: number;
  DataStorage: number;
}

export interface DescribeIdentityUsageResponse {
  IdentityUsage: IdentityUsage;
}

export interface IdentityPoolUsage {
  IdentityPoolId: string;
  SyncSessionsCount: number;
  DataStorage: number;
  LastModifiedDate?: number;
}

export interface DescribeIdentityPoolUsageRequest {
  IdentityPoolId: string;
}

export interface DescribeIdentityPoolUsageResponse {
  IdentityPoolUsage: IdentityPoolUsage;
}

export interface ListIdentityPoolUsageRequest {
  NextToken?: string;
  MaxResults?: number;
}

export interface ListIdentityPoolUsageResponse {
  IdentityPoolUsages: IdentityPoolUsage[];
  MaxResults: number;
  Count: number;
  NextToken?: string;
}

/** Push sync of an identity pool: the SNS platform applications devices register with, and its role. */
export interface PushSync {
  ApplicationArns?: string[];
  RoleArn?: string;
}

export type StreamingStatus = 'ENABLED' | 'DISABLED';

/** Cognito streams of an identity pool: where every dataset change is published, and whether it is. */
export interface CognitoStreams {
  StreamName?: string;
  RoleArn?: string;
  StreamingStatus?: StreamingStatus;
}

export interface IdentityPoolConfigurationRequest {
  IdentityPoolId: string;
}

export interface SetIdentityPoolConfigurationRequest extends IdentityPoolConfigurationRequest {
  PushSync?: PushSync;
  CognitoStreams?: CognitoStreams;
}

export interface IdentityPoolConfiguration {
  IdentityPoolId: string;
  PushSync?: PushSync;
  CognitoStreams?: CognitoStreams;
}

export type Platform = 'APNS' | 'APNS_SANDBOX' | 'GCM' | 'ADM';

export interface RegisterDeviceRequest extends IdentityRequest {
  Platform: Platform;
  Token: string;
}

export interface RegisterDeviceResponse {
  DeviceId: string;
}

export interface DatasetSubscriptionRequest extends DatasetRequest {
  DeviceId: string;
}

export type DatasetSubscriptionResponse = Record<string, never>;

/** Cognito events of a pool: at most one entry, `SyncTrigger` -> the function's ARN. */
export type CognitoEvents = Partial<Record<string, string>>;

export interface SetCognitoEventsRequest {
  IdentityPoolId: string;
  /** An entry with an empty value removes that event's function; other entries are kept. */
  Events: CognitoEvents;
}

export interface GetCognitoEventsRequest {
  IdentityPoolId: string;
}

export interface GetCognitoEventsResponse {
  Events: CognitoEvents;
}

/** The device gateway's question when a socket names a `deviceId` (bus only, not an AWS operation). */
export interface DeviceSubscriptionsQuery {
  identityPoolId: string;
  identityId: string;
  deviceId: string;
}

export interface DeviceSubscriptionsResult {
  /** False for an id no device was registered under: the socket keeps it as a label only. */
  registered: boolean;
  /** The datasets the registered device is subscribed to (SubscribeToDataset). */
  datasets: string[];
}

export interface BulkPublishRequest {
  IdentityPoolId: string;
}

export interface BulkPublishResponse {
  IdentityPoolId: string;
}

export type BulkPublishStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'FAILED' | 'SUCCEEDED';

export interface GetBulkPublishDetailsResponse {
  IdentityPoolId: string;
  BulkPublishStartTime?: number;
  BulkPublishCompleteTime?: number;
  BulkPublishStatus: BulkPublishStatus;
  FailureMessage?: string;
}
