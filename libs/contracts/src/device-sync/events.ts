import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Matches, Min } from 'class-validator';

/** Topics of device sync's events, keyed by identity id so one identity's changes stay in order. */
export const DeviceSyncTopics = {
  datasetChanged: 'device-sync.dataset.changed.v1',
} as const;

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
