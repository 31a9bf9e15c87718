import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CreateSAMLProviderRequest,
  CreateSAMLProviderResult,
  CredentialVendingOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { Clock, CLOCK } from '../common/clock';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { parseSamlMetadata } from './saml-metadata';
import { SamlPrivateKeys } from './saml-private-keys';
import { nextEncryption, validateEncryptionMembers } from './saml-provider-encryption';
import { SamlProvidersRepository } from './saml-providers.repository';
import { refuseReservedTagKeys } from '../common/iam-tags';

/** IAM's SAMLMetadataDocumentType and SAMLProviderNameType. */
export function validateMetadataDocument(v: RequestValidator, required: boolean): RequestValidator {
  return v.string('SAMLMetadataDocument', { required, min: 1000, max: 10_000_000 });
}

/**
 * Registers an IAM SAML provider from its IdP's metadata (ADR 0040): the document is kept as given
 * and must describe an IdP with a signing certificate; the ARN is the account's
 * `saml-provider/<Name>`, the name unique. `AssertionEncryptionMode` and `AddPrivateKey` (sealed at
 * rest) as UpdateSAMLProvider takes them (ADR 0055).
 */
@Injectable()
export class CreateSAMLProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreateSAMLProvider
> {
  constructor(
    @Inject(SamlProvidersRepository) private readonly providers: SamlProvidersRepository,
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(SamlPrivateKeys) private readonly keys: SamlPrivateKeys,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: CreateSAMLProviderRequest): Promise<CreateSAMLProviderResult> {
    const v = validateMetadataDocument(RequestValidator.of(req), true)
      .string('Name', { required: true, min: 1, max: 128, pattern: /^[\w._-]+$/ })
      .tags();
    validateEncryptionMembers(v, false).check();
    refuseReservedTagKeys(req.Tags);
    const facts = parseSamlMetadata(req.SAMLMetadataDocument, this.now());
    const arn = this.arns.samlProvider(req.Name);
    const encryption = nextEncryption(
      this.keys,
      { arn, assertionEncryptionMode: null, privateKeys: [] },
      req,
      new Date(this.now()),
    );
    const tags = (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
    const outcome = await this.providers.insert({
      arn,
      name: req.Name,
      providerUuid: randomUUID(),
      metadataDocument: req.SAMLMetadataDocument,
      ...facts,
      tags,
      ...encryption,
    });
    if (outcome === 'exists') throw IamErrors.samlProviderExists(req.Name);
    return { SAMLProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) };
  }
}
