import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListSAMLProvidersResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { awsTimestamp } from '../common/timestamps';
import { SamlProvidersRepository } from './saml-providers.repository';

/** Every SAML provider of the account (IAM's list is not paged). */
@Injectable()
export class ListSAMLProvidersHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListSAMLProviders
> {
  constructor(@Inject(SamlProvidersRepository) private readonly providers: SamlProvidersRepository) {}

  async execute(): Promise<ListSAMLProvidersResult> {
    const all = await this.providers.list();
    return {
      SAMLProviderList: all.map((p) => ({
        Arn: p.arn,
        ValidUntil: awsTimestamp(p.validUntil),
        CreateDate: awsTimestamp(p.createdAt),
      })),
    };
  }
}
