import { aPool, aUser } from '../../test/support/users-doubles';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { PasswordCredentials } from '../users/password-credentials';
import { FirstFactorChallenge, FirstFactors } from './flows/first-factors';
import { UserAuthFactors } from './user-auth-factors';

function factorsFor(offered: FirstFactorChallenge[], hasPassword: boolean, mfaRow?: object) {
  const firstFactors = { available: jest.fn().mockResolvedValue(offered) };
  const mfa = { find: jest.fn().mockResolvedValue(mfaRow) };
  const credentials = { hasPassword: jest.fn().mockReturnValue(hasPassword) };
  const service = new UserAuthFactors(
    firstFactors as unknown as FirstFactors,
    mfa as unknown as UserMfaRepository,
    credentials as unknown as PasswordCredentials,
  );
  return { service, firstFactors };
}

describe('UserAuthFactors', () => {
  it("answers USER_AUTH's offer for the user, PASSWORD once for both password challenges", async () => {
    const { service, firstFactors } = factorsFor(
      ['EMAIL_OTP', 'WEB_AUTHN', 'PASSWORD', 'PASSWORD_SRP'],
      true,
    );
    const pool = aPool();
    const user = aUser();
    await expect(service.of(pool, user)).resolves.toEqual({
      Username: 'ann',
      ConfiguredUserAuthFactors: ['EMAIL_OTP', 'WEB_AUTHN', 'PASSWORD'],
    });
    expect(firstFactors.available).toHaveBeenCalledWith(pool, user);
  });

  it('leaves PASSWORD out for a user who has no password (federated, imported)', async () => {
    const { service } = factorsFor(['SMS_OTP', 'PASSWORD', 'PASSWORD_SRP'], false);
    expect((await service.of(aPool(), aUser())).ConfiguredUserAuthFactors).toEqual(['SMS_OTP']);
  });

  it("adds GetUser's MFA members: the factors on and the preferred one", async () => {
    const { service } = factorsFor(['PASSWORD', 'PASSWORD_SRP'], true, {
      smsEnabled: false,
      totpEnabled: true,
      totpSecretEnc: Buffer.from('sealed'),
      emailEnabled: true,
      preferred: 'SOFTWARE_TOKEN_MFA',
    });
    await expect(service.of(aPool(), aUser())).resolves.toEqual({
      Username: 'ann',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      ConfiguredUserAuthFactors: ['PASSWORD'],
    });
  });
});
