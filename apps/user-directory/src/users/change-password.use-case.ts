import { Inject, Injectable } from '@nestjs/common';
import { ChangePasswordRequest, ChangePasswordResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { PasswordCredentials } from './password-credentials';
import { passwordPolicyViolation } from './password-policy';
import { lockUser } from './user-lookup';

/**
 * ChangePassword: the signed-in user replaces their password. Sessions stay, as in Cognito.
 *
 * The previous password is checked against the stored password the write replaces, not against
 * one read earlier: the row is locked and, if another change landed since the check, the previous
 * password is checked again against the new one. So of concurrent changes from one password, one
 * wins and the others are refused, as they would be one after another. The derivation stays
 * outside the lock.
 */
@Injectable()
export class ChangePasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ChangePassword
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
  ) {}

  async execute(req: ChangePasswordRequest): Promise<ChangePasswordResponse> {
    RequestValidator.of(req)
      .string('PreviousPassword', { min: 1, max: 256, secret: true })
      .string('ProposedPassword', { required: true, min: 1, max: 256, secret: true })
      .string('AccessToken', Members.accessToken)
      .check();
    let user = await this.tokens.userOf(req.AccessToken);
    const pool = await this.dataSource.manager.findOneOrFail(UserPoolEntity, { where: { id: user.poolId } });
    const violation = passwordPolicyViolation(req.ProposedPassword, pool.config.passwordPolicy);
    let stored: Awaited<ReturnType<PasswordCredentials['derive']>> | undefined;
    for (;;) {
      await this.checkPrevious(user, req.PreviousPassword);
      if (violation) throw CognitoErrors.invalidPassword(violation);
      stored ??= await this.credentials.derive(pool.id, user.username, req.ProposedPassword);
      const seen = this.credentials.storedVersion(user);
      const changed = await this.dataSource.transaction(async (m) => {
        const locked = await lockUser(m, user.sub);
        if (!locked.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
        if (this.credentials.storedVersion(locked) !== seen) return locked;
        await m.update(UserEntity, { sub: locked.sub }, { ...stored, updatedAt: new Date() });
        return undefined;
      });
      if (!changed) return {};
      // Another change won the race: the previous password must now match what it set.
      user = changed;
    }
  }

  private async checkPrevious(user: UserEntity, previous: string | undefined): Promise<void> {
    if (!this.credentials.hasPassword(user)) return;
    if (!previous) throw CognitoErrors.invalidParameter('PreviousPassword is required.');
    if (!(await this.credentials.verify(user.poolId, user, previous))) throw CognitoErrors.notAuthorized();
  }
}
