import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UserDirectoryTopics, UserSignedUpEvent } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { TriggerErrors } from '../triggers/trigger-caller';
import {
  MigrationRequest,
  UserMigrationSource,
  UserMigrationTrigger,
} from '../triggers/user-migration.trigger';
import { PasswordCredentials } from './password-credentials';
import { userAttributesFromRequest } from './user-attributes';
import { CognitoErrors } from '../common/cognito-errors';
import { takeAliases } from './sign-in-aliases';
import { identityFor } from './user-identity';
import { UsersRepository } from './users.repository';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { welcomeMessages } from './migration-welcome';

/** Cognito's answer when the UserMigration function refuses a name and the client does not hide users. */
export function migrationRefused(clientId: string): ServiceError {
  return new ServiceError('UserNotFoundException', `Exception migrating user in app client ${clientId}`);
}

/**
 * Users migrated from a legacy store by the pool's UserMigration trigger (ADR 0037): for a name
 * that is no user, the function is asked; a user it answers for is created in one transaction with
 * the attributes and status it gave, the password the sign-in proved (derived as every password
 * is: a sealed SRP verifier), and the `signed-up` event (`migrated: true`) through the outbox.
 * Nothing is stored when the function refuses or fails, or when its attributes do not fit the pool.
 * Two sign-ins migrating one name at once create one user: the second insert finds the name taken
 * and the caller reads the user the first one stored. The answer's other members are acted on
 * (ADR 0063): `enableSMSMFA` turns SMS MFA on (preferred) in the same transaction, and the welcome
 * message `messageAction` / `desiredDeliveryMediums` ask for goes out once the user is stored.
 */
@Injectable()
export class UserMigrations {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(UserMigrationTrigger) private readonly trigger: UserMigrationTrigger,
    @Inject(UserMfaRepository) private readonly mfa: UserMfaRepository,
    @Inject(BackgroundDelivery) private readonly delivery: BackgroundDelivery,
  ) {}

  configured(pool: Pick<UserPoolEntity, 'id' | 'config'>): boolean {
    return this.trigger.configured(pool);
  }

  /**
   * Asks the function about `req.userName`: 'refused' when it does not know the name (or the
   * password), 'migrated' once the user is stored (by this call or a concurrent one).
   */
  async migrate(
    pool: UserPoolEntity,
    source: UserMigrationSource,
    req: MigrationRequest,
    correlationId: string,
  ): Promise<'migrated' | 'refused'> {
    const answer = await this.trigger.lookUp(pool, source, req);
    if (!answer) return 'refused';
    const config = pool.config;
    const sub = randomUUID();
    let attributes: Record<string, string>;
    try {
      attributes = userAttributesFromRequest(
        config,
        Object.entries(answer.userAttributes).map(([Name, Value]) => ({ Name, Value })),
        { admin: true },
      );
    } catch {
      // Attributes the pool does not have, or of the wrong form: the function's answer is unusable.
      throw TriggerErrors.invalidResponse();
    }
    const identity = identityFor(config, req.userName, sub, attributes);
    // SMS MFA needs a phone number to send to: an answer asking for it without one is unusable.
    if (answer.enableSMSMFA && !attributes.phone_number) throw TriggerErrors.invalidResponse();
    // Checked before anything is stored: a medium named for an address the user lacks is refused.
    const welcome = welcomeMessages(pool, identity.username, answer, attributes);
    const password =
      req.password !== undefined
        ? await this.credentials.derive(pool.id, identity.username, req.password)
        : { passwordHash: null, srpSalt: null, srpVerifierEnc: null };
    const now = new Date();
    const user: UserEntity = {
      sub,
      poolId: pool.id,
      ...identity,
      ...password,
      passwordExpiresAt: null,
      status: answer.finalUserStatus,
      enabled: true,
      attributes,
      tokensValidAfter: null,
      createdAt: now,
      updatedAt: now,
    };
    const taken = new Error('taken');
    const created = await this.transactions
      .run(async (tx) => {
        // After 'exists' the transaction is aborted: thrown, so that it rolls back.
        // The answer's forceAliasCreation takes a verified email or phone from another user (ADR 0044).
        if (answer.forceAliasCreation) await takeAliases(this.users, pool, sub, attributes, tx);
        const inserted = await this.users.insertClaiming(user, tx);
        if (inserted === 'alias-exists') throw CognitoErrors.aliasExistsForAttribute();
        if (inserted === 'exists') throw taken;
        if (answer.enableSMSMFA) {
          await this.mfa.savePreference(
            sub,
            { totpEnabled: false, smsEnabled: true, emailEnabled: false, preferred: 'SMS_MFA' },
            now,
            tx,
          );
        }
        const event: UserSignedUpEvent = {
          userPoolId: pool.id,
          sub,
          username: identity.username,
          status: answer.finalUserStatus,
          migrated: true,
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(tx, {
          topic: UserDirectoryTopics.userSignedUp,
          key: sub,
          payload: event,
          correlationId,
        });
        return true;
      })
      .catch((err: unknown) => {
        if (err === taken) return false;
        throw err;
      });
    if (created) {
      this.outbox.nudge();
      // After the commit, off the request path: a welcome that cannot be sent is logged, the
      // sign-in (or reset) it greets goes on.
      for (const message of welcome) this.delivery.enqueue(message);
    }
    return 'migrated';
  }
}
