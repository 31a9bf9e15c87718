import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CodeDeliveryDetailsType,
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { createHash } from 'node:crypto';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { PoolConfig } from '../pools/pool-config';
import { maskDestination } from './user-attributes';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { confirmationChannel, VerificationCodes } from './verification-codes';
import { ConfirmationLinks, signUpConfirmationMessage } from './confirmation-links';
import { eventAttributes } from '../triggers/user-pool-triggers';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { BlockedAddresses, userAddress } from '../risk/threat-protection';

/** ResendConfirmationCode: a new sign-up code, delivered after the answer. */
@Injectable()
export class ResendConfirmationCodeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ResendConfirmationCode
> {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(BackgroundDelivery) private readonly delivery: BackgroundDelivery,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
    @Inject(ConfirmationLinks) private readonly links: ConfirmationLinks,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  /**
   * With PreventUserExistenceErrors, a known and an unknown name do the same work: the same lookups
   * and one statement that counts the request; a user's code is stored and sent after the answer
   * (ADR 0068).
   */
  async execute(
    req: ResendConfirmationCodeRequest,
    meta?: CommandMeta,
  ): Promise<ResendConfirmationCodeResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .string('Username', { required: true, min: 1, max: 128, pattern: Patterns.username })
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .check();
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    // Threat protection's block list (ADR 0083), before anything about the name is looked at.
    const sourceIp = userAddress(auth.client, req.UserContextData, meta?.sourceIp);
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, sourceIp);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const pool = await this.lookup.requirePool(auth.client.poolId);
    // Read for known and unknown names alike, so the link costs the same time for both.
    const link = await this.links.forPool(pool, auth.client.id);
    const user = await this.users.findByName(pool.id, pool.config, req.Username);
    if (!user) {
      if (auth.client.config.preventUserExistenceErrors !== 'ENABLED') throw CognitoErrors.userNotFound();
      // A client that hides user existence gets the answer a real user would get, and no code goes out.
      const details = simulatedDelivery(pool.config, pool.id, req.Username);
      await this.attempts.begin(
        'code-delivery',
        this.attempts.unknownName(pool.id, pool.config, req.Username),
      );
      return { CodeDeliveryDetails: details };
    }
    if (user.status !== 'UNCONFIRMED') throw CognitoErrors.invalidParameter('User is already confirmed.');
    const channel = confirmationChannel(pool.config, user.attributes);
    if (!channel)
      throw CognitoErrors.invalidParameter('Cannot resend codes. Auto verification not turned on.');
    await this.attempts.begin('code-delivery', userSubject(user));
    // Drawn, stored and sent after the answer (ADR 0068), as an unknown name stores nothing.
    this.delivery.enqueueIssued(
      channel.medium,
      pool.id,
      this.codes.issueLater(user.sub, 'confirm-sign-up'),
      (code) =>
        signUpConfirmationMessage(channel.medium, channel.destination, code, pool, user.username, link, {
          source: 'ResendCode',
          clientId: auth.client.id,
          userAttributes: eventAttributes(user),
          ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
        }),
    );
    // Threat protection's event (ADR 0083), like the code, written after the answer.
    this.events.record(pool, user, 'ResendCode', 'Pass', [], {
      sourceIp,
      userAgent: meta?.userAgent,
    });
    return {
      CodeDeliveryDetails: {
        Destination: maskDestination(channel.destination),
        DeliveryMedium: channel.medium,
        AttributeName: channel.attribute,
      },
    };
  }
}

/**
 * What ResendConfirmationCode shows for a user who does not exist, when the client hides user
 * existence: a masked destination of the pool's first auto-verified kind, its letters derived from
 * the username (stable across calls, so repeating the call reveals nothing either).
 */
function simulatedDelivery(config: PoolConfig, poolId: string, username: string): CodeDeliveryDetailsType {
  const digest = createHash('sha256').update(`${poolId}\u0000${username}`).digest();
  const letter = (i: number) => String.fromCharCode(97 + (digest[i] % 26));
  if (config.autoVerifiedAttributes.length === 0) {
    // What a real user of this pool is told.
    throw CognitoErrors.invalidParameter('Cannot resend codes. Auto verification not turned on.');
  }
  if (config.autoVerifiedAttributes[0] === 'phone_number') {
    const digits = [...digest.subarray(2, 6)].map((b) => String(b % 10)).join('');
    return { Destination: `+*******${digits}`, DeliveryMedium: 'SMS', AttributeName: 'phone_number' };
  }
  return { Destination: `${letter(0)}***@${letter(1)}***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}
