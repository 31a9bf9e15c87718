import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AccountTakeoverRiskConfigurationType,
  CompromisedCredentialsRiskConfigurationType,
  RiskExceptionConfigurationType,
} from '@idfed/contracts';

/** One stored risk configuration: a pool's (`clientId` null) or one app client's. */
export interface RiskConfigurationRow {
  poolId: string;
  clientId: string | null;
  compromisedCredentials: CompromisedCredentialsRiskConfigurationType | null;
  accountTakeover: AccountTakeoverRiskConfigurationType | null;
  riskExceptions: RiskExceptionConfigurationType | null;
  updatedAt: Date;
}

interface Row {
  pool_id: string;
  client_id: string | null;
  compromised_credentials: CompromisedCredentialsRiskConfigurationType | null;
  account_takeover: AccountTakeoverRiskConfigurationType | null;
  risk_exceptions: RiskExceptionConfigurationType | null;
  updated_at: Date;
}

const fromRow = (r: Row): RiskConfigurationRow => ({
  poolId: r.pool_id,
  clientId: r.client_id,
  compromisedCredentials: r.compromised_credentials,
  accountTakeover: r.account_takeover,
  riskExceptions: r.risk_exceptions,
  updatedAt: r.updated_at,
});

/** Every query of `user_directory.risk_configurations`. */
@Injectable()
export class RiskConfigurationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Replaces the pool's or the client's configuration whole, in one transaction. */
  async replace(row: RiskConfigurationRow): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (row.clientId === null) {
        await m.query(
          `DELETE FROM user_directory.risk_configurations WHERE pool_id = $1 AND client_id IS NULL`,
          [row.poolId],
        );
      } else {
        await m.query(`DELETE FROM user_directory.risk_configurations WHERE client_id = $1`, [row.clientId]);
      }
      await m.query(
        `INSERT INTO user_directory.risk_configurations
           (pool_id, client_id, compromised_credentials, account_takeover, risk_exceptions, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          row.poolId,
          row.clientId,
          row.compromisedCredentials === null ? null : JSON.stringify(row.compromisedCredentials),
          row.accountTakeover === null ? null : JSON.stringify(row.accountTakeover),
          row.riskExceptions === null ? null : JSON.stringify(row.riskExceptions),
          row.updatedAt,
        ],
      );
    });
  }

  /** Forgets a client's own configuration: the client inherits the pool's again. */
  async removeClient(poolId: string, clientId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM user_directory.risk_configurations WHERE pool_id = $1 AND client_id = $2`,
      [poolId, clientId],
    );
  }

  /** The pool's configuration (`clientId` undefined) or the client's own, if stored. */
  async find(poolId: string, clientId?: string): Promise<RiskConfigurationRow | undefined> {
    const rows = await this.dataSource.query<Row[]>(
      clientId === undefined
        ? `SELECT * FROM user_directory.risk_configurations WHERE pool_id = $1 AND client_id IS NULL`
        : `SELECT * FROM user_directory.risk_configurations WHERE pool_id = $1 AND client_id = $2`,
      clientId === undefined ? [poolId] : [poolId, clientId],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /**
   * The configuration that applies to a client: its own, else the pool's; one statement, one row
   * at most.
   */
  async effective(poolId: string, clientId: string): Promise<RiskConfigurationRow | undefined> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT * FROM user_directory.risk_configurations
        WHERE pool_id = $1 AND (client_id = $2 OR client_id IS NULL)
        ORDER BY client_id NULLS LAST LIMIT 1`,
      [poolId, clientId],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }
}
