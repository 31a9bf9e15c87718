import { Inject, Injectable } from '@nestjs/common';
import { AdminSetUserSettingsRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from '../users/user-lookup';
import { MfaPreferences } from './mfa-preferences';
import { preferenceOfMfaOptions } from './user-settings';

/** AdminSetUserSettings: an administrator turns a user's SMS MFA on or off, the legacy way. */
@Injectable()
export class AdminSetUserSettingsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminSetUserSettings
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(MfaPreferences) private readonly preferences: MfaPreferences,
  ) {}

  async execute(req: AdminSetUserSettingsRequest): Promise<Record<string, never>> {
    const { user } = await this.lookup.requireAdminUser(req, undefined, false);
    await this.preferences.set(user, preferenceOfMfaOptions(req.MFAOptions));
    return {};
  }
}
