import { Inject, Injectable } from '@nestjs/common';
import {
  SetUserMFAPreferenceRequest,
  SetUserMFAPreferenceResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { MfaPreferences } from './mfa-preferences';

/** SetUserMFAPreference: the holder of an access token turns their MFA factors on or off. */
@Injectable()
export class SetUserMFAPreferenceUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SetUserMFAPreference
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(MfaPreferences) private readonly preferences: MfaPreferences,
  ) {}

  async execute(req: SetUserMFAPreferenceRequest): Promise<SetUserMFAPreferenceResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.accessTokens.userOf(req.AccessToken);
    await this.preferences.set(user, req);
    return {};
  }
}
