import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, OpenIDConnectProviderArnRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OidcProviderLookup } from './oidc-provider.lookup';
import { OidcProvidersRepository } from './oidc-providers.repository';

@Injectable()
export class DeleteOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteOpenIDConnectProvider
> {
  constructor(
    @Inject(OidcProvidersRepository) private readonly repository: OidcProvidersRepository,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: OpenIDConnectProviderArnRequest): Promise<EmptyResult> {
    const arn = req.OpenIDConnectProviderArn;
    await this.providers.require(arn);
    await this.repository.delete(arn);
    return {};
  }
}
