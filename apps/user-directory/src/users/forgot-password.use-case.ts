import { Inject, Injectable } from '@nestjs/common';
import { AuthEventRecorder, EventContext } from '../risk/auth-event-recorder';
import { BlockedAddresses, userAddress } from '../risk/threat-protection';
import {
  CommandMeta,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { passwordResetMessage } from '../delivery/code-messages';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { isEmail, isPhoneNumber } from './user-attributes';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { migrationRefused, UserMigrations } from './user-migrations';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { randomUUID } from 'node:crypto';
import {
  deliveryDetails,
  recoveryChannel,
  recoveryMechanisms,
  VerificationCodes,
} from './verification-codes';
import { eventAttributes } from '../triggers/user-pool-triggers';

/** No user has this sub: an unknown name's MFA media are read under it. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * ForgotPassword: a reset code to a verified email or phone, chosen by the pool's
 * AccountRecoverySetting (refused for `admin_only`). Wrong guesses of it lock the user out
 * for a while (AttemptLimiter, in ConfirmForgotPassword).
 */
@Injectable()
export class ForgotPasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ForgotPassword
> {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(BackgroundDelivery) private readonly delivery: BackgroundDelivery,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
    @Inject(UserMigrations) private readonly migrations: UserMigrations,
    @Inject(UserMfaRepository) private readonly mfaRows: UserMfaRepository,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  /**
   * With PreventUserExistenceErrors, a known and an unknown name do the same work: the same lookups
   * and one statement that counts the request; a user's code is stored and sent after the answer
   * (ADR 0068).
   */
  execute(req: ForgotPasswordRequest, meta?: CommandMeta): Promise<ForgotPasswordResponse> {
    return this.request(req, {
      region: meta?.region,
      context: { sourceIp: meta?.sourceIp, userAgent: meta?.userAgent },
    });
  }

  /**
   * `execute`, where `hideExistence` hides users whatever the client says (the hosted page, which
   * never tells, ADR 0037). Hiding, a user who may not reset (disabled, a temporary password, no
   * verified address) is counted as the others are before the refusal, so that it is not answered
   * sooner than an unknown name.
   */
  async request(
    req: ForgotPasswordRequest,
    {
      hideExistence: alwaysHide = false,
      region,
      context = {},
    }: { hideExistence?: boolean; region?: string; context?: EventContext } = {},
  ): Promise<ForgotPasswordResponse> {
    RequestValidator.of(req)
      .string('ClientId', Members.clientId)
      .string('Username', Members.username)
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .check();
    const auth = await this.clients.forAuth(req.ClientId, region);
    // Threat protection's block list (ADR 0083), before anything about the name is looked at.
    // The user's address: the app's UserContextData when its client propagates it (ADR 0089).
    const device: EventContext = {
      ...context,
      sourceIp: userAddress(auth.client, req.UserContextData, context.sourceIp),
    };
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, device.sourceIp);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const hideExistence = alwaysHide || auth.client.config.preventUserExistenceErrors === 'ENABLED';
    const pool = await this.lookup.requirePool(auth.client.poolId);
    const mechanisms = recoveryMechanisms(pool.config);
    // admin_only "prevents self-service account recovery" (RecoveryOptionType, API reference): the
    // pool refuses before any user lookup, so the answer is the same for every name. The wording
    // is moto's model of Cognito's answer, not observed on AWS.
    if (mechanisms.includes('admin_only')) {
      throw CognitoErrors.notAuthorized('Contact administrator to reset password.');
    }
    let user = await this.users.findByName(pool.id, pool.config, req.Username);
    // UserMigration (ADR 0037): a name the pool does not have may be a legacy user to bring over.
    const migrating = !user && this.migrations.configured(pool);
    if (migrating) {
      const outcome = await this.migrations.migrate(
        pool,
        'UserMigration_ForgotPassword',
        {
          clientId: auth.client.id,
          userName: req.Username,
          ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
        },
        randomUUID(),
      );
      if (outcome === 'migrated') user = await this.users.findByName(pool.id, pool.config, req.Username);
    }
    // With a recovery setting, a medium the user has as MFA is no recovery mechanism (ADR 0062):
    // the user's MFA media are read, for an unknown name too (under a sub no user has), as one row
    // either way (ADR 0068).
    const withSetting = (pool.config.accountRecoverySetting?.RecoveryMechanisms?.length ?? 0) > 0;
    const mfaMedia = withSetting ? await this.mfaRows.recoveryMedia(user?.sub ?? NO_USER) : {};
    if (!user) {
      if (!hideExistence) throw migrating ? migrationRefused(auth.client.id) : CognitoErrors.userNotFound();
      // The answer a real user would get, so that the response tells nothing.
      const sms = isPhoneNumber(req.Username);
      const details = deliveryDetails({
        medium: sms ? 'SMS' : 'EMAIL',
        attribute: sms ? 'phone_number' : 'email',
        destination: sms || isEmail(req.Username) ? req.Username : `${req.Username}@example.com`,
      });
      await this.attempts.begin(
        'code-delivery',
        this.attempts.unknownName(pool.id, pool.config, req.Username),
      );
      return { CodeDeliveryDetails: details };
    }
    const channel = recoveryChannel(user.attributes, mechanisms, mfaMedia);
    const refused = !user.enabled || user.status === 'FORCE_CHANGE_PASSWORD' || !channel;
    if (refused && hideExistence) await this.attempts.begin('code-delivery', userSubject(user));
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      throw CognitoErrors.notAuthorized('User password cannot be reset in the current state.');
    }
    if (!channel) {
      throw CognitoErrors.invalidParameter(
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      );
    }
    await this.attempts.begin('code-delivery', userSubject(user));
    // The code is drawn, stored and sent after the answer (ADR 0068): counted, the request has
    // cost what an unknown name's does.
    this.delivery.enqueueIssued(
      channel.medium,
      pool.id,
      this.codes.issueLater(user.sub, 'forgot-password'),
      (code) =>
        passwordResetMessage(channel.medium, channel.destination, code, pool, user.username, {
          source: 'ForgotPassword',
          clientId: auth.client.id,
          userAttributes: eventAttributes(user),
          ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
        }),
    );
    // Threat protection's event (ADR 0083), like the code, written after the answer.
    this.events.record(pool, user, 'ForgotPassword', 'Pass', [], device);
    return { CodeDeliveryDetails: deliveryDetails(channel) };
  }
}
