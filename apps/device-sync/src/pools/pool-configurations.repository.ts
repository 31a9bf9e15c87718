import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

export type StreamingStatus = 'ENABLED' | 'DISABLED';

/** Push sync of a pool: the platform application ARNs devices may register for, and the role. */
export interface PushSyncSettings {
  applicationArns: string[];
  roleArn?: string;
}

/** Cognito streams of a pool: the stream every dataset change goes to, its role, and whether on. */
export interface StreamSettings {
  streamName?: string;
  roleArn?: string;
  streamingStatus: StreamingStatus;
}

/** A pool's stored configuration; a section never set is absent. */
export interface PoolConfiguration {
  identityPoolId: string;
  pushSync?: PushSyncSettings;
  cognitoStreams?: StreamSettings;
}

/** What one SetIdentityPoolConfiguration changes: a section given replaces that section. */
export interface PoolConfigurationChange {
  pushSync?: PushSyncSettings;
  cognitoStreams?: StreamSettings;
}

const COLUMNS = `identity_pool_id, push_application_arns, push_role_arn, stream_name, stream_role_arn, streaming_status`;

/**
 * Every query of `device_sync.pool_configurations`. A change is one upsert that replaces only the
 * sections it carries, so two calls setting different sections at once both keep theirs.
 */
@Injectable()
export class PoolConfigurationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(
    identityPoolId: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<PoolConfiguration | undefined> {
    const rows: Raw[] = await tx.query(
      `SELECT ${COLUMNS} FROM device_sync.pool_configurations WHERE identity_pool_id = $1`,
      [identityPoolId],
    );
    return rows[0] ? configurationFromRow(rows[0]) : undefined;
  }

  /** Applies `change` to the pool's configuration (creating it) and returns the result. */
  async apply(
    identityPoolId: string,
    change: PoolConfigurationChange,
    now: Date,
    tx: Transaction = this.dataSource.manager,
  ): Promise<PoolConfiguration> {
    const push = change.pushSync;
    const streams = change.cognitoStreams;
    const rows: Raw[] = await tx.query(
      `INSERT INTO device_sync.pool_configurations AS c
         (identity_pool_id, push_application_arns, push_role_arn, stream_name, stream_role_arn,
          streaming_status, created_at, updated_at)
       VALUES ($1, $3, $4, $6, $7, $8, $9, $9)
       ON CONFLICT (identity_pool_id) DO UPDATE SET
         push_application_arns = CASE WHEN $2 THEN EXCLUDED.push_application_arns ELSE c.push_application_arns END,
         push_role_arn = CASE WHEN $2 THEN EXCLUDED.push_role_arn ELSE c.push_role_arn END,
         stream_name = CASE WHEN $5 THEN EXCLUDED.stream_name ELSE c.stream_name END,
         stream_role_arn = CASE WHEN $5 THEN EXCLUDED.stream_role_arn ELSE c.stream_role_arn END,
         streaming_status = CASE WHEN $5 THEN EXCLUDED.streaming_status ELSE c.streaming_status END,
         updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}`,
      [
        identityPoolId,
        push !== undefined,
        push ? push.applicationArns : null,
        push?.roleArn ?? null,
        streams !== undefined,
        streams?.streamName ?? null,
        streams?.roleArn ?? null,
        streams ? streams.streamingStatus : null,
        now,
      ],
    );
    return configurationFromRow(rows[0]);
  }

  /** Forgets a pool's configuration (the pool was deleted). */
  async delete(identityPoolId: string, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.query(`DELETE FROM device_sync.pool_configurations WHERE identity_pool_id = $1`, [
      identityPoolId,
    ]);
  }
}

function configurationFromRow(r: Raw): PoolConfiguration {
  const configuration: PoolConfiguration = { identityPoolId: r.identity_pool_id as string };
  if (r.push_application_arns !== null) {
    configuration.pushSync = {
      applicationArns: r.push_application_arns as string[],
      ...(r.push_role_arn !== null ? { roleArn: r.push_role_arn as string } : {}),
    };
  }
  if (r.streaming_status !== null) {
    configuration.cognitoStreams = {
      ...(r.stream_name !== null ? { streamName: r.stream_name as string } : {}),
      ...(r.stream_role_arn !== null ? { roleArn: r.stream_role_arn as string } : {}),
      streamingStatus: r.streaming_status as StreamingStatus,
    };
  }
  return configuration;
}
