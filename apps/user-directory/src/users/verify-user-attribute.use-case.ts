import { Inject, Injectable } from '@nestjs/common';
import {
  UserDirectoryOperations,
  VerifyUserAttributeRequest,
  VerifyUserAttributeResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { codeRefusal, VerificationCodes } from './verification-codes';
import { verifiable } from './user-attribute-edits';

/** VerifyUserAttribute: the code proves the user holds the email or phone; wrong guesses count towards a lockout. */
@Injectable()
export class VerifyUserAttributeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.VerifyUserAttribute
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
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
    const check = await this.codes.check(user.sub, purpose, req.Code);
    if (check !== 'match') throw codeRefusal(check, false);
    await this.transactions.run(async (tx) => {
      const locked = await this.lookup.lockUser(user.sub, tx);
      // Taken by a concurrent request since the check: after it, this code is gone.
      if (!(await this.codes.consume(locked.sub, purpose, req.Code, tx))) throw codeRefusal('missing', false);
      // A value waiting for verification (AttributesRequireVerificationBeforeUpdate) takes effect now.
      const pending = { ...(locked.pendingAttributes ?? {}) };
      const value = pending[attribute] ?? locked.attributes[attribute];
      if (!value) throw CognitoErrors.invalidParameter(`User does not have the attribute ${attribute}.`);
      delete pending[attribute];
      const attributes = { ...locked.attributes, [attribute]: value, [`${attribute}_verified`]: 'true' };
      // Another user already signs in with this email or phone (ADR 0044): no flag, no alias.
      const pendingAttributes = Object.keys(pending).length ? pending : null;
      const changes = {
        attributes,
        updatedAt: new Date(),
        ...(locked.pendingAttributes ? { pendingAttributes } : {}),
      };
      if ((await this.users.updateClaiming(locked.sub, changes, tx)) === 'alias-exists')
        throw CognitoErrors.aliasExistsForAttribute();
    });
    await this.attempts.succeeded('verify-attribute', subject);
    return {};
  }
}
