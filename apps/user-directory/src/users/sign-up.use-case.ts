import { Inject, Injectable } from '@nestjs/common';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { BlockedAddresses, userAddress } from '../risk/threat-protection';
import {
  CommandMeta,
  SignUpRequest,
  SignUpResponse,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserSignedUpEvent,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { MESSAGE_SENDER, MessageSender } from '../delivery/message-sender';
import { randomUUID } from 'node:crypto';
import { OutboxService } from '@idfed/messaging';
import { checkSecretHash } from '../auth/client-secret.check';
import { checkWritable } from '../clients/attribute-permissions';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Transactions } from '@idfed/persistence';
import { Patterns, RequestValidator } from '../common/validate';
import { deliverOrFail } from '../delivery/deliver-or-fail';
import { PasswordCredentials } from './password-credentials';
import { passwordPolicyViolation } from './password-policy';
import { checkRequiredAttributes, maskDestination, userAttributesFromRequest } from './user-attributes';
import { identityFor } from './user-identity';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { UserPoolTriggers, eventAttributeMap, eventAttributes } from '../triggers/user-pool-triggers';
import { confirmationChannel, VerificationCodes } from './verification-codes';
import { ConfirmationLinks, signUpConfirmationMessage } from './confirmation-links';

/** The attributes as the request gave them, for PreSignUp's `userAttributes`. */
function attributeMap(list: { Name: string; Value?: string }[] | undefined): Record<string, string> {
  return eventAttributeMap(list) ?? {};
}

/** SignUp: creates an UNCONFIRMED user and sends a confirmation code when the pool verifies email or phone. */
@Injectable()
export class SignUpUseCase implements OperationHandler<typeof UserDirectoryOperations.SignUp> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
    @Inject(ConfirmationLinks) private readonly links: ConfirmationLinks,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  async execute(req: SignUpRequest, meta: CommandMeta): Promise<SignUpResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('Username', { required: true, min: 1, max: 128, pattern: Patterns.username })
      .string('Password', { required: true, min: 1, max: 256, secret: true })
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .attributeList('UserAttributes')
      .check();
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    // Threat protection's block list (ADR 0083), before anything about the name is looked at.
    const sourceIp = userAddress(auth.client, req.UserContextData, meta?.sourceIp);
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, sourceIp);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const pool = await this.lookup.requirePool(auth.client.poolId);
    const config = pool.config;
    if (config.allowAdminCreateUserOnly)
      throw CognitoErrors.notAuthorized('SignUp is not permitted for this user pool');

    const sub = randomUUID();
    const attributes = userAttributesFromRequest(config, req.UserAttributes, { phase: 'create' });
    checkWritable(auth.client.config, Object.keys(attributes));
    const identity = identityFor(config, req.Username, sub, attributes);
    checkRequiredAttributes(config, attributes);
    const violation = passwordPolicyViolation(req.Password, config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    // PreSignUp (ADR 0030) before anything is stored: a refusal leaves nothing behind.
    const triggered = await this.triggers.preSignUp(
      pool,
      'PreSignUp_SignUp',
      auth.client.id,
      identity.username,
      attributeMap(req.UserAttributes),
      eventAttributeMap(req.ValidationData),
      req.ClientMetadata,
    );
    if (triggered.autoVerifyEmail && attributes.email !== undefined) attributes.email_verified = 'true';
    if (triggered.autoVerifyPhone && attributes.phone_number !== undefined)
      attributes.phone_number_verified = 'true';
    const confirmed = triggered.autoConfirmUser;
    const password = await this.credentials.derive(pool.id, identity.username, req.Password);
    // An auto-confirmed user needs no confirmation code.
    const channel = confirmed ? undefined : confirmationChannel(config, attributes);
    const link = channel ? await this.links.forPool(pool, auth.client.id) : undefined;

    await this.transactions.run(async (tx) => {
      const now = new Date();
      const created = await this.users.insertClaiming(
        {
          sub,
          poolId: pool.id,
          ...identity,
          ...password,
          passwordExpiresAt: null,
          status: confirmed ? 'CONFIRMED' : 'UNCONFIRMED',
          enabled: true,
          attributes,
          tokensValidAfter: null,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      if (created === 'alias-exists') throw CognitoErrors.aliasExistsForAttribute();
      if (created === 'exists') {
        throw identity.aliasKey ? CognitoErrors.aliasExists() : CognitoErrors.usernameExists();
      }
      const event: UserSignedUpEvent = {
        userPoolId: pool.id,
        sub,
        username: identity.username,
        status: confirmed ? 'CONFIRMED' : 'UNCONFIRMED',
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: UserDirectoryTopics.userSignedUp,
        key: sub,
        payload: event,
        correlationId: meta.requestId,
      });
      if (channel) {
        const code = await this.codes.issue(sub, 'confirm-sign-up', tx);
        // Sent before the commit: if delivery fails, the sign-up is rolled back and can simply be retried.
        await deliverOrFail(
          this.sender,
          signUpConfirmationMessage(
            channel.medium,
            channel.destination,
            code,
            pool,
            identity.username,
            link,
            {
              source: 'SignUp',
              clientId: auth.client.id,
              userAttributes: eventAttributes({ sub, attributes, status: 'UNCONFIRMED' }),
              ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
            },
          ),
        );
      }
    });
    this.outbox.nudge();
    // Threat protection's SignUp event (ADR 0083), written after the answer.
    this.events.record(pool, { sub }, 'SignUp', 'Pass', [], {
      sourceIp,
      userAgent: meta.userAgent,
    });
    return {
      UserConfirmed: confirmed,
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
