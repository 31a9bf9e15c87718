import { Inject, Injectable } from '@nestjs/common';
import { AdminLinkProviderForUserRequest, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { SOCIAL_TYPES } from '../providers/provider-details';
import { UsersRepository } from '../users/users.repository';
import { COGNITO_SUBJECT, FederatedIdentitiesRepository } from './federated-identities.repository';
import { FederatedUsers } from './federated-users';
import { providerUser } from './provider-user';

/** Cognito's most federated identities linked to one user. */
const MAX_LINKS_PER_USER = 5;

/**
 * AdminLinkProviderForUser: a provider identity that has not signed in yet will sign in as an
 * existing user (DestinationUser: a `Cognito` user by username, or a federated user by its
 * provider's user id). Social providers link by `Cognito_Subject` only.
 */
@Injectable()
export class AdminLinkProviderForUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminLinkProviderForUser
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(FederatedIdentitiesRepository) private readonly links: FederatedIdentitiesRepository,
    @Inject(FederatedUsers) private readonly federated: FederatedUsers,
  ) {}

  async execute(req: AdminLinkProviderForUserRequest): Promise<Record<string, never>> {
    RequestValidator.of(req).string('UserPoolId', Members.userPoolId).check();
    const source = providerUser('SourceUser', req.SourceUser, [
      'ProviderName',
      'ProviderAttributeName',
      'ProviderAttributeValue',
    ]);
    const destination = providerUser('DestinationUser', req.DestinationUser, [
      'ProviderName',
      'ProviderAttributeValue',
    ]);
    if (source.ProviderName === 'Cognito') {
      throw CognitoErrors.invalidParameter('SourceUser must be a user of an external provider, not Cognito.');
    }
    const pool = await this.pools.require(req.UserPoolId);
    const provider = await this.providers.find(pool.id, source.ProviderName);
    if (!provider) {
      throw CognitoErrors.invalidParameter(`${source.ProviderName} is not an identity provider of the pool.`);
    }
    if (SOCIAL_TYPES.includes(provider.provider.type) && source.ProviderAttributeName !== COGNITO_SUBJECT) {
      throw CognitoErrors.invalidParameter(
        `ProviderAttributeName must be ${COGNITO_SUBJECT} for a ${provider.provider.type} provider.`,
      );
    }
    await this.transactions.run(async (tx) => {
      const target = await this.destination(pool, destination, tx);
      if (!target) throw CognitoErrors.userNotFound();
      if (source.ProviderAttributeName === COGNITO_SUBJECT) {
        const own = await this.users.findByName(
          pool.id,
          pool.config,
          `${source.ProviderName}_${source.ProviderAttributeValue}`,
          tx,
        );
        if (own && own.sub !== target.sub) {
          throw CognitoErrors.invalidParameter(
            'Merging is not currently supported, provide a SourceUser that has not been linked and has not signed in.',
          );
        }
      }
      const existing = await this.links.find(
        pool.id,
        source.ProviderName,
        source.ProviderAttributeName,
        source.ProviderAttributeValue,
        tx,
      );
      if (existing) {
        if (existing.userSub === target.sub) return;
        throw new ServiceError('AliasExistsException', 'This provider identity is linked to another user.');
      }
      if ((await this.links.forUser(target.sub, tx)).length >= MAX_LINKS_PER_USER) {
        throw new ServiceError(
          'LimitExceededException',
          `A user may have at most ${MAX_LINKS_PER_USER} linked provider identities.`,
        );
      }
      await this.links.insert(
        {
          poolId: pool.id,
          providerName: source.ProviderName,
          attributeName: source.ProviderAttributeName,
          attributeValue: source.ProviderAttributeValue,
          userSub: target.sub,
          createdAt: new Date(),
        },
        tx,
      );
      await this.federated.refreshIdentities(target, tx);
    });
    return {};
  }

  /** The destination, its row locked: a Cognito user by name, or a provider's user by its id. */
  private async destination(
    pool: UserPoolEntity,
    destination: { ProviderName: string; ProviderAttributeValue: string },
    tx: Parameters<UsersRepository['findByName']>[3],
  ): Promise<UserEntity | undefined> {
    const name =
      destination.ProviderName === 'Cognito'
        ? destination.ProviderAttributeValue
        : `${destination.ProviderName}_${destination.ProviderAttributeValue}`;
    return this.users.findByName(pool.id, pool.config, name, tx, true);
  }
}
