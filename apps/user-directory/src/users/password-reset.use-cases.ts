import {
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
} from '@idfed/contracts';
import { DataSource } from 'typeorm';
import { checkSecretHash } from '../auth/client-secret.check';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { passwordResetMessage } from '../delivery/code-messages';
import { deliverOrFail } from '../delivery/deliver-or-fail';
import { MessageSender } from '../delivery/message-sender';
import { PasswordCredentials } from './password-credentials';
import { passwordPolicyViolation } from './password-policy';
import { isEmail, isPhoneNumber } from './user-attributes';
import { findUser } from './user-lookup';
import { consumeCode, deliveryDetails, issueCode, recoveryChannel } from './verification-codes';

/**
 * ForgotPassword and ConfirmForgotPassword. The code goes to a verified email or phone, is checked
 * with the same attempt counting as sign-up confirmation, and the new password replaces both the
 * argon2 hash and the SRP verifier. As in Cognito, existing sessions are not revoked.
 */
export class PasswordResetUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly credentials: PasswordCredentials,
    private readonly sender: MessageSender,
  ) {}

  async forgot(req: ForgotPasswordRequest): Promise<ForgotPasswordResponse> {
    RequestValidator.of(req)
      .string('ClientId', Members.clientId)
      .string('Username', Members.username)
      .string('SecretHash', { min: 1, max: 128, secret: true })
      .check();
    const auth = await this.clients.forAuth(req.ClientId);
    checkSecretHash(auth, req.SecretHash, [req.Username]);
    const hideExistence = auth.client.config.preventUserExistenceErrors === 'ENABLED';
    return this.dataSource.transaction(async (m) => {
      const pool = await m.findOneOrFail(UserPoolEntity, { where: { id: auth.client.poolId } });
      const user = await findUser(m, pool.id, pool.config, req.Username, true);
      if (!user) {
        if (!hideExistence) throw CognitoErrors.userNotFound();
        // The answer a real user would get, so that the response tells nothing.
        const sms = isPhoneNumber(req.Username);
        return {
          CodeDeliveryDetails: deliveryDetails({
            medium: sms ? 'SMS' : 'EMAIL',
            attribute: sms ? 'phone_number' : 'email',
            destination: sms || isEmail(req.Username) ? req.Username : `${req.Username}@example.com`,
          }),
        };
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
      const code = await issueCode(m, user.sub, 'forgot-password');
      // Inside the transaction: if delivery fails, no code is left waiting.
      await deliverOrFail(
        this.sender,
        passwordResetMessage(channel.medium, channel.destination, code, pool.id, user.username),
      );
      return { CodeDeliveryDetails: deliveryDetails(channel) };
    });
  }

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
    const m = this.dataSource.manager;
    const pool = await m.findOneOrFail(UserPoolEntity, { where: { id: auth.client.poolId } });
    const user = await findUser(m, pool.id, pool.config, req.Username);
    if (!user) {
      throw auth.client.config.preventUserExistenceErrors === 'ENABLED'
        ? CognitoErrors.codeMismatch()
        : CognitoErrors.userNotFound();
    }
    // The policy first: a weak password does not burn the code.
    const violation = passwordPolicyViolation(req.Password, pool.config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    const stored = await this.credentials.derive(pool.id, user.username, req.Password);
    const outcome = await this.dataSource.transaction(async (tx) => {
      const locked = await tx.findOne(UserEntity, {
        where: { sub: user.sub },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked) throw CognitoErrors.userNotFound();
      if ((await consumeCode(tx, locked, 'forgot-password', req.ConfirmationCode)) === 'mismatch')
        return 'mismatch';
      const status =
        locked.status === 'RESET_REQUIRED' || locked.status === 'FORCE_CHANGE_PASSWORD'
          ? 'CONFIRMED'
          : locked.status;
      await tx.update(
        UserEntity,
        { sub: locked.sub },
        { ...stored, status, passwordExpiresAt: null, updatedAt: new Date() },
      );
      return 'changed';
    });
    if (outcome === 'mismatch') throw CognitoErrors.codeMismatch();
    return {};
  }
}
