import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListOpenIDConnectProvidersResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { OidcProviderEntity } from '../database/entities';

@Injectable()
export class ListOpenIDConnectProvidersHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListOpenIDConnectProviders
> {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async execute(): Promise<ListOpenIDConnectProvidersResult> {
    const rows = await this.dataSource.manager.find(OidcProviderEntity, { order: { arn: 'ASC' } });
    return { OpenIDConnectProviderList: rows.map((p) => ({ Arn: p.arn })) };
  }
}
