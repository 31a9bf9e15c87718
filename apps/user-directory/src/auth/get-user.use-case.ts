import { AccessTokenRequest, GetUserResponse } from '@idfed/contracts';
import { Members, RequestValidator } from '../common/validate';
import { toAttributeList } from '../users/user-attributes';
import { AccessTokenVerifier } from './access-token.verifier';

/** GetUser: the user's attributes, for the holder of their access token. */
export class GetUserUseCase {
  constructor(private readonly tokens: AccessTokenVerifier) {}

  async execute(req: AccessTokenRequest): Promise<GetUserResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    return { Username: user.username, UserAttributes: toAttributeList(user.sub, user.attributes) };
  }
}
