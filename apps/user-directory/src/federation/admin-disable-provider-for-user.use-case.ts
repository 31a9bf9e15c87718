import { Inject, Injectable } from '@nestjs/common';
import { AdminDisableProviderForUserRequest, UserDirectoryOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { UsersRepository } from '../users/users.repository';
import { FederatedIdentitiesRepository } from './federated-identities.repository';
import { FederatedUsers } from './federated-users';
import { providerUser } from './provider-user';

/**
 * AdminDisableProviderForUser for an external provider: the identity (by the attribute it was
 * linked or signed in with) no longer signs in as the user it pointed at, and leaves that user's
 * `identities`. A linked identity signs in afterwards as a new federated user; a federated user's
 * own identity is refused while that user exists. `Cognito` users (their password) are not
 * handled yet (ADR 0019, status).
 */
@Injectable()
export class AdminDisableProviderForUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminDisableProviderForUser
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(FederatedIdentitiesRepository) private readonly links: FederatedIdentitiesRepository,
    @Inject(FederatedUsers) private readonly federated: FederatedUsers,
  ) {}

  async execute(req: AdminDisableProviderForUserRequest): Promise<Record<string, never>> {
    RequestValidator.of(req).string('UserPoolId', Members.userPoolId).check();
    const user = providerUser('User', req.User, [
      'ProviderName',
      'ProviderAttributeName',
      'ProviderAttributeValue',
    ]);
    if (user.ProviderName === 'Cognito') {
      throw CognitoErrors.invalidParameter(
        'Disabling the Cognito provider of a user is not supported by idfed.',
      );
    }
    const pool = await this.pools.require(req.UserPoolId);
    await this.transactions.run(async (tx) => {
      const sub = await this.links.remove(
        pool.id,
        user.ProviderName,
        user.ProviderAttributeName,
        user.ProviderAttributeValue,
        tx,
      );
      if (!sub) throw CognitoErrors.userNotFound();
      const owner = await this.users.findBySub(sub, tx, true);
      if (owner) await this.federated.refreshIdentities(owner, tx);
    });
    return {};
  }
}
