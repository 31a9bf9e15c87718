import { Inject, Injectable } from '@nestjs/common';
import { GlobalEndpointTokenVersion } from '@idfed/contracts';
import { DataSource } from 'typeorm';

/** `credential_vending.sts_preferences` (ADR 0093): one row at most; none is AWS's default, v1Token. */
@Injectable()
export class StsPreferencesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async globalEndpointTokenVersion(): Promise<GlobalEndpointTokenVersion> {
    const [r] = await this.dataSource.query<{ global_endpoint_token_version: GlobalEndpointTokenVersion }[]>(
      `SELECT global_endpoint_token_version FROM credential_vending.sts_preferences`,
    );
    return r?.global_endpoint_token_version ?? 'v1Token';
  }

  async setGlobalEndpointTokenVersion(version: GlobalEndpointTokenVersion, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO credential_vending.sts_preferences (singleton, global_endpoint_token_version, updated_at)
       VALUES (true, $1, $2)
       ON CONFLICT (singleton) DO UPDATE SET
         global_endpoint_token_version = EXCLUDED.global_endpoint_token_version,
         updated_at = EXCLUDED.updated_at`,
      [version, now],
    );
  }
}
