import { Inject, Injectable } from '@nestjs/common';
import {
  GetIdentityProviderByIdentifierRequest,
  IdentityProviderResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { IdentityProviderViews } from './identity-provider-views';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { ProviderPatterns } from './provider-requests';

/** GetIdentityProviderByIdentifier: the pool's provider one of whose IdpIdentifiers this is. */
@Injectable()
export class GetIdentityProviderByIdentifierUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetIdentityProviderByIdentifier
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(IdentityProviderViews) private readonly views: IdentityProviderViews,
  ) {}

  async execute(req: GetIdentityProviderByIdentifierRequest): Promise<IdentityProviderResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('IdpIdentifier', { required: true, min: 1, max: 40, pattern: ProviderPatterns.identifier })
      .check();
    await this.pools.require(req.UserPoolId);
    const found = await this.providers.findByIdentifier(req.UserPoolId, req.IdpIdentifier);
    if (!found) throw CognitoErrors.providerNotFound();
    return { IdentityProvider: this.views.toType(found) };
  }
}
