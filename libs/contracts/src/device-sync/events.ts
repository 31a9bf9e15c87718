import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Matches, Min } from 'class-validator';

/** Topics of device sync's events, keyed by identity id so one identity's changes stay in order. */
export const DeviceSyncTopics = {
  datasetChanged: 'device-sync.dataset.changed.v1',
  deviceSubscriptionChanged: 'device-sync.device-subscription.changed.v1',
  /** Cognito streams: one topic per configured StreamName (the self-hosted Kinesis stream). */
  cognitoStream: 'device-sync.stream.<StreamName>',
} as const;

/**
 * The Kafka topic of a pool's Cognito stream: `device-sync.stream.<StreamName>`, where a character
 * Kafka does not allow in a topic name (anything but letters, digits, `.`, `_`, `-`) becomes `_`.
 * Kinesis stream names are made of those characters already.
 */
export function streamTopicFor(streamName: string): string {
  return DeviceSyncTopics.cognitoStream.replace('<StreamName>', streamName.replace(/[^a-zA-Z0-9._-]/g, '_'));
}

/** One record of a dataset as Cognito streams carry it (`kinesisSyncRecords`); dates in epoch ms. */
export interface CognitoStreamSyncRecord {
  key: string;
  value?: string;
  syncCount: number;
  lastModifiedDate: number;
  deviceLastModifiedDate?: number;
  lastModifiedBy: string;
  op: 'replace' | 'remove';
}

/**
 * What Cognito streams write for one synchronization, as the record Amazon Cognito puts on the
 * pool's Kinesis stream: the dataset (`operation` remove when it was deleted), the records that
 * changed, inline (`payloadType` is always `Inline`: idfed has no S3 to point at).
 */
export interface CognitoStreamRecord {
  identityPoolId: string;
  identityId: string;
  dataSetName: string;
  operation: 'replace' | 'remove';
  kinesisSyncRecords: CognitoStreamSyncRecord[];
  lastModifiedDate: number;
  payloadType: 'Inline';
  syncCount: number;
}

const IDENTITY_ID = /^[\w-]+:[0-9a-f-]+$/;

/**
 * A dataset of an identity changed: UpdateRecords was accepted (its sync count rose to `syncCount`)
 * or the dataset was deleted. Published through the outbox after the change commits. The device
 * gateway turns it into Cognito's SyncTrigger push (`source`, `type`, `identityPoolId`,
 * `identityId`, `datasetName`, `syncCount`) for the identity's connected sockets; it never carries
 * record keys or values.
 */
export class DatasetChangedEvent {
  @Matches(IDENTITY_ID)
  identityPoolId!: string;

  @Matches(IDENTITY_ID)
  identityId!: string;

  @Matches(/^[a-zA-Z0-9_.:-]{1,128}$/)
  datasetName!: string;

  @IsInt()
  @Min(0)
  syncCount!: number;

  /** True when the dataset itself was deleted (DeleteDataset, identity or pool deleted). */
  @IsBoolean()
  deleted!: boolean;

  /** The device that made the change (UpdateRecords' DeviceId), so it need not be told. */
  @IsOptional()
  @IsString()
  deviceId?: string;

  @IsISO8601()
  occurredAt!: string;
}

/**
 * A registered device was subscribed to a dataset or unsubscribed from it (SubscribeToDataset,
 * UnsubscribeFromDataset), published through the outbox after the change commits, so the device
 * gateway changes what that device's open sockets are told without waiting for them to reconnect.
 */
export class DeviceSubscriptionChangedEvent {
  @Matches(IDENTITY_ID)
  identityPoolId!: string;

  @Matches(IDENTITY_ID)
  identityId!: string;

  @IsString()
  deviceId!: string;

  @Matches(/^[a-zA-Z0-9_.:-]{1,128}$/)
  datasetName!: string;

  @IsBoolean()
  subscribed!: boolean;

  @IsISO8601()
  occurredAt!: string;
}
