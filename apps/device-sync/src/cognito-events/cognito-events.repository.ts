import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** Every query of a pool's Cognito events (`device_sync.cognito_events`). */
@Injectable()
export class CognitoEventsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The pool's events: event type -> function ARN. */
  async ofPool(identityPoolId: string): Promise<Record<string, string>> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT event_type, function_arn FROM device_sync.cognito_events WHERE identity_pool_id = $1
       ORDER BY event_type`,
      [identityPoolId],
    );
    return Object.fromEntries(rows.map((r) => [r.event_type as string, r.function_arn as string]));
  }

  /** The function one event type of the pool names, if any. */
  async functionOf(identityPoolId: string, eventType: string): Promise<string | undefined> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT function_arn FROM device_sync.cognito_events WHERE identity_pool_id = $1 AND event_type = $2`,
      [identityPoolId, eventType],
    );
    return rows[0]?.function_arn as string | undefined;
  }

  async put(identityPoolId: string, eventType: string, functionArn: string, now: Date, tx: Transaction) {
    await tx.query(
      `INSERT INTO device_sync.cognito_events (identity_pool_id, event_type, function_arn, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (identity_pool_id, event_type) DO UPDATE SET function_arn = $3, updated_at = $4`,
      [identityPoolId, eventType, functionArn, now],
    );
  }

  /** A deleted pool's events (its trigger) go with it. */
  async removeAllOfPool(identityPoolId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.cognito_events WHERE identity_pool_id = $1`, [identityPoolId]);
  }

  async remove(identityPoolId: string, eventType: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.cognito_events WHERE identity_pool_id = $1 AND event_type = $2`, [
      identityPoolId,
      eventType,
    ]);
  }
}
