import { Inject, Injectable } from '@nestjs/common';
import {
  AdminDisableProviderForUserRequest,
  ProviderUserIdentifierType,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { UsersRepository } from '../users/users.repository';
import { COGNITO_SUBJECT, FederatedIdentitiesRepository } from './federated-identities.repository';
import { FederatedUsers } from './federated-users';
import { providerUser } from './provider-user';

/**
 * AdminDisableProviderForUser for an external provider: the identity (by the attribute it was
 * linked or signed in with) no longer signs in as the user it pointed at, and leaves that user's
 * `identities`. A linked identity signs in afterwards as a new federated user; a federated user's
 * own identity is refused while that user exists.
 *
 * `ProviderName` `Cognito` (ADR 0056), as the API reference says: `ProviderAttributeName` must be
 * `Cognito_Subject` and `ProviderAttributeValue` the user's name in the pool; the user can no
 * longer sign in with their password. Their stored password (SRP salt and sealed verifier, any
 * legacy hash) is removed, so every password flow answers as for a wrong password; the user, their
 * links and their tokens stay, and signing in through a linked provider still works.
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
    if (user.ProviderName === 'Cognito') return this.disablePassword(req.UserPoolId, user);
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

  private async disablePassword(
    userPoolId: string,
    user: Required<ProviderUserIdentifierType>,
  ): Promise<Record<string, never>> {
    if (user.ProviderAttributeName !== COGNITO_SUBJECT) {
      throw CognitoErrors.invalidParameter(
        'ProviderAttributeName must be Cognito_Subject when ProviderName is Cognito.',
      );
    }
    const pool = await this.pools.require(userPoolId);
    await this.transactions.run(async (tx) => {
      const target = await this.users.findByName(pool.id, pool.config, user.ProviderAttributeValue, tx, true);
      if (!target) throw CognitoErrors.userNotFound();
      await this.users.update(
        target.sub,
        { passwordHash: null, srpSalt: null, srpVerifierEnc: null, updatedAt: new Date() },
        tx,
      );
    });
    return {};
  }
}
