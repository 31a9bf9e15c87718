import { Inject, Injectable } from '@nestjs/common';
import { IdentityProviderNameRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { providerNameRequest } from './provider-requests';

/**
 * DeleteIdentityProvider: the provider and its identifiers. Its federated users stay, as in
 * Cognito; they cannot sign in through it any more.
 */
@Injectable()
export class DeleteIdentityProviderUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteIdentityProvider
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
  ) {}

  async execute(req: IdentityProviderNameRequest): Promise<Record<string, never>> {
    providerNameRequest(req).check();
    await this.pools.require(req.UserPoolId);
    if (!(await this.providers.delete(req.UserPoolId, req.ProviderName)))
      throw CognitoErrors.providerNotFound();
    return {};
  }
}
