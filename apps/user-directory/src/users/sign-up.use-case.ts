import { randomUUID } from 'node:crypto';
import { SignUpRequest, SignUpResponse, UserDirectoryTopics, UserSignedUpEvent } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { DataSource, QueryFailedError } from 'typeorm';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { confirmationMessage } from '../delivery/code-messages';
import { deliverOrFail } from '../delivery/deliver-or-fail';
import { MessageSender } from '../delivery/message-sender';
import { PoolConfig } from '../pools/pool-config';
import { PasswordCredentials } from './password-credentials';
import { passwordPolicyViolation } from './password-policy';
import {
  checkRequiredAttributes,
  isEmail,
  isPhoneNumber,
  maskDestination,
  userAttributesFromRequest,
} from './user-attributes';
import { aliasKey, usernameKey } from './user-lookup';
import { confirmationChannel, issueCode } from './verification-codes';

const UNIQUE_VIOLATION = '23505';

/** The identity a new user gets: in email/phone-as-username pools the username is the sub. */
function identityFor(config: PoolConfig, requested: string, sub: string, attributes: Record<string, string>) {
  if (config.usernameAttributes.length === 0) {
    return { username: requested, usernameKey: usernameKey(config, requested), aliasKey: null };
  }
  if (config.usernameAttributes.includes('email') && isEmail(requested)) {
    attributes.email ??= requested;
    return { username: sub, usernameKey: sub, aliasKey: aliasKey(requested) };
  }
  if (config.usernameAttributes.includes('phone_number') && isPhoneNumber(requested)) {
    attributes.phone_number ??= requested;
    return { username: sub, usernameKey: sub, aliasKey: aliasKey(requested) };
  }
  throw CognitoErrors.invalidParameter(
    config.usernameAttributes.includes('email')
      ? 'Username should be an email.'
      : 'Username should be a phone number.',
  );
}

/** SignUp: creates an UNCONFIRMED user and sends a confirmation code when the pool verifies email or phone. */
export class SignUpUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly credentials: PasswordCredentials,
    private readonly sender: MessageSender,
    private readonly outbox: OutboxService,
  ) {}

  async execute(req: SignUpRequest, correlationId: string): Promise<SignUpResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('Username', { required: true, min: 1, max: 128, pattern: Patterns.username })
      .string('Password', { required: true, min: 1, max: 256, secret: true })
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .attributeList('UserAttributes')
      .check();
    const auth = await this.clients.forAuth(req.ClientId);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const pool = await this.dataSource.manager.findOneOrFail(UserPoolEntity, {
      where: { id: auth.client.poolId },
    });
    const config = pool.config;
    if (config.allowAdminCreateUserOnly)
      throw CognitoErrors.notAuthorized('SignUp is not permitted for this user pool');

    const sub = randomUUID();
    const attributes = userAttributesFromRequest(config, req.UserAttributes);
    const identity = identityFor(config, req.Username, sub, attributes);
    checkRequiredAttributes(config, attributes);
    const violation = passwordPolicyViolation(req.Password, config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    const password = await this.credentials.derive(pool.id, identity.username, req.Password);
    const channel = confirmationChannel(config, attributes);

    try {
      await this.dataSource.transaction(async (m) => {
        const now = new Date();
        await m.insert(UserEntity, {
          sub,
          poolId: pool.id,
          ...identity,
          ...password,
          status: 'UNCONFIRMED',
          enabled: true,
          attributes,
          tokensValidAfter: null,
          createdAt: now,
          updatedAt: now,
        });
        const event: UserSignedUpEvent = {
          userPoolId: pool.id,
          sub,
          username: identity.username,
          status: 'UNCONFIRMED',
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(m, {
          topic: UserDirectoryTopics.userSignedUp,
          key: sub,
          payload: event,
          correlationId,
        });
        if (channel) {
          const code = await issueCode(m, sub, 'confirm-sign-up');
          // Sent before the commit: if delivery fails, the sign-up is rolled back and can simply be retried.
          await deliverOrFail(
            this.sender,
            confirmationMessage(channel.medium, channel.destination, code, pool.id, identity.username),
          );
        }
      });
    } catch (err) {
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw identity.aliasKey ? CognitoErrors.aliasExists() : CognitoErrors.usernameExists();
      }
      throw err;
    }
    this.outbox.nudge();
    return {
      UserConfirmed: false,
      UserSub: sub,
      ...(channel
        ? {
            CodeDeliveryDetails: {
              Destination: maskDestination(channel.destination),
              DeliveryMedium: channel.medium,
              AttributeName: channel.attribute,
            },
          }
        : {}),
    };
  }
}
