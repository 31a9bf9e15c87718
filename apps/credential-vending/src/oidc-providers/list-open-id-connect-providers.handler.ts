import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListOpenIDConnectProvidersResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OidcProvidersRepository } from './oidc-providers.repository';

@Injectable()
export class ListOpenIDConnectProvidersHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListOpenIDConnectProviders
> {
  constructor(@Inject(OidcProvidersRepository) private readonly providers: OidcProvidersRepository) {}

  async execute(): Promise<ListOpenIDConnectProvidersResult> {
    const rows = await this.providers.list();
    return { OpenIDConnectProviderList: rows.map((p) => ({ Arn: p.arn })) };
  }
}
