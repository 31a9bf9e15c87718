import { Inject, Injectable } from '@nestjs/common';
import { UserAuthFactorsResponse } from '@idfed/contracts';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { userMfaSettings } from '../mfa/mfa-preferences';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { PasswordCredentials } from '../users/password-credentials';
import { FirstFactors } from './flows/first-factors';

/**
 * What GetUserAuthFactors and AdminGetUserAuthFactors answer: GetUser's MFA members, and as
 * `ConfiguredUserAuthFactors` the first factors USER_AUTH would offer this user now (ADR 0034's
 * FirstFactors.available, so the answer cannot drift from the sign-in): a code factor needs the
 * email or phone it goes to, WEB_AUTHN a registered passkey, and PASSWORD (which covers
 * PASSWORD_SRP) a password the user has; a federated or imported user without one is not offered it.
 */
@Injectable()
export class UserAuthFactors {
  constructor(
    @Inject(FirstFactors) private readonly firstFactors: FirstFactors,
    @Inject(UserMfaRepository) private readonly mfa: UserMfaRepository,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
  ) {}

  async of(pool: UserPoolEntity, user: UserEntity): Promise<UserAuthFactorsResponse> {
    const configured: UserAuthFactorsResponse['ConfiguredUserAuthFactors'] = [];
    for (const factor of await this.firstFactors.available(pool, user)) {
      if (factor === 'PASSWORD_SRP') continue;
      if (factor === 'PASSWORD' && !this.credentials.hasPassword(user)) continue;
      configured.push(factor);
    }
    const { UserMFASettingList, PreferredMfaSetting } = userMfaSettings(await this.mfa.find(user.sub));
    return {
      Username: user.username,
      ...(PreferredMfaSetting ? { PreferredMfaSetting } : {}),
      ...(UserMFASettingList ? { UserMFASettingList } : {}),
      ConfiguredUserAuthFactors: configured,
    };
  }
}
