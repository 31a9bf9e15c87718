import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LogConfigurationType } from '@idfed/contracts';

/** Every query of `user_directory.log_destinations`. */
@Injectable()
export class LogDeliveryRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async replace(poolId: string, configurations: LogConfigurationType[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO user_directory.log_destinations (pool_id, log_configurations, updated_at)
       VALUES ($1, $2, now())
       ON CONFLICT (pool_id) DO UPDATE
         SET log_configurations = EXCLUDED.log_configurations, updated_at = EXCLUDED.updated_at`,
      [poolId, JSON.stringify(configurations)],
    );
  }

  async find(poolId: string): Promise<LogConfigurationType[] | undefined> {
    const rows = await this.dataSource.query<{ log_configurations: LogConfigurationType[] }[]>(
      `SELECT log_configurations FROM user_directory.log_destinations WHERE pool_id = $1`,
      [poolId],
    );
    return rows[0]?.log_configurations;
  }
}
