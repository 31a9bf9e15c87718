import { Inject, Injectable } from '@nestjs/common';
import { SetUserSettingsRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { MfaPreferences } from './mfa-preferences';
import { preferenceOfMfaOptions } from './user-settings';

/** SetUserSettings: the holder of an access token turns SMS MFA on or off, the legacy way. */
@Injectable()
export class SetUserSettingsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SetUserSettings
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(MfaPreferences) private readonly preferences: MfaPreferences,
  ) {}

  async execute(req: SetUserSettingsRequest): Promise<Record<string, never>> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const settings = preferenceOfMfaOptions(req.MFAOptions);
    const user = await this.accessTokens.userOf(req.AccessToken);
    await this.preferences.set(user, settings);
    return {};
  }
}
