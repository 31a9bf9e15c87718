import { Inject, Injectable } from '@nestjs/common';
import {
  UserDirectoryOperations,
  VerifyUserAttributeRequest,
  VerifyUserAttributeResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { UserEntity } from '../database/entities';
import { lockUser } from './user-lookup';
import { CodeDigest } from './secrets-at-rest';
import { checkCode, codeRefusal, consumeCode } from './verification-codes';
import { verifiable } from './user-attribute-edits';

/** VerifyUserAttribute: the code proves the user holds the email or phone; wrong guesses count towards a lockout. */
@Injectable()
export class VerifyUserAttributeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.VerifyUserAttribute
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(CodeDigest) private readonly codes: CodeDigest,
  ) {}

  async execute(req: VerifyUserAttributeRequest): Promise<VerifyUserAttributeResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .string('AttributeName', { required: true, min: 1, max: 32 })
      .string('Code', { required: true, min: 1, max: 2048, pattern: Patterns.code, secret: true })
      .check();
    const user = await this.tokens.userOf(req.AccessToken);
    const attribute = verifiable(req.AttributeName);
    const purpose = `verify-${attribute}` as const;
    const subject = userSubject(user);
    await this.attempts.begin('verify-attribute', subject);
    const check = await checkCode(this.dataSource.manager, user.sub, purpose, req.Code, this.codes);
    if (check !== 'match') throw codeRefusal(check, false);
    await this.dataSource.transaction(async (m) => {
      const locked = await lockUser(m, user.sub);
      // Taken by a concurrent request since the check: after it, this code is gone.
      if (!(await consumeCode(m, locked.sub, purpose, req.Code, this.codes)))
        throw codeRefusal('missing', false);
      if (!locked.attributes[attribute])
        throw CognitoErrors.invalidParameter(`User does not have the attribute ${attribute}.`);
      const attributes = { ...locked.attributes, [`${attribute}_verified`]: 'true' };
      await m.update(UserEntity, { sub: locked.sub }, { attributes, updatedAt: new Date() });
    });
    await this.attempts.succeeded('verify-attribute', subject);
    return {};
  }
}
