import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, SAMLProviderArnRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { SamlProviderLookup } from './saml-provider.lookup';
import { SamlProvidersRepository } from './saml-providers.repository';

/** Deletes a provider: its assertions are refused from then on (STS looks the provider up each time). */
@Injectable()
export class DeleteSAMLProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteSAMLProvider
> {
  constructor(
    @Inject(SamlProvidersRepository) private readonly repository: SamlProvidersRepository,
    @Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup,
  ) {}

  async execute(req: SAMLProviderArnRequest): Promise<EmptyResult> {
    const provider = await this.providers.require(req.SAMLProviderArn);
    await this.repository.delete(provider.arn);
    return {};
  }
}
