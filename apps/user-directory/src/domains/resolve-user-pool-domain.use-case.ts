import { Inject, Injectable } from '@nestjs/common';
import {
  ResolveUserPoolDomainRequest,
  ResolveUserPoolDomainResult,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { UserPoolDomainsRepository } from './user-pool-domains.repository';

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The pool a host name's prefix (or a custom domain's host name) names, for the gateway's
 * host-name routing of the OAuth endpoints; a custom domain's certificate ARN and security policy
 * for its TLS listener.
 */
@Injectable()
export class ResolveUserPoolDomainUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ResolveUserPoolDomain
> {
  constructor(@Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository) {}

  async execute(req: ResolveUserPoolDomainRequest): Promise<ResolveUserPoolDomainResult> {
    if (typeof req.Domain !== 'string' || req.Domain.length > 63 || !DOMAIN.test(req.Domain)) return {};
    const d = await this.domains.find(req.Domain);
    if (!d) return {};
    return {
      UserPoolId: d.poolId,
      ...(d.customDomainConfig ? { CertificateArn: d.customDomainConfig.CertificateArn } : {}),
      ...(d.customDomainConfig?.SecurityPolicy
        ? { SecurityPolicy: d.customDomainConfig.SecurityPolicy }
        : {}),
    };
  }
}
