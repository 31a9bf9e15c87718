import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  OpenIDConnectProviderClientIdRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { OidcProviderEntity } from '../database/entities';
import { OidcProviderLookup, validateClientIdRequest } from './oidc-provider.lookup';

/** Idempotent, as in IAM: removing a client id that is not there succeeds. */
@Injectable()
export class RemoveClientIDFromOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.RemoveClientIDFromOpenIDConnectProvider
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OidcProviderLookup) private readonly providers: OidcProviderLookup,
  ) {}

  async execute(req: OpenIDConnectProviderClientIdRequest): Promise<EmptyResult> {
    validateClientIdRequest(req);
    await this.dataSource.transaction(async (m) => {
      const provider = await this.providers.require(req.OpenIDConnectProviderArn, m, true);
      await m.update(
        OidcProviderEntity,
        { arn: provider.arn },
        { clientIds: provider.clientIds.filter((c) => c !== req.ClientID) },
      );
    });
    return {};
  }
}
