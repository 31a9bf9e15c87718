import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CredentialVendingOperations,
  UpdateSAMLProviderRequest,
  UpdateSAMLProviderResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Clock, CLOCK } from '../common/clock';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { validateMetadataDocument } from './create-saml-provider.handler';
import { parseSamlMetadata } from './saml-metadata';
import { SamlProviderLookup } from './saml-provider.lookup';
import { SamlProvidersRepository } from './saml-providers.repository';

/**
 * Replaces a provider's metadata (a new signing certificate, typically): assertions are checked
 * against the new one from the next request on. The encryption members are not served: without a
 * metadata document there is nothing to change, InvalidInput.
 */
@Injectable()
export class UpdateSAMLProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateSAMLProvider
> {
  constructor(
    @Inject(SamlProvidersRepository) private readonly repository: SamlProvidersRepository,
    @Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: UpdateSAMLProviderRequest): Promise<UpdateSAMLProviderResult> {
    validateMetadataDocument(
      RequestValidator.of(req).string('SAMLProviderArn', { required: true, min: 20, max: 2048 }),
      false,
    ).check();
    const provider = await this.providers.require(req.SAMLProviderArn);
    if (req.SAMLMetadataDocument === undefined) {
      throw IamErrors.invalidInput(
        'SAMLMetadataDocument is required: idfed does not serve assertion encryption.',
      );
    }
    const facts = parseSamlMetadata(req.SAMLMetadataDocument, this.now());
    const updated = await this.repository.updateMetadata(provider.arn, {
      metadataDocument: req.SAMLMetadataDocument,
      ...facts,
    });
    if (!updated) throw IamErrors.noSuchSamlProvider(provider.arn);
    return { SAMLProviderArn: provider.arn };
  }
}
