import { ServiceError } from '@idfed/messaging';
import { preferenceOfMfaOptions } from './user-settings';

function refusal(options: unknown): string | undefined {
  try {
    preferenceOfMfaOptions(options);
    return undefined;
  } catch (err) {
    return (err as ServiceError).errorName;
  }
}

describe('preferenceOfMfaOptions (SetUserSettings / AdminSetUserSettings)', () => {
  it('turns SMS MFA on with the SMS option to phone_number, off with an empty list', () => {
    expect(preferenceOfMfaOptions([{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }])).toEqual({
      SMSMfaSettings: { Enabled: true },
    });
    expect(preferenceOfMfaOptions([])).toEqual({ SMSMfaSettings: { Enabled: false } });
  });

  it('leaves the other factors and the preferred one alone', () => {
    const settings = preferenceOfMfaOptions([{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }]);
    expect(Object.keys(settings)).toEqual(['SMSMfaSettings']);
    expect(settings.SMSMfaSettings).not.toHaveProperty('PreferredMfa');
  });

  it('refuses email, another attribute, a missing medium and a list that is not one', () => {
    for (const options of [
      [{ DeliveryMedium: 'EMAIL', AttributeName: 'email' }],
      [{ DeliveryMedium: 'SMS', AttributeName: 'email' }],
      [{ AttributeName: 'phone_number' }],
      [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }, null],
      undefined,
      'SMS',
    ]) {
      expect(refusal(options)).toBe('InvalidParameterException');
    }
  });
});
