import { Inject, Injectable } from '@nestjs/common';
import {
  CreateIdentityProviderRequest,
  IdentityProviderResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { IdentityProviderEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { checkAttributeMapping } from './attribute-mapping';
import { IdentityProviderViews } from './identity-provider-views';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { checkProviderDetails, SOCIAL_TYPES } from './provider-details';
import { ProviderDocuments } from './provider-documents';
import {
  checkIdentifiers,
  checkProviderName,
  MAX_PROVIDERS_PER_POOL,
  PROVIDER_TYPES,
  providerMembers,
  ProviderPatterns,
} from './provider-requests';

/**
 * CreateIdentityProvider: checks the details for the type (an OIDC issuer's discovery, a SAML
 * provider's metadata) before anything is written, then writes the provider and its identifiers in
 * one transaction under the pool's row lock, so names, identifiers and the quota hold under races.
 */
@Injectable()
export class CreateIdentityProviderUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CreateIdentityProvider
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(IdentityProviderViews) private readonly views: IdentityProviderViews,
    @Inject(ProviderDocuments) private readonly documents: ProviderDocuments,
  ) {}

  async execute(req: CreateIdentityProviderRequest): Promise<IdentityProviderResponse> {
    providerMembers(
      RequestValidator.of(req)
        .string('UserPoolId', Members.userPoolId)
        .string('ProviderName', { required: true, min: 1, max: 32, pattern: ProviderPatterns.newName })
        .oneOf('ProviderType', PROVIDER_TYPES, true),
      true,
    ).check();
    const { UserPoolId: poolId, ProviderName: name, ProviderType: type } = req;
    checkProviderName(type, name, SOCIAL_TYPES);
    const identifiers = checkIdentifiers(req.IdpIdentifiers);
    const { details, secrets: given } = checkProviderDetails(type, req.ProviderDetails);
    const pool = await this.pools.require(poolId);
    const attributeMapping = checkAttributeMapping(pool.config, type, req.AttributeMapping);
    // Read from the provider before the transaction: no row is locked while idfed waits for it.
    const samlMetadata = type === 'SAML' ? await this.documents.samlMetadata(details) : null;
    if (type === 'OIDC') await this.documents.checkOidcIssuer(details);
    const secrets = await this.views.withSamlEncryption(poolId, type, details, given);
    const now = new Date();
    const provider: IdentityProviderEntity = {
      poolId,
      name,
      type,
      details,
      secretsEnc: this.views.seal(poolId, name, secrets),
      attributeMapping,
      samlMetadata,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      await this.pools.require(poolId, tx, true);
      if (await this.providers.find(poolId, name, tx)) throw CognitoErrors.providerExists(name);
      if ((await this.providers.count(poolId, tx)) >= MAX_PROVIDERS_PER_POOL) {
        throw new ServiceError(
          'LimitExceededException',
          `The user pool has ${MAX_PROVIDERS_PER_POOL} identity providers, the most it may have.`,
        );
      }
      const [taken] = await this.providers.identifiersTaken(poolId, identifiers, undefined, tx);
      if (taken !== undefined) throw CognitoErrors.identifierTaken(taken, 'DuplicateProviderException');
      await this.providers.insert(provider, identifiers, tx);
    });
    return { IdentityProvider: this.views.toType({ provider, identifiers }) };
  }
}
