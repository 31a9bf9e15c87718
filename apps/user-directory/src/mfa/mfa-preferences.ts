import { Inject, Injectable } from '@nestjs/common';
import { GetUserResponse, UserMfaPreferenceSettings } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { MfaFactor, UserEntity, UserMfaEntity } from '../database/entities';
import { UserMfaRepository } from './user-mfa.repository';

/** The MFA members of GetUser and AdminGetUser: the factors a user has on, and the preferred one. */
export function userMfaSettings(
  row: UserMfaEntity | undefined,
): Pick<GetUserResponse, 'UserMFASettingList' | 'PreferredMfaSetting'> {
  if (!row?.totpEnabled || !row.totpSecretEnc) return {};
  return {
    UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    ...(row.preferred ? { PreferredMfaSetting: row.preferred } : {}),
  };
}

/**
 * SetUserMFAPreference and AdminSetUserMFAPreference: a factor's settings the request leaves out
 * stay as they are. The software token can be turned on only once a code of it was verified; SMS,
 * email and WebAuthn factors are not served, so turning one on is refused (turning one off is a
 * no-op).
 */
@Injectable()
export class MfaPreferences {
  constructor(
    @Inject(UserMfaRepository) private readonly rows: UserMfaRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async set(user: UserEntity, req: UserMfaPreferenceSettings): Promise<void> {
    refuseUnserved('SMS_MFA', req.SMSMfaSettings);
    refuseUnserved('EMAIL_OTP', req.EmailMfaSettings);
    refuseUnserved('WEB_AUTHN', req.WebAuthnMfaSettings);
    const totp = req.SoftwareTokenMfaSettings;
    if (!totp) return;
    await this.transactions.run(async (tx) => {
      const row = await this.rows.find(user.sub, tx, true);
      const enabled = totp.Enabled ?? (totp.PreferredMfa === true ? true : (row?.totpEnabled ?? false));
      if (enabled && !row?.totpSecretEnc) {
        throw CognitoErrors.invalidParameter('User has not set up software token mfa');
      }
      if (!row) return;
      let preferred: MfaFactor | null = row.preferred;
      if (totp.PreferredMfa === true) preferred = 'SOFTWARE_TOKEN_MFA';
      if ((totp.PreferredMfa === false || !enabled) && preferred === 'SOFTWARE_TOKEN_MFA') preferred = null;
      await this.rows.updatePreference(user.sub, { totpEnabled: enabled, preferred }, new Date(), tx);
    });
  }
}

function refuseUnserved(factor: string, settings: { Enabled?: boolean; PreferredMfa?: boolean } | undefined) {
  if (settings?.Enabled === true || settings?.PreferredMfa === true) {
    throw CognitoErrors.invalidParameter(`${factor} is not supported by this idfed version.`);
  }
}
