import { Inject, Injectable } from '@nestjs/common';
import { CustomDomainConfigType } from '@idfed/contracts';
import { isUniqueViolation, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** A user pool's prefix domain, or its custom domain (with the certificate's ARN, ADR 0049). */
export interface UserPoolDomain {
  domain: string;
  poolId: string;
  managedLoginVersion: number;
  customDomainConfig?: CustomDomainConfigType;
  createdAt: Date;
  updatedAt: Date;
}

interface DomainRow {
  domain: string;
  pool_id: string;
  managed_login_version: number;
  custom_domain_config: CustomDomainConfigType | null;
  created_at: Date;
  updated_at: Date;
}

const toDomain = (r: DomainRow): UserPoolDomain => ({
  domain: r.domain,
  poolId: r.pool_id,
  managedLoginVersion: r.managed_login_version,
  ...(r.custom_domain_config ? { customDomainConfig: r.custom_domain_config } : {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every query of the user pool domains (`user_directory.user_pool_domains`). */
@Injectable()
export class UserPoolDomainsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * The domain's row, or why not: a domain is unique among all pools, a pool has one prefix domain
   * and one custom domain at most (ADR 0060).
   */
  async insert(d: UserPoolDomain, tx: Transaction): Promise<'created' | 'domain-taken' | 'pool-has-domain'> {
    try {
      await tx.query(
        `INSERT INTO user_directory.user_pool_domains
           (domain, pool_id, managed_login_version, custom_domain_config, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          d.domain,
          d.poolId,
          d.managedLoginVersion,
          d.customDomainConfig ? JSON.stringify(d.customDomainConfig) : null,
          d.createdAt,
          d.updatedAt,
        ],
      );
      return 'created';
    } catch (err) {
      if (isUniqueViolation(err, 'user_pool_domains_pkey')) return 'domain-taken';
      if (isUniqueViolation(err, 'user_pool_domains_pool_kind_key')) return 'pool-has-domain';
      throw err;
    }
  }

  async find(domain: string, tx: Transaction = this.dataSource.manager): Promise<UserPoolDomain | undefined> {
    const rows = await tx.query<DomainRow[]>(
      `SELECT domain, pool_id, managed_login_version, custom_domain_config, created_at, updated_at
         FROM user_directory.user_pool_domains WHERE domain = $1`,
      [domain],
    );
    return rows[0] && toDomain(rows[0]);
  }

  /** The pool's domains: its prefix domain and its custom domain, each when it has one. */
  async domainsOfPool(poolId: string): Promise<{ prefix?: UserPoolDomain; custom?: UserPoolDomain }> {
    const rows = await this.dataSource.query<DomainRow[]>(
      `SELECT domain, pool_id, managed_login_version, custom_domain_config, created_at, updated_at
         FROM user_directory.user_pool_domains WHERE pool_id = $1`,
      [poolId],
    );
    const domains = rows.map(toDomain);
    const prefix = domains.find((d) => !d.customDomainConfig);
    const custom = domains.find((d) => d.customDomainConfig);
    return { ...(prefix ? { prefix } : {}), ...(custom ? { custom } : {}) };
  }

  /**
   * The new settings of the pool's domain; undefined when the pool has no such domain. A custom
   * domain's configuration is replaced when `customDomainConfig` is given, else kept.
   */
  async update(
    domain: string,
    poolId: string,
    managedLoginVersion: number,
    customDomainConfig: CustomDomainConfigType | undefined,
    at: Date,
    tx: Transaction,
  ): Promise<UserPoolDomain | undefined> {
    const [rows] = await tx.query<[DomainRow[], number]>(
      `UPDATE user_directory.user_pool_domains SET managed_login_version = $3, updated_at = $4,
              custom_domain_config = COALESCE($5::jsonb, custom_domain_config)
        WHERE domain = $1 AND pool_id = $2
        RETURNING domain, pool_id, managed_login_version, custom_domain_config, created_at, updated_at`,
      [
        domain,
        poolId,
        managedLoginVersion,
        at,
        customDomainConfig ? JSON.stringify(customDomainConfig) : null,
      ],
    );
    return rows[0] && toDomain(rows[0]);
  }

  /** Whether the pool had the domain (and now has not). */
  async delete(domain: string, poolId: string, tx: Transaction): Promise<boolean> {
    const [, count] = await tx.query<[unknown[], number]>(
      `DELETE FROM user_directory.user_pool_domains WHERE domain = $1 AND pool_id = $2`,
      [domain, poolId],
    );
    return count > 0;
  }
}
