import { Inject, Injectable } from '@nestjs/common';
import {
  AdminCreateUserRequest,
  AdminCreateUserResponse,
  CommandMeta,
  DeliveryMediumType,
  UserCreatedByAdminEvent,
  UserDirectoryOperations,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { MESSAGE_SENDER, MessageSender, OutgoingMessage } from '../delivery/message-sender';
import { randomUUID } from 'node:crypto';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { CognitoErrors } from '../common/cognito-errors';
import { Transactions } from '@idfed/persistence';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { invitationMessage } from '../delivery/code-messages';
import { deliverOrFail } from '../delivery/deliver-or-fail';
import { PasswordCredentials } from './password-credentials';
import { passwordPolicyViolation } from './password-policy';
import { generateTemporaryPassword, temporaryPasswordExpiry } from './temporary-password';
import { userAttributesFromRequest } from './user-attributes';
import { takeAliases } from './sign-in-aliases';
import { identityFor } from './user-identity';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { toUserType } from './user-type';
import {
  eventAttributeMap,
  eventAttributes,
  NO_CLIENT,
  UserPoolTriggers,
} from '../triggers/user-pool-triggers';

const MEDIUM_ATTRIBUTE: Record<DeliveryMediumType, 'email' | 'phone_number'> = {
  EMAIL: 'email',
  SMS: 'phone_number',
};

/** AWS's words for an explicitly desired medium the user has no address for (the SMS one by analogy). */
const MISSING_ADDRESS: Record<DeliveryMediumType, string> = {
  EMAIL: 'No email provided but desired delivery medium was Email',
  SMS: 'No phone_number provided but desired delivery medium was Sms',
};

/**
 * AdminCreateUser: a user in FORCE_CHANGE_PASSWORD with a temporary password (the one given, or a
 * generated one that meets the policy), invited by the desired media (SMS by default, as Cognito)
 * unless MessageAction is SUPPRESS; a user with no address for the default medium is created
 * uninvited, as AWS does. RESEND gives a not-yet-signed-in user a new invitation.
 */
@Injectable()
export class AdminCreateUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminCreateUser
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
  ) {}

  async execute(req: AdminCreateUserRequest, meta: CommandMeta): Promise<AdminCreateUserResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .attributeList('UserAttributes')
      .attributeList('ValidationData')
      .string('TemporaryPassword', { min: 1, max: 256, secret: true })
      .boolean('ForceAliasCreation')
      .oneOf('MessageAction', ['RESEND', 'SUPPRESS'])
      .enumList('DesiredDeliveryMediums', ['SMS', 'EMAIL'])
      .check();
    const pool = await this.lookup.requirePool(req.UserPoolId);
    if (req.TemporaryPassword !== undefined) {
      const violation = passwordPolicyViolation(req.TemporaryPassword, pool.config.passwordPolicy);
      if (violation) throw CognitoErrors.invalidPassword(violation);
    }
    const temporaryPassword = req.TemporaryPassword ?? generateTemporaryPassword(pool.config.passwordPolicy);
    return req.MessageAction === 'RESEND'
      ? this.resend(pool, req, temporaryPassword)
      : this.create(pool, req, temporaryPassword, meta.requestId);
  }

  private async create(
    pool: UserPoolEntity,
    req: AdminCreateUserRequest,
    temporaryPassword: string,
    correlationId: string,
  ): Promise<AdminCreateUserResponse> {
    const config = pool.config;
    const sub = randomUUID();
    const attributes = userAttributesFromRequest(config, req.UserAttributes, {
      admin: true,
      phase: 'create',
    });
    const identity = identityFor(config, req.Username, sub, attributes);
    // PreSignUp as Cognito calls it for an administrator's user (PreSignUp_AdminCreateUser, no
    // client): its refusal stores nothing and sends nothing. Its autoVerifyEmail / autoVerifyPhone
    // mark the address the user has as verified (ADR 0063); its autoConfirmUser is not applied:
    // the user starts in FORCE_CHANGE_PASSWORD whatever it says, to choose their own password.
    const triggered = await this.triggers.preSignUp(
      pool,
      'PreSignUp_AdminCreateUser',
      NO_CLIENT,
      req.Username,
      attributes,
      eventAttributeMap(req.ValidationData),
      req.ClientMetadata,
    );
    if (triggered.autoVerifyEmail && attributes.email !== undefined) attributes.email_verified = 'true';
    if (triggered.autoVerifyPhone && attributes.phone_number !== undefined)
      attributes.phone_number_verified = 'true';
    const invitations =
      req.MessageAction === 'SUPPRESS'
        ? []
        : this.invitations(
            pool,
            req,
            attributes,
            temporaryPassword,
            eventAttributes({ sub, attributes, status: 'FORCE_CHANGE_PASSWORD' }),
          );
    const stored = await this.credentials.derive(pool.id, identity.username, temporaryPassword);
    const now = new Date();
    const user: UserEntity = {
      sub,
      poolId: pool.id,
      ...identity,
      ...stored,
      passwordExpiresAt: temporaryPasswordExpiry(config, now),
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      attributes,
      tokensValidAfter: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      if (req.ForceAliasCreation === true) await takeAliases(this.users, pool, sub, attributes, tx);
      const created = await this.users.insertClaiming(user, tx);
      if (created === 'alias-exists') throw CognitoErrors.aliasExistsForAttribute();
      if (created === 'exists') {
        throw identity.aliasKey
          ? CognitoErrors.aliasExists()
          : new ServiceError('UsernameExistsException', 'User account already exists');
      }
      const event: UserCreatedByAdminEvent = {
        userPoolId: pool.id,
        sub,
        username: identity.username,
        status: 'FORCE_CHANGE_PASSWORD',
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: UserDirectoryTopics.userCreatedByAdmin,
        key: sub,
        payload: event,
        correlationId,
      });
      // Sent before the commit: if delivery fails, no user is left behind with a password nobody received.
      for (const message of invitations) await deliverOrFail(this.sender, message);
    });
    this.outbox.nudge();
    return { User: toUserType(user) };
  }

  private async resend(
    pool: UserPoolEntity,
    req: AdminCreateUserRequest,
    temporaryPassword: string,
  ): Promise<AdminCreateUserResponse> {
    const found = await this.lookup.requireUser(pool, req.Username);
    const stored = await this.credentials.derive(pool.id, found.username, temporaryPassword);
    const user = await this.transactions.run(async (tx) => {
      const locked = await this.lookup.lockUser(found.sub, tx);
      if (locked.status !== 'FORCE_CHANGE_PASSWORD') {
        throw new ServiceError(
          'UnsupportedUserStateException',
          `Resend not possible. ${req.Username} status is not FORCE_CHANGE_PASSWORD.`,
        );
      }
      const now = new Date();
      const values = {
        ...stored,
        passwordExpiresAt: temporaryPasswordExpiry(pool.config, now),
        updatedAt: now,
      };
      await this.users.update(locked.sub, values, tx);
      for (const message of this.invitations(
        pool,
        req,
        locked.attributes,
        temporaryPassword,
        eventAttributes(locked),
      )) {
        await deliverOrFail(this.sender, message);
      }
      return { ...locked, ...values };
    });
    return { User: toUserType(user) };
  }

  /**
   * The invitations, as AWS sends them. Without DesiredDeliveryMediums AWS uses its SMS default
   * only when the user has a phone number: a user with no phone (or neither email nor phone) is
   * created without an invitation. A medium the request names explicitly must have its
   * attribute: AWS answers `InvalidParameterException: No email provided but desired delivery
   * medium was Email` (rahulpsd18/cognito-backup-restore#25, ['EMAIL','SMS'] for a user with a
   * phone and no email), before sending anything.
   */
  private invitations(
    pool: UserPoolEntity,
    req: AdminCreateUserRequest,
    attributes: Record<string, string>,
    temporaryPassword: string,
    userAttributes: Record<string, string>,
  ): OutgoingMessage[] {
    const requested = req.DesiredDeliveryMediums?.length
      ? [...new Set(req.DesiredDeliveryMediums)]
      : undefined;
    for (const medium of requested ?? []) {
      if (!attributes[MEDIUM_ATTRIBUTE[medium]])
        throw CognitoErrors.invalidParameter(MISSING_ADDRESS[medium]);
    }
    return (requested ?? (['SMS'] as const))
      .filter((medium) => attributes[MEDIUM_ATTRIBUTE[medium]])
      .map((medium) =>
        invitationMessage(
          medium,
          attributes[MEDIUM_ATTRIBUTE[medium]],
          temporaryPassword,
          pool,
          req.Username,
          {
            source: 'AdminCreateUser',
            clientId: NO_CLIENT,
            userAttributes,
            ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
          },
        ),
      );
  }
}
