import { Inject, Injectable } from '@nestjs/common';
import {
  IdentityProviderResponse,
  UpdateIdentityProviderRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { checkAttributeMapping } from './attribute-mapping';
import { IdentityProviderViews } from './identity-provider-views';
import { IdentityProviderChanges, IdentityProvidersRepository } from './identity-providers.repository';
import { checkProviderDetails } from './provider-details';
import { ProviderDocuments } from './provider-documents';
import { checkIdentifiers, providerMembers, providerNameRequest } from './provider-requests';

/**
 * UpdateIdentityProvider: replaces the members the request gives. New ProviderDetails replace the
 * old ones, except that a request leaving client_secret or private_key out keeps the stored one
 * (Describe never shows private_key, so a caller could not send it back).
 */
@Injectable()
export class UpdateIdentityProviderUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateIdentityProvider
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(IdentityProviderViews) private readonly views: IdentityProviderViews,
    @Inject(ProviderDocuments) private readonly documents: ProviderDocuments,
  ) {}

  async execute(req: UpdateIdentityProviderRequest): Promise<IdentityProviderResponse> {
    providerMembers(providerNameRequest(req), false).check();
    const { UserPoolId: poolId, ProviderName: name } = req;
    const identifiers = req.IdpIdentifiers == null ? undefined : checkIdentifiers(req.IdpIdentifiers);
    const pool = await this.pools.require(poolId);
    const current = await this.views.require(poolId, name);
    const type = current.provider.type;
    const changes: IdentityProviderChanges = { updatedAt: new Date() };
    if (req.ProviderDetails != null) {
      const kept = this.views.open(poolId, name, current.provider.secretsEnc);
      const checked = checkProviderDetails(type, req.ProviderDetails, kept);
      const details = checked.details;
      const secrets = await this.views.withSamlEncryption(poolId, type, details, checked.secrets);
      if (type === 'SAML') changes.samlMetadata = await this.documents.samlMetadata(details);
      if (type === 'OIDC') await this.documents.checkOidcIssuer(details);
      changes.details = details;
      changes.secretsEnc = this.views.seal(poolId, name, secrets);
    }
    if (req.AttributeMapping != null) {
      changes.attributeMapping = checkAttributeMapping(pool.config, type, req.AttributeMapping);
    }
    const updated = await this.transactions.run(async (tx) => {
      await this.pools.require(poolId, tx, true);
      const locked = await this.views.require(poolId, name, tx, true);
      if (identifiers !== undefined) {
        const [taken] = await this.providers.identifiersTaken(poolId, identifiers, name, tx);
        if (taken !== undefined) throw CognitoErrors.identifierTaken(taken, 'InvalidParameterException');
      }
      await this.providers.update(poolId, name, changes, identifiers, tx);
      return {
        provider: { ...locked.provider, ...changes },
        identifiers: identifiers ?? locked.identifiers,
      };
    });
    return { IdentityProvider: this.views.toType(updated) };
  }
}
