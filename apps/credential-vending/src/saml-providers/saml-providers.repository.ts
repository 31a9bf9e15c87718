import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SamlProviderEntity, TagRecord } from '../database/entities';

/** A provider as registered: its creation and update times are the database's. */
export type NewSamlProvider = Omit<SamlProviderEntity, 'createdAt' | 'updatedAt'>;

/** What UpdateSAMLProvider may change. */
export type SamlProviderChange = Partial<
  Pick<
    SamlProviderEntity,
    | 'metadataDocument'
    | 'entityId'
    | 'signingCertificates'
    | 'validUntil'
    | 'assertionEncryptionMode'
    | 'privateKeys'
  >
>;

/**
 * Every query of the IAM SAML providers aggregate (`credential_vending.saml_providers`) and of the
 * assertions AssumeRoleWithSAML accepted (`credential_vending.saml_assertions_used`).
 */
@Injectable()
export class SamlProvidersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Registers the provider unless its name (its ARN) is taken; then 'exists' and nothing is written. */
  async insert(p: NewSamlProvider): Promise<'created' | 'exists'> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO credential_vending.saml_providers
         (arn, name, provider_uuid, metadata_document, entity_id, signing_certificates, valid_until, tags,
          assertion_encryption_mode, private_keys)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING arn`,
      [
        p.arn,
        p.name,
        p.providerUuid,
        p.metadataDocument,
        p.entityId,
        JSON.stringify(p.signingCertificates),
        p.validUntil,
        JSON.stringify(p.tags),
        p.assertionEncryptionMode,
        JSON.stringify(p.privateKeys),
      ],
    );
    return inserted.length === 0 ? 'exists' : 'created';
  }

  async findByArn(arn: string): Promise<SamlProviderEntity | undefined> {
    return (await this.dataSource.manager.findOne(SamlProviderEntity, { where: { arn } })) ?? undefined;
  }

  /** Every provider of the account, in ARN order (IAM's list is not paged). */
  list(): Promise<SamlProviderEntity[]> {
    return this.dataSource.manager.find(SamlProviderEntity, { order: { arn: 'ASC' } });
  }

  /**
   * Changes a provider under a row lock: `change` gets it as stored and answers the columns to
   * write (metadata, encryption mode, private keys); an error it throws leaves the row as it was.
   * False when there is no such provider.
   */
  async update(arn: string, change: (provider: SamlProviderEntity) => SamlProviderChange): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const provider = await tx.findOne(SamlProviderEntity, {
        where: { arn },
        lock: { mode: 'pessimistic_write' },
      });
      if (!provider) return false;
      const next = { ...provider, ...change(provider) };
      await tx.query(
        `UPDATE credential_vending.saml_providers
            SET metadata_document = $2, entity_id = $3, signing_certificates = $4, valid_until = $5,
                assertion_encryption_mode = $6, private_keys = $7, updated_at = now()
          WHERE arn = $1`,
        [
          arn,
          next.metadataDocument,
          next.entityId,
          JSON.stringify(next.signingCertificates),
          next.validUntil,
          next.assertionEncryptionMode,
          JSON.stringify(next.privateKeys),
        ],
      );
      return true;
    });
  }

  /**
   * Changes the provider's tags under a row lock: `change` gets the current tags and answers the
   * new ones (or undefined: nothing to write). False when there is no such provider.
   */
  async changeTags(arn: string, change: (tags: TagRecord[]) => TagRecord[] | undefined): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const provider = await tx.findOne(SamlProviderEntity, {
        where: { arn },
        lock: { mode: 'pessimistic_write' },
      });
      if (!provider) return false;
      const tags = change(provider.tags);
      if (tags) {
        await tx.query(
          `UPDATE credential_vending.saml_providers SET tags = $2, updated_at = now() WHERE arn = $1`,
          [arn, JSON.stringify(tags)],
        );
      }
      return true;
    });
  }

  async delete(arn: string): Promise<void> {
    await this.dataSource.manager.delete(SamlProviderEntity, { arn });
  }

  /**
   * Records that an assertion was used, unless it already was: 'replayed' then. The row lives
   * until `expiresAt`; expired rows (a bounded batch) are removed on the way, so the table holds
   * only assertions that could still be presented. `consumer` is who accepts it: `sts` accepts an
   * assertion once; an identity pool (`cognito-identity:<id>`) may see it again until it expires,
   * no one else may.
   */
  async recordAssertion(
    providerArn: string,
    assertionId: string,
    expiresAt: Date,
    consumer = 'sts',
  ): Promise<'recorded' | 'replayed'> {
    await this.dataSource.query(
      `DELETE FROM credential_vending.saml_assertions_used
        WHERE ctid IN (SELECT ctid FROM credential_vending.saml_assertions_used
                        WHERE expires_at < now() LIMIT 100)`,
    );
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO credential_vending.saml_assertions_used (provider_arn, assertion_id, expires_at, consumer)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING assertion_id`,
      [providerArn, assertionId, expiresAt, consumer],
    );
    if (inserted.length > 0) return 'recorded';
    if (consumer === 'sts') return 'replayed';
    const earlier = await this.dataSource.query<{ consumer: string }[]>(
      `SELECT consumer FROM credential_vending.saml_assertions_used
        WHERE provider_arn = $1 AND assertion_id = $2`,
      [providerArn, assertionId],
    );
    return earlier[0]?.consumer === consumer ? 'recorded' : 'replayed';
  }
}
