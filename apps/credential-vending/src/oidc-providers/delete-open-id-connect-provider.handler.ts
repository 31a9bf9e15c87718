import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, OpenIDConnectProviderArnRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { OidcProviderEntity } from '../database/entities';
import { OidcProviderLookup } from './oidc-provider.lookup';

@Injectable()
export class DeleteOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteOpenIDConnectProvider
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: OpenIDConnectProviderArnRequest): Promise<EmptyResult> {
    const arn = req.OpenIDConnectProviderArn;
    await this.providers.require(arn);
    await this.dataSource.manager.delete(OidcProviderEntity, { arn });
    return {};
  }
}
