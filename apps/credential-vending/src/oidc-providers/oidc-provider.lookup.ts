import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { OidcProviderEntity } from '../database/entities';
import { OidcProvidersRepository } from './oidc-providers.repository';
import { issuerUrlKey } from './provider-url';

/** IAM quotas: client ids and thumbprints per OpenID Connect provider. */
export const MAX_CLIENT_IDS = 100;
export const MAX_THUMBPRINTS = 5;

/** Finds IAM OpenID Connect providers: by the ARN an operation names, or by a token's issuer. */
@Injectable()
export class OidcProviderLookup {
  constructor(
    @Inject(OidcProvidersRepository) private readonly providers: OidcProvidersRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async require(arn: string, tx?: Transaction, lock = false): Promise<OidcProviderEntity> {
    RequestValidator.of({ OpenIDConnectProviderArn: arn })
      .string('OpenIDConnectProviderArn', { required: true, min: 20, max: 2048 })
      .check();
    if (!this.arns.oidcProviderUrlKey(arn)) throw IamErrors.invalidInput(`ARN ${arn} is not valid.`);
    const provider = await this.providers.findByArn(arn, tx, lock);
    if (!provider) throw IamErrors.noSuchOidcProvider(arn);
    return provider;
  }

  /** The provider a token's `iss` names, or undefined. The scheme must match too. */
  async findByIssuer(iss: string): Promise<OidcProviderEntity | undefined> {
    const urlKey = issuerUrlKey(iss);
    if (!urlKey) return undefined;
    const provider = await this.providers.findByUrlKey(urlKey);
    return provider && provider.issuer === iss.replace(/\/+$/, '') ? provider : undefined;
  }

  findByArn(arn: string): Promise<OidcProviderEntity | undefined> {
    return this.providers.findByArn(arn);
  }
}

/** The ARN and client id of Add/RemoveClientIDTo/FromOpenIDConnectProvider. */
export function validateClientIdRequest(req: object): void {
  RequestValidator.of(req)
    .string('OpenIDConnectProviderArn', { required: true, min: 20, max: 2048 })
    .string('ClientID', { required: true, min: 1, max: 255 })
    .check();
}
