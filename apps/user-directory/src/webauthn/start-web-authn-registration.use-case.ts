import { Inject, Injectable } from '@nestjs/common';
import {
  StartWebAuthnRegistrationRequest,
  StartWebAuthnRegistrationResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { Passkeys } from './passkeys';

/** StartWebAuthnRegistration: the signed-in user's passkey creation options (ADR 0034). */
@Injectable()
export class StartWebAuthnRegistrationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.StartWebAuthnRegistration
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(Passkeys) private readonly passkeys: Passkeys,
  ) {}

  async execute(req: StartWebAuthnRegistrationRequest): Promise<StartWebAuthnRegistrationResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.accessTokens.userOf(req.AccessToken);
    return { CredentialCreationOptions: await this.passkeys.startRegistration(user) };
  }
}
