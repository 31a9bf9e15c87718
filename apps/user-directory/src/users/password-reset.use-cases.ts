import {
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
} from '@idfed/contracts';
import { DataSource } from 'typeorm';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { passwordResetMessage } from '../delivery/code-messages';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { PasswordCredentials } from './password-credentials';
import { passwordPolicyViolation } from './password-policy';
import { isEmail, isPhoneNumber } from './user-attributes';
import { findUser, lockUser } from './user-lookup';
import { CodeDigest } from './secrets-at-rest';
import {
  checkCode,
  codeIssueStatement,
  codeRefusal,
  consumeCode,
  deliveryDetails,
  recoveryChannel,
} from './verification-codes';

/**
 * ForgotPassword and ConfirmForgotPassword. The code goes to a verified email or phone, wrong
 * guesses lock the user out for a while (AttemptLimiter), and the new password replaces both the
 * argon2 hash and the SRP verifier. As in Cognito, existing sessions are not revoked.
 */
export class PasswordResetUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly credentials: PasswordCredentials,
    private readonly delivery: BackgroundDelivery,
    private readonly attempts: AttemptLimiter,
    private readonly codes: CodeDigest,
  ) {}

  /**
   * With PreventUserExistenceErrors, a known and an unknown name do the same work: one statement that
   * counts the request (and, for a user, stores the new code), and the message sent after the answer.
   */
  async forgot(req: ForgotPasswordRequest): Promise<ForgotPasswordResponse> {
    RequestValidator.of(req)
      .string('ClientId', Members.clientId)
      .string('Username', Members.username)
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .check();
    const auth = await this.clients.forAuth(req.ClientId);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const hideExistence = auth.client.config.preventUserExistenceErrors === 'ENABLED';
    const m = this.dataSource.manager;
    const pool = await m.findOneOrFail(UserPoolEntity, { where: { id: auth.client.poolId } });
    const user = await findUser(m, pool.id, pool.config, req.Username);
    if (!user) {
      if (!hideExistence) throw CognitoErrors.userNotFound();
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
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      throw CognitoErrors.notAuthorized('User password cannot be reset in the current state.');
    }
    const channel = recoveryChannel(user.attributes);
    if (!channel) {
      throw CognitoErrors.invalidParameter(
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      );
    }
    const { code, statement } = codeIssueStatement(user.sub, 'forgot-password', this.codes);
    await this.attempts.begin('code-delivery', userSubject(user), statement);
    this.delivery.enqueue(
      passwordResetMessage(channel.medium, channel.destination, code, pool.id, user.username),
    );
    return { CodeDeliveryDetails: deliveryDetails(channel) };
  }

  /**
   * The code is checked before the new password is hashed, for everyone: hashing first made a known
   * user's wrong guess take 26 ms and an unknown user's 4 ms. A wrong guess then costs the same
   * statements whoever the name is (AttemptLimiter's count and one code lookup).
   */
  async confirm(req: ConfirmForgotPasswordRequest): Promise<ConfirmForgotPasswordResponse> {
    RequestValidator.of(req)
      .string('ClientId', Members.clientId)
      .string('Username', Members.username)
      .string('ConfirmationCode', { required: true, min: 1, max: 2048, pattern: Patterns.code, secret: true })
      .string('Password', { required: true, min: 1, max: 256, secret: true })
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .check();
    const auth = await this.clients.forAuth(req.ClientId);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const hideExistence = auth.client.config.preventUserExistenceErrors === 'ENABLED';
    const m = this.dataSource.manager;
    const pool = await m.findOneOrFail(UserPoolEntity, { where: { id: auth.client.poolId } });
    const user = await findUser(m, pool.id, pool.config, req.Username);
    if (!user && !hideExistence) throw CognitoErrors.userNotFound();
    // The policy first, for known and unknown names alike: a weak password does not use up a guess.
    const violation = passwordPolicyViolation(req.Password, pool.config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    const subject = user ? userSubject(user) : this.attempts.unknownName(pool.id, pool.config, req.Username);
    await this.attempts.begin('forgot-password', subject);
    const check = await checkCode(m, user?.sub, 'forgot-password', req.ConfirmationCode, this.codes);
    if (!user || check !== 'match') throw codeRefusal(check === 'match' ? 'mismatch' : check, hideExistence);

    const stored = await this.credentials.derive(pool.id, user.username, req.Password);
    await this.dataSource.transaction(async (tx) => {
      const locked = await lockUser(tx, user.sub);
      // Taken by a concurrent request since the check: after it, this code is gone.
      if (!(await consumeCode(tx, locked.sub, 'forgot-password', req.ConfirmationCode, this.codes)))
        throw codeRefusal('missing', hideExistence);
      const status =
        locked.status === 'RESET_REQUIRED' || locked.status === 'FORCE_CHANGE_PASSWORD'
          ? 'CONFIRMED'
          : locked.status;
      await tx.update(
        UserEntity,
        { sub: locked.sub },
        { ...stored, status, passwordExpiresAt: null, updatedAt: new Date() },
      );
    });
    await this.attempts.succeeded('forgot-password', subject);
    return {};
  }
}
