import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenRequest, GetUserResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { toAttributeList } from '../users/user-attributes';
import { AccessTokenVerifier } from './access-token.verifier';

/** GetUser: the user's attributes, for the holder of their access token. */
@Injectable()
export class GetUserUseCase implements OperationHandler<typeof UserDirectoryOperations.GetUser> {
  constructor(@Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier) {}

  async execute(req: AccessTokenRequest): Promise<GetUserResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    return { Username: user.username, UserAttributes: toAttributeList(user.sub, user.attributes) };
  }
}
