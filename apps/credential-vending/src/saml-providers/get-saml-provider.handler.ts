import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, GetSAMLProviderResult, SAMLProviderArnRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { awsTimestamp } from '../common/timestamps';
import { SamlProviderLookup } from './saml-provider.lookup';

@Injectable()
export class GetSAMLProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetSAMLProvider
> {
  constructor(@Inject(SamlProviderLookup) private readonly providers: SamlProviderLookup) {}

  async execute(req: SAMLProviderArnRequest): Promise<GetSAMLProviderResult> {
    const p = await this.providers.require(req.SAMLProviderArn);
    return {
      SAMLProviderUUID: p.providerUuid,
      SAMLMetadataDocument: p.metadataDocument,
      CreateDate: awsTimestamp(p.createdAt),
      ValidUntil: awsTimestamp(p.validUntil),
      ...(p.tags.length ? { Tags: p.tags } : {}),
      ...(p.assertionEncryptionMode ? { AssertionEncryptionMode: p.assertionEncryptionMode } : {}),
      ...(p.privateKeys.length
        ? {
            PrivateKeyList: p.privateKeys.map((k) => ({
              KeyId: k.keyId,
              Timestamp: awsTimestamp(new Date(k.timestamp)),
            })),
          }
        : {}),
    };
  }
}
