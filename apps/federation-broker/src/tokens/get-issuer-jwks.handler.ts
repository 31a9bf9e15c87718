import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, JwksResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IssuerKeysService } from './issuer-keys.service';

/** The broker's OpenID issuer keys, for the gateway's JWKS document and credential vending. */
@Injectable()
export class GetIssuerJwksHandler implements OperationHandler<
  typeof FederationBrokerOperations.GetIssuerJwks
> {
  constructor(@Inject(IssuerKeysService) private readonly issuerKeys: IssuerKeysService) {}

  async execute(): Promise<JwksResult> {
    return { keys: await this.issuerKeys.jwks() };
  }
}
