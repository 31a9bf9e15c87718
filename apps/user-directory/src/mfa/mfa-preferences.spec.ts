import { UserMfaEntity } from '../database/entities';
import { aUser, inPlaceTransactions, outcome, tx } from '../../test/support/users-doubles';
import { MfaPreferences, userMfaSettings } from './mfa-preferences';
import { UserMfaRepository } from './user-mfa.repository';

const user = aUser();

function setUp(row: Partial<UserMfaEntity> | undefined) {
  const rows = {
    find: jest.fn(async () =>
      row ? ({ totpEnabled: false, preferred: null, ...row } as UserMfaEntity) : undefined,
    ),
    updatePreference: jest.fn(async () => undefined),
  };
  const preferences = new MfaPreferences(rows as unknown as UserMfaRepository, inPlaceTransactions());
  return { rows, preferences };
}

const verified = { totpSecretEnc: Buffer.from('sealed') };

describe('MfaPreferences', () => {
  it('turns a verified software token on and makes it preferred, holding the row', async () => {
    const { rows, preferences } = setUp(verified);
    await preferences.set(user, { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    expect(rows.find).toHaveBeenCalledWith(user.sub, tx, true);
    expect(rows.updatePreference).toHaveBeenCalledWith(
      user.sub,
      { totpEnabled: true, preferred: 'SOFTWARE_TOKEN_MFA' },
      expect.any(Date),
      tx,
    );
  });

  it('refuses to turn on a token never verified, and changes nothing', async () => {
    for (const row of [undefined, { totpPendingEnc: Buffer.from('pending'), totpSecretEnc: null }]) {
      const { rows, preferences } = setUp(row);
      await expect(
        preferences.set(user, { SoftwareTokenMfaSettings: { Enabled: true } }),
      ).rejects.toMatchObject({ message: 'User has not set up software token mfa' });
      expect(rows.updatePreference).not.toHaveBeenCalled();
    }
  });

  it('turns the token off and drops it as the preferred factor', async () => {
    const { rows, preferences } = setUp({ ...verified, totpEnabled: true, preferred: 'SOFTWARE_TOKEN_MFA' });
    await preferences.set(user, { SoftwareTokenMfaSettings: { Enabled: false } });
    expect(rows.updatePreference).toHaveBeenCalledWith(
      user.sub,
      { totpEnabled: false, preferred: null },
      expect.any(Date),
      tx,
    );
  });

  it('refuses SMS, email and WebAuthn turned on (not served), accepts them turned off', async () => {
    const { rows, preferences } = setUp(verified);
    for (const req of [
      { SMSMfaSettings: { Enabled: true } },
      { EmailMfaSettings: { PreferredMfa: true } },
      { WebAuthnMfaSettings: { Enabled: true } },
    ]) {
      await expect(outcome(preferences.set(user, req))).resolves.toBe('InvalidParameterException');
    }
    await preferences.set(user, { SMSMfaSettings: { Enabled: false }, EmailMfaSettings: { Enabled: false } });
    expect(rows.find).not.toHaveBeenCalled();
  });

  it('answers the MFA settings only for a token that is verified and on', () => {
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
  });
});
