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
import { SamlPrivateKeys } from './saml-private-keys';
import { nextEncryption, validateEncryptionMembers } from './saml-provider-encryption';
import { SamlProviderLookup } from './saml-provider.lookup';
import { SamlProvidersRepository } from './saml-providers.repository';

/**
 * Changes a provider: new metadata (a new signing certificate, typically), the assertion encryption
 * mode, a private key added or removed (ADR 0055); assertions are checked against the new settings
 * from the next request on. The change is made under the provider's row lock, all or nothing.
 */
@Injectable()
export class UpdateSAMLProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateSAMLProvider
> {
  constructor(
    @Inject(SamlProvidersRepository) private readonly repository: SamlProvidersRepository,
    @Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup,
    @Inject(SamlPrivateKeys) private readonly keys: SamlPrivateKeys,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: UpdateSAMLProviderRequest): Promise<UpdateSAMLProviderResult> {
    validateEncryptionMembers(
      validateMetadataDocument(
        RequestValidator.of(req).string('SAMLProviderArn', { required: true, min: 20, max: 2048 }),
        false,
      ),
      true,
    ).check();
    const provider = await this.providers.require(req.SAMLProviderArn);
    if (
      req.SAMLMetadataDocument === undefined &&
      req.AssertionEncryptionMode === undefined &&
      req.AddPrivateKey === undefined &&
      req.RemovePrivateKey === undefined
    ) {
      throw IamErrors.invalidInput(
        'One of SAMLMetadataDocument, AssertionEncryptionMode, AddPrivateKey or RemovePrivateKey is required.',
      );
    }
    const facts =
      req.SAMLMetadataDocument === undefined
        ? {}
        : {
            metadataDocument: req.SAMLMetadataDocument,
            ...parseSamlMetadata(req.SAMLMetadataDocument, this.now()),
          };
    const now = new Date(this.now());
    const updated = await this.repository.update(provider.arn, (current) => ({
      ...facts,
      ...nextEncryption(this.keys, current, req, now),
    }));
    if (!updated) throw IamErrors.noSuchSamlProvider(provider.arn);
    return { SAMLProviderArn: provider.arn };
  }
}
