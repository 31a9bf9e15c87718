import { Inject, Injectable } from '@nestjs/common';
import {
  DescribeUserPoolDomainRequest,
  DescribeUserPoolDomainResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { customDomainTarget } from './domain-rules';
import { UserPoolDomainsRepository } from './user-pool-domains.repository';

/**
 * DescribeUserPoolDomain. As in Cognito, a domain no pool has is not an error: the description is
 * empty. `CloudFrontDistribution` names the host the domain is served at: `<prefix>.<suffix>` for a
 * prefix domain, the public URL's host (the custom-domain listener's) for a custom domain.
 */
@Injectable()
export class DescribeUserPoolDomainUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeUserPoolDomain
> {
  constructor(
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: UserDirectoryConfig,
  ) {}

  async execute(req: DescribeUserPoolDomainRequest): Promise<DescribeUserPoolDomainResponse> {
    RequestValidator.of(req).string('Domain', { required: true, min: 1, max: 63 }).check();
    const d = await this.domains.find(req.Domain);
    if (!d) return { DomainDescription: {} };
    return {
      DomainDescription: {
        UserPoolId: d.poolId,
        AWSAccountId: this.config.accountId,
        Domain: d.domain,
        CloudFrontDistribution: d.customDomainConfig
          ? customDomainTarget(this.config.publicUrl)
          : `${d.domain}.${this.config.authDomainSuffix}`,
        Version: String(d.updatedAt.getTime()),
        Status: 'ACTIVE',
        ManagedLoginVersion: d.managedLoginVersion,
        ...(d.customDomainConfig ? { CustomDomainConfig: d.customDomainConfig } : {}),
      },
    };
  }
}
