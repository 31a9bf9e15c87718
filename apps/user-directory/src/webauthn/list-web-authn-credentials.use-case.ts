import { Inject, Injectable } from '@nestjs/common';
import {
  ListWebAuthnCredentialsRequest,
  ListWebAuthnCredentialsResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { Passkeys } from './passkeys';

/** ListWebAuthnCredentials: the signed-in user's passkeys, oldest first, a page at a time (ADR 0034). */
@Injectable()
export class ListWebAuthnCredentialsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListWebAuthnCredentials
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(Passkeys) private readonly passkeys: Passkeys,
  ) {}

  async execute(req: ListWebAuthnCredentialsRequest): Promise<ListWebAuthnCredentialsResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .integer('MaxResults', { min: 1, max: 20 })
      .string('NextToken', { min: 1, pattern: /^\S+$/ })
      .check();
    const user = await this.accessTokens.userOf(req.AccessToken);
    return this.passkeys.list(user, req.MaxResults, req.NextToken);
  }
}
