import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  OpenIDConnectProviderClientIdRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { OidcProviderEntity } from '../database/entities';
import { MAX_CLIENT_IDS, OidcProviderLookup, validateClientIdRequest } from './oidc-provider.lookup';

@Injectable()
export class AddClientIDToOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.AddClientIDToOpenIDConnectProvider
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: OpenIDConnectProviderClientIdRequest): Promise<EmptyResult> {
    validateClientIdRequest(req);
    await this.dataSource.transaction(async (m) => {
      const provider = await this.providers.require(req.OpenIDConnectProviderArn, m, true);
      if (provider.clientIds.includes(req.ClientID)) return;
      if (provider.clientIds.length >= MAX_CLIENT_IDS) {
        throw IamErrors.limitExceeded('ClientIdsPerOpenIdConnectProvider', MAX_CLIENT_IDS);
      }
      await m.update(
        OidcProviderEntity,
        { arn: provider.arn },
        { clientIds: [...provider.clientIds, req.ClientID] },
      );
    });
    return {};
  }
}
