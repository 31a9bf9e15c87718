import { Inject, Injectable } from '@nestjs/common';
import {
  CreateUserPoolDomainRequest,
  CreateUserPoolDomainResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { checkDomainRequest, customDomainTarget } from './domain-rules';
import { UserPoolDomainsRepository } from './user-pool-domains.repository';

/**
 * CreateUserPoolDomain: a prefix domain, or a custom domain with its certificate (ADR 0049);
 * unique among all pools; a pool has one of each kind at most (ADR 0060), as in Cognito.
 */
@Injectable()
export class CreateUserPoolDomainUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CreateUserPoolDomain
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: UserDirectoryConfig,
  ) {}

  async execute(req: CreateUserPoolDomainRequest): Promise<CreateUserPoolDomainResponse> {
    const version = checkDomainRequest(req, {
      certDir: this.config.customDomainCertDir,
      authDomainSuffix: this.config.authDomainSuffix,
    });
    const custom = req.CustomDomainConfig;
    const now = new Date();
    const outcome = await this.transactions.run(async (tx) => {
      // The pool's row lock keeps a concurrent DeleteUserPool from leaving the domain behind.
      await this.pools.require(req.UserPoolId, tx, true);
      return this.domains.insert(
        {
          domain: req.Domain,
          poolId: req.UserPoolId,
          managedLoginVersion: version,
          ...(custom
            ? {
                customDomainConfig: {
                  CertificateArn: custom.CertificateArn,
                  ...(custom.SecurityPolicy ? { SecurityPolicy: custom.SecurityPolicy } : {}),
                },
              }
            : {}),
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
    });
    if (outcome === 'domain-taken')
      throw CognitoErrors.invalidParameter('Domain already associated with another user pool.');
    if (outcome === 'pool-has-domain')
      throw CognitoErrors.invalidParameter('User pool already has a domain configured.');
    return {
      ManagedLoginVersion: version,
      ...(custom ? { CloudFrontDomain: customDomainTarget(this.config.publicUrl) } : {}),
    };
  }
}
