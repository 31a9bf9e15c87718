import { Inject, Injectable } from '@nestjs/common';
import {
  UpdateUserPoolDomainRequest,
  UpdateUserPoolDomainResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { PoolsService } from '../pools/pools.service';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { checkDomainRequest, customDomainTarget, noSuchDomain } from './domain-rules';
import { UserPoolDomainsRepository } from './user-pool-domains.repository';

/**
 * UpdateUserPoolDomain: a domain's ManagedLoginVersion and, for a custom domain, its certificate
 * (CustomDomainConfig, checked as at creation; kept when not given). The name cannot change.
 */
@Injectable()
export class UpdateUserPoolDomainUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateUserPoolDomain
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: UserDirectoryConfig,
  ) {}

  async execute(req: UpdateUserPoolDomainRequest): Promise<UpdateUserPoolDomainResponse> {
    const version = checkDomainRequest(
      req,
      { certDir: this.config.customDomainCertDir, authDomainSuffix: this.config.authDomainSuffix },
      'update',
    );
    const config = req.CustomDomainConfig && {
      CertificateArn: req.CustomDomainConfig.CertificateArn,
      ...(req.CustomDomainConfig.SecurityPolicy
        ? { SecurityPolicy: req.CustomDomainConfig.SecurityPolicy }
        : {}),
    };
    const updated = await this.transactions.run(async (tx) => {
      await this.pools.require(req.UserPoolId, tx);
      return this.domains.update(req.Domain, req.UserPoolId, version, config, new Date(), tx);
    });
    if (!updated) throw noSuchDomain();
    return {
      ManagedLoginVersion: updated.managedLoginVersion,
      ...(updated.customDomainConfig ? { CloudFrontDomain: customDomainTarget(this.config.publicUrl) } : {}),
    };
  }
}
