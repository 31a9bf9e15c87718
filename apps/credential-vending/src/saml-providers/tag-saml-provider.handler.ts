import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, TagSAMLProviderRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { SamlProviderLookup } from './saml-provider.lookup';
import { samlProviderArn, withTags } from './saml-provider-tags';
import { SamlProvidersRepository } from './saml-providers.repository';
import { refuseReservedTagKeys } from '../common/iam-tags';

/**
 * IAM TagSAMLProvider: adds tags to a SAML provider, a key already there (in any case) taking the
 * new key and value; more than 50 in all is LimitExceeded and nothing changes.
 */
@Injectable()
export class TagSAMLProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.TagSAMLProvider
> {
  constructor(
    @Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup,
    @Inject(SamlProvidersRepository) private readonly repository: SamlProvidersRepository,
  ) {}

  async execute(req: TagSAMLProviderRequest): Promise<EmptyResult> {
    samlProviderArn(RequestValidator.of(req)).tags().check();
    if (!Array.isArray(req.Tags)) throw IamErrors.validation('Tags is required.');
    refuseReservedTagKeys(req.Tags);
    const provider = await this.providers.require(req.SAMLProviderArn);
    const added = req.Tags.map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
    if (!(await this.repository.changeTags(provider.arn, (tags) => withTags(tags, added))))
      throw IamErrors.noSuchSamlProvider(provider.arn);
    return {};
  }
}
