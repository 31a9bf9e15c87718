import { UserMfaEntity } from '../database/entities';
import { aUser, inPlaceTransactions, outcome, tx } from '../../test/support/users-doubles';
import { MfaPreferences, userMfaSettings } from './mfa-preferences';
import { UserMfaRepository } from './user-mfa.repository';

const user = aUser({
  attributes: {
    email: 'ann@example.com',
    email_verified: 'true',
    phone_number: '+15555550100',
    phone_number_verified: 'True',
  },
});
const unverified = aUser({
  attributes: { email: 'ann@example.com', email_verified: 'false', phone_number: '+15555550100' },
});

function setUp(row: Partial<UserMfaEntity> | undefined) {
  const rows = {
    find: jest.fn(async () =>
      row
        ? ({
            totpEnabled: false,
            smsEnabled: false,
            emailEnabled: false,
            preferred: null,
            ...row,
          } as UserMfaEntity)
        : undefined,
    ),
    savePreference: jest.fn(async () => undefined),
  };
  const preferences = new MfaPreferences(rows as unknown as UserMfaRepository, inPlaceTransactions());
  return { rows, preferences };
}

const verified = { totpSecretEnc: Buffer.from('sealed') };
const saved = (changes: Record<string, unknown>) => [
  user.sub,
  { totpEnabled: false, smsEnabled: false, emailEnabled: false, preferred: null, ...changes },
  expect.any(Date),
  tx,
];

describe('MfaPreferences', () => {
  it('turns a verified software token on and makes it preferred, holding the row', async () => {
    const { rows, preferences } = setUp(verified);
    await preferences.set(user, { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(rows.find).toHaveBeenCalledWith(user.sub, tx, true);
    expect(rows.savePreference).toHaveBeenCalledWith(
      ...saved({ totpEnabled: true, preferred: 'SOFTWARE_TOKEN_MFA' }),
    );
  });

  it('refuses to turn on a token never verified, and changes nothing', async () => {
    for (const row of [undefined, { totpPendingEnc: Buffer.from('pending'), totpSecretEnc: null }]) {
      const { rows, preferences } = setUp(row);
      await expect(
        preferences.set(user, { SoftwareTokenMfaSettings: { Enabled: true } }),
      ).rejects.toMatchObject({ message: 'User has not set up software token mfa' });
      expect(rows.savePreference).not.toHaveBeenCalled();
    }
  });

  it('turns the token off and drops it as the preferred factor', async () => {
    const { rows, preferences } = setUp({ ...verified, totpEnabled: true, preferred: 'SOFTWARE_TOKEN_MFA' });
    await preferences.set(user, { SoftwareTokenMfaSettings: { Enabled: false } });
    expect(rows.savePreference).toHaveBeenCalledWith(...saved({}));
  });

  it('turns SMS and email on for a user with both verified, creating the row, one preferred', async () => {
    const { rows, preferences } = setUp(undefined);
    await preferences.set(user, {
      SMSMfaSettings: { Enabled: true },
      EmailMfaSettings: { PreferredMfa: true },
    });
    expect(rows.savePreference).toHaveBeenCalledWith(
      ...saved({ smsEnabled: true, emailEnabled: true, preferred: 'EMAIL_OTP' }),
    );
  });

  it("refuses SMS or email without that address verified, in Cognito's words, and changes nothing", async () => {
    for (const [req, factor] of [
      [{ SMSMfaSettings: { Enabled: true } }, 'SMS_MFA'],
      [{ EmailMfaSettings: { Enabled: true, PreferredMfa: true } }, 'EMAIL_OTP'],
    ] as const) {
      const { rows, preferences } = setUp(undefined);
      await expect(preferences.set(unverified, req)).rejects.toMatchObject({
        errorName: 'InvalidParameterException',
        message: `User does not have delivery config set to turn on ${factor}`,
      });
      expect(rows.savePreference).not.toHaveBeenCalled();
    }
  });

  it('refuses two preferred factors and WebAuthn turned on; turning unset factors off changes nothing', async () => {
    const { rows, preferences } = setUp(undefined);
    for (const req of [
      { SMSMfaSettings: { PreferredMfa: true }, EmailMfaSettings: { PreferredMfa: true } },
      { WebAuthnMfaSettings: { Enabled: true } },
    ]) {
      await expect(outcome(preferences.set(user, req))).resolves.toBe('InvalidParameterException');
    }
    await preferences.set(unverified, {
      SMSMfaSettings: { Enabled: false },
      EmailMfaSettings: { Enabled: false },
    });
    expect(rows.savePreference).not.toHaveBeenCalled();
  });

  it('answers the factors on, the preferred one and the legacy MFAOptions for SMS', () => {
    expect(userMfaSettings(undefined)).toEqual({});
    expect(userMfaSettings({ totpEnabled: true, totpSecretEnc: null } as UserMfaEntity)).toEqual({});
    expect(userMfaSettings({ totpEnabled: false, totpSecretEnc: Buffer.from('s') } as UserMfaEntity)).toEqual(
      {},
    );
    expect(
      userMfaSettings({
        totpEnabled: true,
        totpSecretEnc: Buffer.from('s'),
        preferred: null,
      } as UserMfaEntity),
    ).toEqual({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
    expect(
      userMfaSettings({
        totpEnabled: true,
        totpSecretEnc: Buffer.from('s'),
        smsEnabled: true,
        emailEnabled: true,
        preferred: 'EMAIL_OTP',
      } as UserMfaEntity),
    ).toEqual({
      MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
      UserMFASettingList: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      PreferredMfaSetting: 'EMAIL_OTP',
    });
  });
});
