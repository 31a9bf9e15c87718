import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UntagSAMLProviderRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { SamlProviderLookup } from './saml-provider.lookup';
import { samlProviderArn, tagKeys } from './saml-provider-tags';
import { SamlProvidersRepository } from './saml-providers.repository';

/** IAM UntagSAMLProvider: removes the named keys (in any case); a key the provider lacks is ignored. */
@Injectable()
export class UntagSAMLProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.UntagSAMLProvider
> {
  constructor(
    @Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup,
    @Inject(SamlProvidersRepository) private readonly repository: SamlProvidersRepository,
  ) {}

  async execute(req: UntagSAMLProviderRequest): Promise<EmptyResult> {
    tagKeys(samlProviderArn(RequestValidator.of(req))).check();
    const provider = await this.providers.require(req.SAMLProviderArn);
    const removed = new Set(req.TagKeys.map((k) => k.toLowerCase()));
    const changed = await this.repository.changeTags(provider.arn, (tags) => {
      const kept = tags.filter((t) => !removed.has(t.Key.toLowerCase()));
      return kept.length === tags.length ? undefined : kept;
    });
    if (!changed) throw IamErrors.noSuchSamlProvider(provider.arn);
    return {};
  }
}
