import { Inject, Injectable } from '@nestjs/common';
import { IdentityProviderType } from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { newSamlKeyPair } from '../saml/saml-keys';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { IdentityProvidersRepository, StoredIdentityProvider } from './identity-providers.repository';
import { ProviderSecrets, providerDetailsAnswer } from './provider-details';

/** What the identity provider operations share: loading one, its sealed secrets, and its answer. */
@Injectable()
export class IdentityProviderViews {
  constructor(
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(KeyEncryption) private readonly encryption: KeyEncryption,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: UserDirectoryConfig,
  ) {}

  /** The provider, or Cognito's ResourceNotFoundException. */
  async require(
    poolId: string,
    name: string,
    tx?: Transaction,
    lock = false,
  ): Promise<StoredIdentityProvider> {
    const found = await this.providers.find(poolId, name, tx, lock);
    if (!found) throw CognitoErrors.providerNotFound();
    return found;
  }

  /**
   * A SAML provider with `EncryptedResponses` `true` gets an encryption key pair the first time (ADR
   * 0059); one it has is kept, also while encryption is off, so turning it back on changes nothing
   * the IdP was given.
   */
  async withSamlEncryption(
    poolId: string,
    type: string,
    details: Record<string, string>,
    secrets: ProviderSecrets,
  ): Promise<ProviderSecrets> {
    if (type !== 'SAML' || details.EncryptedResponses !== 'true' || secrets.samlEncryption) return secrets;
    return { ...secrets, samlEncryption: await newSamlKeyPair(`urn:amazon:cognito:sp:${poolId}`) };
  }

  /** The secrets' seal is bound to the pool and provider name: a copied ciphertext does not open. */
  seal(poolId: string, name: string, secrets: ProviderSecrets): Buffer | null {
    if (Object.keys(secrets).length === 0) return null;
    return this.encryption.seal(Buffer.from(JSON.stringify(secrets)), `identity-provider:${poolId}/${name}`);
  }

  open(poolId: string, name: string, sealed: Buffer | null): ProviderSecrets {
    if (!sealed) return {};
    const plain = this.encryption.open(sealed, `identity-provider:${poolId}/${name}`);
    return JSON.parse(plain.toString('utf8')) as ProviderSecrets;
  }

  toType({ provider, identifiers }: StoredIdentityProvider): IdentityProviderType {
    const secrets = this.open(provider.poolId, provider.name, provider.secretsEnc);
    return {
      UserPoolId: provider.poolId,
      ProviderName: provider.name,
      ProviderType: provider.type,
      ProviderDetails: providerDetailsAnswer(
        provider.type,
        provider.details,
        secrets,
        this.config.providerEndpoints,
        provider.samlMetadata ?? undefined,
      ),
      AttributeMapping: provider.attributeMapping,
      IdpIdentifiers: identifiers,
      LastModifiedDate: provider.updatedAt.getTime() / 1000,
      CreationDate: provider.createdAt.getTime() / 1000,
    };
  }
}
