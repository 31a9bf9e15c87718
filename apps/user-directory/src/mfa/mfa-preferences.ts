import { Inject, Injectable } from '@nestjs/common';
import { GetUserResponse, MfaSettingsType, UserMfaPreferenceSettings } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { MfaFactor, UserEntity, UserMfaEntity } from '../database/entities';
import { isVerified } from '../users/verified-flag';
import { UserMfaRepository } from './user-mfa.repository';

/** The factors a user has on, in the order Cognito lists them. */
export function userFactors(row: UserMfaEntity | undefined): MfaFactor[] {
  if (!row) return [];
  const factors: MfaFactor[] = [];
  if (row.smsEnabled) factors.push('SMS_MFA');
  if (row.totpEnabled && row.totpSecretEnc) factors.push('SOFTWARE_TOKEN_MFA');
  if (row.emailEnabled) factors.push('EMAIL_OTP');
  return factors;
}

/**
 * The MFA members of GetUser and AdminGetUser: the factors a user has on, the preferred one, and
 * the legacy MFAOptions (SMS to the phone number) when SMS is on.
 */
export function userMfaSettings(
  row: UserMfaEntity | undefined,
): Pick<GetUserResponse, 'UserMFASettingList' | 'PreferredMfaSetting' | 'MFAOptions'> {
  const factors = userFactors(row);
  if (factors.length === 0) return {};
  return {
    ...(row?.smsEnabled ? { MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }] } : {}),
    UserMFASettingList: factors,
    ...(row?.preferred && factors.includes(row.preferred) ? { PreferredMfaSetting: row.preferred } : {}),
  };
}

/** The attribute (and its verified flag) a code factor is sent to. */
const DELIVERY: Record<'SMS_MFA' | 'EMAIL_OTP', { attribute: string; flag: string }> = {
  SMS_MFA: { attribute: 'phone_number', flag: 'phone_number_verified' },
  EMAIL_OTP: { attribute: 'email', flag: 'email_verified' },
};

/** Whether the user has the verified address a code factor is sent to. */
export function hasDeliveryFor(user: UserEntity, factor: 'SMS_MFA' | 'EMAIL_OTP'): boolean {
  const { attribute, flag } = DELIVERY[factor];
  return Boolean(user.attributes[attribute]) && isVerified(user.attributes[flag]);
}

/**
 * SetUserMFAPreference and AdminSetUserMFAPreference: a factor's settings the request leaves out
 * stay as they are; `PreferredMfa: true` alone turns the factor on too. The software token can be
 * turned on only once a code of it was verified; SMS and email only for a user with that address
 * verified (ADR 0022). WebAuthn is not served, so turning it on is refused (off is a no-op).
 */
@Injectable()
export class MfaPreferences {
  constructor(
    @Inject(UserMfaRepository) private readonly rows: UserMfaRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async set(user: UserEntity, req: UserMfaPreferenceSettings): Promise<void> {
    if (req.WebAuthnMfaSettings?.Enabled === true) {
      throw CognitoErrors.invalidParameter('WEB_AUTHN is not supported by this idfed version.');
    }
    const requested: [MfaFactor, MfaSettingsType | undefined][] = [
      ['SMS_MFA', req.SMSMfaSettings],
      ['SOFTWARE_TOKEN_MFA', req.SoftwareTokenMfaSettings],
      ['EMAIL_OTP', req.EmailMfaSettings],
    ];
    if (requested.filter(([, s]) => s?.PreferredMfa === true).length > 1) {
      throw CognitoErrors.invalidParameter('Only one MFA type can be set as preferred.');
    }
    if (requested.every(([, s]) => !s)) return;
    for (const [factor, settings] of requested) {
      if (factor === 'SOFTWARE_TOKEN_MFA' || !turnsOn(settings)) continue;
      if (!hasDeliveryFor(user, factor)) {
        throw CognitoErrors.invalidParameter(`User does not have delivery config set to turn on ${factor}`);
      }
    }
    await this.transactions.run(async (tx) => {
      const row = await this.rows.find(user.sub, tx, true);
      const totp = req.SoftwareTokenMfaSettings;
      const totpEnabled = enabledAfter(totp, row?.totpEnabled ?? false);
      if (totp && totpEnabled && !row?.totpSecretEnc) {
        throw CognitoErrors.invalidParameter('User has not set up software token mfa');
      }
      const enabled: Record<MfaFactor, boolean> = {
        SMS_MFA: enabledAfter(req.SMSMfaSettings, row?.smsEnabled ?? false),
        SOFTWARE_TOKEN_MFA: totpEnabled,
        EMAIL_OTP: enabledAfter(req.EmailMfaSettings, row?.emailEnabled ?? false),
      };
      let preferred: MfaFactor | null = row?.preferred ?? null;
      for (const [factor, settings] of requested) {
        if (settings?.PreferredMfa === true) preferred = factor;
        else if (preferred === factor && (settings?.PreferredMfa === false || !enabled[factor])) {
          preferred = null;
        }
      }
      if (preferred && !enabled[preferred]) preferred = null;
      if (!row && !enabled.SMS_MFA && !enabled.EMAIL_OTP) return;
      await this.rows.savePreference(
        user.sub,
        {
          totpEnabled: enabled.SOFTWARE_TOKEN_MFA,
          smsEnabled: enabled.SMS_MFA,
          emailEnabled: enabled.EMAIL_OTP,
          preferred,
        },
        new Date(),
        tx,
      );
    });
  }
}

function turnsOn(settings: MfaSettingsType | undefined): boolean {
  return settings?.Enabled === true || (settings?.Enabled === undefined && settings?.PreferredMfa === true);
}

function enabledAfter(settings: MfaSettingsType | undefined, current: boolean): boolean {
  if (!settings) return current;
  if (settings.Enabled !== undefined) return settings.Enabled;
  return settings.PreferredMfa === true ? true : current;
}
