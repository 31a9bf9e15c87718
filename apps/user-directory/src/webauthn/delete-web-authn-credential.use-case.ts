import { Inject, Injectable } from '@nestjs/common';
import { DeleteWebAuthnCredentialRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { Passkeys } from './passkeys';

/** DeleteWebAuthnCredential: one of the signed-in user's passkeys, by id (ADR 0034). */
@Injectable()
export class DeleteWebAuthnCredentialUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteWebAuthnCredential
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(Passkeys) private readonly passkeys: Passkeys,
  ) {}

  async execute(req: DeleteWebAuthnCredentialRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .string('CredentialId', { required: true, min: 1 })
      .check();
    const user = await this.accessTokens.userOf(req.AccessToken);
    await this.passkeys.delete(user, req.CredentialId);
    return {};
  }
}
