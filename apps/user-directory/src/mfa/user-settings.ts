import { MFAOptionType, UserMfaPreferenceSettings } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';

/**
 * SetUserSettings / AdminSetUserSettings, the legacy MFA setting, as the MFA preference it stands
 * for: an SMS option to `phone_number` turns SMS MFA on, an empty list turns it off; the preferred
 * factor is left as it is (MfaPreferences drops it when it is SMS turned off). SMS is all these
 * operations set, as in Cognito: any other medium or attribute is refused before anything changes.
 */
export function preferenceOfMfaOptions(options: unknown): UserMfaPreferenceSettings {
  if (!Array.isArray(options)) throw CognitoErrors.invalidParameter('MFAOptions is required.');
  for (const option of options as MFAOptionType[]) {
    if (typeof option !== 'object' || option === null)
      throw CognitoErrors.invalidParameter('MFAOptions must be a list of MFA options.');
    if (option.DeliveryMedium !== 'SMS')
      throw CognitoErrors.invalidParameter('Only SMS can be set as the delivery medium of MFA options.');
    if (option.AttributeName !== 'phone_number')
      throw CognitoErrors.invalidParameter('Only phone_number can be set as the attribute of MFA options.');
  }
  return { SMSMfaSettings: { Enabled: options.length > 0 } };
}
