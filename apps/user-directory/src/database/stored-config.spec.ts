import { clientConfigFromRequest, lifetimesInSeconds } from '../clients/client-config';
import { passwordPolicyViolation } from '../users/password-policy';
import { poolConfigFromRequest } from '../pools/pool-config';
import { temporaryPasswordExpiry } from '../users/temporary-password';
import { storedClientConfig, storedPoolConfig } from './stored-config';

/** Configuration an earlier version stored unchecked is read back as something safe to act on. */
describe('stored configuration read back defensively', () => {
  const pool = poolConfigFromRequest(
    { PoolName: 'p' },
    'arn:aws:cognito-idp:us-east-1:000000000000:userpool/p',
  );
  const client = clientConfigFromRequest({ UserPoolId: 'us-east-1_x', ClientName: 'c' });

  it('returns well-formed configuration unchanged', () => {
    expect(storedPoolConfig(pool)).toEqual(pool);
    expect(storedClientConfig(client)).toEqual(client);
  });

  it('does not let a MinimumLength stored as text accept every password', () => {
    const broken = { ...pool, passwordPolicy: { ...pool.passwordPolicy, MinimumLength: 'x' } } as never;
    const repaired = storedPoolConfig(broken);
    expect(repaired.passwordPolicy.MinimumLength).toBe(8);
    expect(passwordPolicyViolation('Aa1!', repaired.passwordPolicy)).toBe('Password not long enough');
  });

  it('keeps a number stored as text and brings an out-of-range one back into AWS range', () => {
    const policy = (MinimumLength: unknown) =>
      storedPoolConfig({ ...pool, passwordPolicy: { ...pool.passwordPolicy, MinimumLength } } as never)
        .passwordPolicy.MinimumLength;
    expect(policy('12')).toBe(12);
    expect(policy(2)).toBe(6);
    expect(policy(1000)).toBe(99);
  });

  it.each([['x'], [-3], [null], [{}], [1e12]])(
    'gives a usable temporary-password expiry for TemporaryPasswordValidityDays %j',
    (days) => {
      const repaired = storedPoolConfig({
        ...pool,
        passwordPolicy: { ...pool.passwordPolicy, TemporaryPasswordValidityDays: days },
      } as never);
      const expiry = temporaryPasswordExpiry(repaired, new Date(0));
      expect(Number.isFinite(expiry.getTime())).toBe(true);
      expect(expiry.getTime()).toBeGreaterThan(0);
    },
  );

  it('keeps policy requirements on when they cannot be read', () => {
    const repaired = storedPoolConfig({
      ...pool,
      passwordPolicy: { ...pool.passwordPolicy, RequireSymbols: 'no', RequireNumbers: false },
    } as never);
    expect(repaired.passwordPolicy.RequireSymbols).toBe(true);
    expect(repaired.passwordPolicy.RequireNumbers).toBe(false);
  });

  it.each([[{ AccessToken: 'weeks' }], ['hours'], [null], [{ IdToken: 5 }]])(
    'gives finite token lifetimes for TokenValidityUnits %j',
    (units) => {
      const repaired = storedClientConfig({ ...client, units } as never);
      const lifetimes = lifetimesInSeconds(repaired);
      for (const seconds of Object.values(lifetimes)) expect(Number.isInteger(seconds)).toBe(true);
      expect(lifetimes.access).toBeGreaterThanOrEqual(300);
      expect(lifetimes.access).toBeLessThanOrEqual(86400);
      expect(lifetimes.refresh).toBeGreaterThanOrEqual(3600);
    },
  );

  it('brings token validities stored as nonsense back into range', () => {
    const repaired = storedClientConfig({
      ...client,
      accessTokenValidity: 'x',
      idTokenValidity: 10_000,
      refreshTokenValidity: -1,
      authSessionValidity: 'y',
    } as never);
    expect(lifetimesInSeconds(repaired)).toEqual({ access: 3600, id: 86400, refresh: 86400 });
    expect(repaired.authSessionValidity).toBe(3);
  });
});
