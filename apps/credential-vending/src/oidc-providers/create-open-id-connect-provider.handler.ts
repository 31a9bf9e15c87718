import { Inject, Injectable } from '@nestjs/common';
import {
  CreateOpenIDConnectProviderRequest,
  CreateOpenIDConnectProviderResult,
  CredentialVendingOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { MAX_CLIENT_IDS, MAX_THUMBPRINTS } from './oidc-provider.lookup';
import { OidcProvidersRepository } from './oidc-providers.repository';
import { parseProviderUrl } from './provider-url';
import { refuseReservedTagKeys } from '../common/iam-tags';

/**
 * Registers an IAM OpenID Connect provider. Thumbprints are stored and returned but not used: keys
 * are fetched over TLS verified against the system's certificate authorities, as AWS now does for
 * most IdPs.
 */
@Injectable()
export class CreateOpenIDConnectProviderHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreateOpenIDConnectProvider
> {
  constructor(
    @Inject(OidcProvidersRepository) private readonly providers: OidcProvidersRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(req: CreateOpenIDConnectProviderRequest): Promise<CreateOpenIDConnectProviderResult> {
    RequestValidator.of(req)
      .string('Url', { required: true, min: 1, max: 255 })
      .stringList('ClientIDList', { item: { min: 1, max: 255 }, maxItems: MAX_CLIENT_IDS })
      .stringList('ThumbprintList', {
        item: { min: 40, max: 40, pattern: Patterns.thumbprint },
        maxItems: MAX_THUMBPRINTS,
      })
      .tags()
      .check();
    refuseReservedTagKeys(req.Tags);
    const url = parseProviderUrl(req.Url);
    if (!url) {
      throw IamErrors.invalidInput(
        'The URL must use https:// (or http:// on a loopback host) and have no query, fragment or credentials.',
      );
    }
    const arn = this.arns.oidcProvider(url.urlKey);
    const tags = (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
    const outcome = await this.providers.insert({
      arn,
      urlKey: url.urlKey,
      issuer: url.issuer,
      clientIds: unique(req.ClientIDList ?? []),
      thumbprints: unique((req.ThumbprintList ?? []).map((t) => t.toLowerCase())),
      tags,
    });
    if (outcome === 'exists') throw IamErrors.oidcProviderExists(url.issuer);
    return { OpenIDConnectProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
