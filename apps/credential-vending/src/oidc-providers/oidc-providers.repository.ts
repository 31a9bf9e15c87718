import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { OidcProviderEntity } from '../database/entities';

/** A provider as registered: its creation time is the database's. */
export type NewOidcProvider = Omit<OidcProviderEntity, 'createdAt'>;

/** Every query of the IAM OpenID Connect providers aggregate (`credential_vending.oidc_providers`). */
@Injectable()
export class OidcProvidersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Registers the provider unless its URL (or ARN) is taken; then 'exists' and nothing is written. */
  async insert(provider: NewOidcProvider): Promise<'created' | 'exists'> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO credential_vending.oidc_providers (arn, url_key, issuer, client_ids, thumbprints, tags, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT DO NOTHING RETURNING arn`,
      [
        provider.arn,
        provider.urlKey,
        provider.issuer,
        JSON.stringify(provider.clientIds),
        JSON.stringify(provider.thumbprints),
        JSON.stringify(provider.tags),
      ],
    );
    return inserted.length === 0 ? 'exists' : 'created';
  }

  /** The provider of that ARN; `forUpdate` locks its row until commit (client id list changes). */
  async findByArn(
    arn: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<OidcProviderEntity | undefined> {
    const provider = await tx.findOne(OidcProviderEntity, {
      where: { arn },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return provider ?? undefined;
  }

  /** The provider of an issuer without its scheme: STS's lookup of a token's `iss`, one indexed read. */
  async findByUrlKey(urlKey: string): Promise<OidcProviderEntity | undefined> {
    return (await this.dataSource.manager.findOne(OidcProviderEntity, { where: { urlKey } })) ?? undefined;
  }

  /** Every provider of the account, in ARN order (IAM's list is not paged). */
  list(): Promise<OidcProviderEntity[]> {
    return this.dataSource.manager.find(OidcProviderEntity, { order: { arn: 'ASC' } });
  }

  async setTags(arn: string, tags: OidcProviderEntity['tags'], tx: Transaction): Promise<void> {
    await tx.update(OidcProviderEntity, { arn }, { tags });
  }

  async setClientIds(arn: string, clientIds: string[], tx: Transaction): Promise<void> {
    await tx.update(OidcProviderEntity, { arn }, { clientIds });
  }

  async setThumbprints(arn: string, thumbprints: string[], tx: Transaction): Promise<void> {
    await tx.update(OidcProviderEntity, { arn }, { thumbprints });
  }

  async delete(arn: string): Promise<void> {
    await this.dataSource.manager.delete(OidcProviderEntity, { arn });
  }
}
