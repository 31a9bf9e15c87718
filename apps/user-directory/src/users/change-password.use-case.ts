import { ChangePasswordRequest, ChangePasswordResponse } from '@idfed/contracts';
import { DataSource } from 'typeorm';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { PasswordHasher } from '../auth/password-hasher';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { PasswordCredentials } from './password-credentials';
import { passwordPolicyViolation } from './password-policy';

/** ChangePassword: the signed-in user replaces their password. Sessions stay, as in Cognito. */
export class ChangePasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenVerifier,
    private readonly hasher: PasswordHasher,
    private readonly credentials: PasswordCredentials,
  ) {}

  async execute(req: ChangePasswordRequest): Promise<ChangePasswordResponse> {
    RequestValidator.of(req)
      .string('PreviousPassword', { min: 1, max: 256, secret: true })
      .string('ProposedPassword', { required: true, min: 1, max: 256, secret: true })
      .string('AccessToken', Members.accessToken)
      .check();
    const user = await this.tokens.userOf(req.AccessToken);
    if (user.passwordHash) {
      if (!req.PreviousPassword) throw CognitoErrors.invalidParameter('PreviousPassword is required.');
      if (!(await this.hasher.verify(user.passwordHash, req.PreviousPassword)))
        throw CognitoErrors.notAuthorized();
    }
    const pool = await this.dataSource.manager.findOneOrFail(UserPoolEntity, { where: { id: user.poolId } });
    const violation = passwordPolicyViolation(req.ProposedPassword, pool.config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    const stored = await this.credentials.derive(pool.id, user.username, req.ProposedPassword);
    await this.dataSource.manager.update(UserEntity, { sub: user.sub }, { ...stored, updatedAt: new Date() });
    return {};
  }
}
