import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenRequest, UserAuthFactorsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { AccessTokenVerifier } from './access-token.verifier';
import { UserAuthFactors } from './user-auth-factors';

/** GetUserAuthFactors: the holder of an access token learns their sign-in and MFA factors. */
@Injectable()
export class GetUserAuthFactorsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetUserAuthFactors
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserAuthFactors) private readonly factors: UserAuthFactors,
  ) {}

  async execute(req: AccessTokenRequest): Promise<UserAuthFactorsResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const { user } = await this.tokens.verify(req.AccessToken);
    return this.factors.of(await this.lookup.requirePool(user.poolId), user);
  }
}
