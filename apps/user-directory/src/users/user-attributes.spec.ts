import { ServiceError } from '@idfed/messaging';
import { PoolConfig, poolConfigFromRequest } from '../pools/pool-config';
import { applyAttributeChanges } from './attribute-changes';
import { userAttributesFromRequest } from './user-attributes';
import { recoveryChannel } from './verification-codes';
import { idTokenClaims } from '../tokens/token-claims';

function config(): PoolConfig {
  return poolConfigFromRequest({ PoolName: 'p' }, 'arn');
}

function errorOf(fn: () => unknown): { name: string; message: string } | undefined {
  try {
    fn();
  } catch (err) {
    return (err as ServiceError).getError() as { name: string; message: string };
  }
  return undefined;
}

/*
 * Cognito takes `true`/`True`/`TRUE` (and the `false` spellings) for the verified flags and keeps
 * the value as given: a user created with AdminCreateUser and email_verified=`True` is answered
 * with `True` by GetUser, and is verified (aws-amplify/amplify-js#8205 and #7917, where Amplify
 * had to learn to read `True` back from Cognito).
 */
describe('verified flags in any letter case', () => {
  const spellings = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];

  it.each(spellings)(
    'an administrator may set email_verified and phone_number_verified to %s, kept as given',
    (v) => {
      const attributes = userAttributesFromRequest(
        config(),
        [
          { Name: 'email', Value: 'ann@example.com' },
          { Name: 'email_verified', Value: v },
          { Name: 'phone_number', Value: '+15555550100' },
          { Name: 'phone_number_verified', Value: v },
        ],
        { admin: true },
      );
      expect(attributes).toMatchObject({ email_verified: v, phone_number_verified: v });
    },
  );

  it.each(['yes', '1', 'tRuE ', ' true', ''])('still refuses %p', (v) => {
    expect(
      errorOf(() =>
        userAttributesFromRequest(config(), [{ Name: 'email_verified', Value: v }], { admin: true }),
      ),
    ).toEqual(expect.objectContaining({ name: 'InvalidParameterException' }));
  });

  it('still refuses the flags from a user (SignUp, UpdateUserAttributes), in any spelling', () => {
    for (const v of ['true', 'True']) {
      expect(
        errorOf(() => userAttributesFromRequest(config(), [{ Name: 'email_verified', Value: v }])),
      ).toEqual(expect.objectContaining({ name: 'InvalidParameterException' }));
    }
  });

  it('reads every spelling of true as verified: recovery, the ID token, a changed email kept verified', () => {
    expect(recoveryChannel({ email: 'ann@example.com', email_verified: 'True' })?.medium).toBe('EMAIL');
    expect(recoveryChannel({ phone_number: '+15555550100', phone_number_verified: 'TRUE' })?.medium).toBe(
      'SMS',
    );
    expect(recoveryChannel({ email: 'ann@example.com', email_verified: 'FALSE' })).toBeUndefined();

    const claims = idTokenClaims(
      { sub: 's', username: 'ann', attributes: { email_verified: 'True', phone_number_verified: 'FALSE' } },
      {
        issuer: 'i',
        clientId: 'c',
        originJti: 'o',
        eventId: 'e',
        authTime: 1,
        nowSeconds: 1,
        idTokenTtl: 60,
        accessTokenTtl: 60,
      },
    );
    expect(claims).toMatchObject({ email_verified: true, phone_number_verified: false });

    const changed = applyAttributeChanges(
      config(),
      { attributes: { email: 'old@example.com', email_verified: 'true' }, aliasKey: null },
      { email: 'new@example.com', email_verified: 'TRUE' },
    );
    expect(changed.attributes.email_verified).toBe('TRUE');
    expect(changed.toVerify).toEqual([]);
  });
});
