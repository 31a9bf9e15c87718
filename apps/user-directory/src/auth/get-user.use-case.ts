import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenRequest, GetUserResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { userMfaSettings } from '../mfa/mfa-preferences';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { toAttributeList } from '../users/user-attributes';
import { AccessTokenVerifier } from './access-token.verifier';

/** GetUser: the user's attributes and MFA settings, for the holder of their access token. */
@Injectable()
export class GetUserUseCase implements OperationHandler<typeof UserDirectoryOperations.GetUser> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(UserMfaRepository) private readonly mfa: UserMfaRepository,
  ) {}

  async execute(req: AccessTokenRequest): Promise<GetUserResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    return {
      Username: user.username,
      UserAttributes: toAttributeList(user.sub, user.attributes),
      ...userMfaSettings(await this.mfa.find(user.sub)),
    };
  }
}
