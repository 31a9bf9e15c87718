import { Inject, Injectable } from '@nestjs/common';
import { CompleteWebAuthnRegistrationRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { Passkeys } from './passkeys';

/** CompleteWebAuthnRegistration: the authenticator's answer to the options, verified and stored (ADR 0034). */
@Injectable()
export class CompleteWebAuthnRegistrationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CompleteWebAuthnRegistration
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(Passkeys) private readonly passkeys: Passkeys,
  ) {}

  async execute(req: CompleteWebAuthnRegistrationRequest): Promise<Record<string, never>> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const credential = req.Credential as unknown;
    if (!credential || typeof credential !== 'object' || Array.isArray(credential)) {
      throw CognitoErrors.invalidParameter('Credential is malformed.');
    }
    const user = await this.accessTokens.userOf(req.AccessToken);
    await this.passkeys.completeRegistration(user, credential as Record<string, unknown>);
    return {};
  }
}
