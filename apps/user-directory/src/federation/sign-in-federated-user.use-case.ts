import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  SignInFederatedUserRequest,
  SignInFederatedUserResponse,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserFederatedEvent,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { usernameKey } from '../users/user-keys';
import { UsersRepository } from '../users/users.repository';
import { COGNITO_SUBJECT, FederatedIdentitiesRepository } from './federated-identities.repository';
import { FederatedUsers } from './federated-users';

function claimText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The user a verified provider sign-in becomes (ADR 0019): the user a link names (by
 * `Cognito_Subject` or a mapped attribute), else the federated user `<ProviderName>_<subject>`,
 * created on its first sign-in with `EXTERNAL_PROVIDER` and announced through the outbox. The
 * provider's AttributeMapping is applied at every sign-in, and `identities` kept in step.
 */
@Injectable()
export class SignInFederatedUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SignInFederatedUser
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(FederatedIdentitiesRepository) private readonly links: FederatedIdentitiesRepository,
    @Inject(FederatedUsers) private readonly federated: FederatedUsers,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: SignInFederatedUserRequest, meta: CommandMeta): Promise<SignInFederatedUserResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ProviderName', { required: true, min: 1, max: 32 })
      .string('Subject', { min: 1, max: 2048 })
      .check();
    if (typeof req.Claims !== 'object' || req.Claims === null || Array.isArray(req.Claims)) {
      throw CognitoErrors.invalidParameter('Claims must be an object.');
    }
    const pool = await this.pools.require(req.UserPoolId);
    const found = await this.providers.find(pool.id, req.ProviderName);
    if (!found) throw CognitoErrors.providerNotFound();
    const mapping = found.provider.attributeMapping;
    const subject = req.Subject ?? claimText(req.Claims[mapping.username ?? 'sub']);
    if (!subject || subject.length > 2048)
      throw CognitoErrors.invalidParameter('The provider named no subject.');
    const mapped: Record<string, string> = {};
    for (const [attribute, claim] of Object.entries(mapping)) {
      if (attribute === 'username') continue;
      const value = claimText(req.Claims[claim]);
      if (value !== undefined) mapped[attribute] = value.slice(0, 2048);
    }
    const username = `${found.provider.name}_${subject}`;
    const now = new Date();
    const outcome = await this.transactions.run(async (tx) => {
      const candidates = [
        { name: COGNITO_SUBJECT, value: subject },
        ...Object.entries(mapped).map(([name, value]) => ({ name, value })),
      ];
      const linked = await this.links.resolve(pool.id, found.provider.name, candidates, tx);
      let user: UserEntity | undefined = linked ? await this.users.findBySub(linked, tx, true) : undefined;
      let created = false;
      if (!user) {
        if (await this.users.findByName(pool.id, pool.config, username, tx)) {
          // Its own identity was disabled (AdminDisableProviderForUser) while the user stays.
          throw CognitoErrors.notAuthorized('User is disabled for this provider.');
        }
        user = {
          sub: randomUUID(),
          poolId: pool.id,
          username,
          usernameKey: usernameKey(pool.config, username),
          aliasKey: null,
          passwordHash: null,
          srpSalt: null,
          srpVerifierEnc: null,
          passwordExpiresAt: null,
          status: 'EXTERNAL_PROVIDER',
          enabled: true,
          attributes: {},
          tokensValidAfter: null,
          createdAt: now,
          updatedAt: now,
        };
        if ((await this.users.insert(user, tx)) === 'exists') {
          throw CognitoErrors.notAuthorized('User is disabled for this provider.');
        }
        created = true;
      }
      if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
      if (!(await this.links.find(pool.id, found.provider.name, COGNITO_SUBJECT, subject, tx))) {
        await this.links.insert(
          {
            poolId: pool.id,
            providerName: found.provider.name,
            attributeName: COGNITO_SUBJECT,
            attributeValue: subject,
            userSub: user.sub,
            createdAt: now,
          },
          tx,
        );
      }
      await this.federated.refreshIdentities(user, tx, mapped);
      if (created) {
        const event: UserFederatedEvent = {
          userPoolId: pool.id,
          sub: user.sub,
          username,
          status: 'EXTERNAL_PROVIDER',
          providerName: found.provider.name,
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(tx, {
          topic: UserDirectoryTopics.userFederated,
          key: user.sub,
          payload: event,
          correlationId: meta.requestId,
        });
      }
      return { user, created };
    });
    if (outcome.created) this.outbox.nudge();
    return {
      Username: outcome.user.username,
      Sub: outcome.user.sub,
      UserStatus: outcome.user.status,
      Created: outcome.created,
    };
  }
}
