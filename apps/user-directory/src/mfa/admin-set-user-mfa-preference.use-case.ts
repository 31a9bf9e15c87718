import { Inject, Injectable } from '@nestjs/common';
import {
  AdminSetUserMFAPreferenceRequest,
  AdminSetUserMFAPreferenceResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from '../users/user-lookup';
import { MfaPreferences } from './mfa-preferences';

/** AdminSetUserMFAPreference: an administrator turns a user's MFA factors on or off. */
@Injectable()
export class AdminSetUserMFAPreferenceUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminSetUserMFAPreference
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(MfaPreferences) private readonly preferences: MfaPreferences,
  ) {}

  async execute(req: AdminSetUserMFAPreferenceRequest): Promise<AdminSetUserMFAPreferenceResponse> {
    const { user } = await this.lookup.requireAdminUser(req, undefined, false);
    await this.preferences.set(user, req);
    return {};
  }
}
