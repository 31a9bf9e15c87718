import { ServiceError } from '@idfed/messaging';
import { PoolConfig, poolConfigFromRequest } from '../pools/pool-config';
import { applyAttributeChanges } from './attribute-changes';
import { checkRequiredAttributes, userAttributesFromRequest } from './user-attributes';
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

/*
 * Values checked against the pool's schema (ADR 0038). AWS's words where observed: "birthdate:
 * String must be no shorter than 10 characters" behind "Invalid user attributes: "
 * (aws-sdk-java#1396), "Type for attribute {x} could not be determined" behind "Attributes did
 * not conform to the schema: " at sign-up, "user.x: Attribute does not exist in the schema." on
 * update (moto's record), "A client attempted to write unauthorized attribute"
 * (NotAuthorizedException). The Number and Boolean wordings are idfed's, modelled on the String one.
 */
describe('attribute values against the schema', () => {
  const pool = poolConfigFromRequest(
    {
      PoolName: 'p',
      Schema: [
        {
          Name: 'age',
          AttributeDataType: 'Number',
          NumberAttributeConstraints: { MinValue: '18', MaxValue: '150' },
        },
        {
          Name: 'code',
          AttributeDataType: 'String',
          StringAttributeConstraints: { MinLength: '2', MaxLength: '4' },
        },
        { Name: 'vip', AttributeDataType: 'Boolean' },
        { Name: 'joined', AttributeDataType: 'DateTime' },
        { Name: 'secret', AttributeDataType: 'String', DeveloperOnlyAttribute: true },
      ],
    },
    'arn',
  );
  const one = (Name: string, Value: string, opts: Parameters<typeof userAttributesFromRequest>[2] = {}) =>
    errorOf(() => userAttributesFromRequest(pool, [{ Name, Value }], opts));

  const accepted: [string, string][] = [
    ['custom:age', '18'],
    ['custom:age', '150'],
    ['custom:age', '42.5'],
    ['custom:code', 'ab'],
    ['custom:code', 'abcd'],
    ['custom:vip', 'true'],
    ['custom:vip', 'FALSE'],
    ['custom:joined', '2024-01-02T03:04:05Z'],
    ['birthdate', '1990-01-31'],
    ['updated_at', '1700000000'],
    ['nickname', 'x'.repeat(2048)],
  ];
  it.each(accepted)('accepts %s = %s', (Name, Value) => {
    expect(userAttributesFromRequest(pool, [{ Name, Value }])).toEqual({ [Name]: Value });
  });

  const refused: [string, string, string][] = [
    ['custom:age', 'ten', 'custom:age: Number must be a number'],
    ['custom:age', '17', 'custom:age: Number must be no less than 18'],
    ['custom:age', '151', 'custom:age: Number must be no greater than 150'],
    ['custom:code', 'a', 'custom:code: String must be no shorter than 2 characters'],
    ['custom:code', 'abcde', 'custom:code: String must be no longer than 4 characters'],
    ['custom:vip', 'yes', 'custom:vip: Boolean must be true or false'],
    ['birthdate', '1990-1-1', 'birthdate: String must be no shorter than 10 characters'],
    ['updated_at', '-1', 'updated_at: Number must be no less than 0'],
    ['nickname', 'x'.repeat(2049), 'nickname: String must be no longer than 2048 characters'],
  ];
  it.each(refused)('refuses %s = %s on update, as "Invalid user attributes"', (Name, Value, detail) => {
    expect(one(Name, Value)).toEqual({
      name: 'InvalidParameterException',
      message: `Invalid user attributes: ${detail}`,
    });
  });
  it.each(refused)('refuses %s = %s at creation, as "Attributes did not conform"', (Name, Value, detail) => {
    expect(one(Name, Value, { phase: 'create', admin: true })).toEqual({
      name: 'InvalidParameterException',
      message: `Attributes did not conform to the schema: ${detail}`,
    });
  });

  it('refuses an attribute the schema lacks, in the words of each phase', () => {
    expect(one('custom:nope', 'x', { phase: 'create' })).toEqual({
      name: 'InvalidParameterException',
      message:
        'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined',
    });
    expect(one('custom:nope', 'x')).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid user attributes: user.custom:nope: Attribute does not exist in the schema.\n',
    });
    // A developer-only attribute is named dev:custom:, never custom:.
    expect(one('custom:secret', 'x')?.name).toBe('InvalidParameterException');
  });

  it('lets only an administrator write a developer-only attribute', () => {
    expect(one('dev:custom:secret', 'x')).toEqual({
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    });
    expect(one('dev:custom:secret', 'x', { phase: 'create' })?.name).toBe('NotAuthorizedException');
    expect(
      userAttributesFromRequest(pool, [{ Name: 'dev:custom:secret', Value: 'x' }], { admin: true }),
    ).toEqual({
      'dev:custom:secret': 'x',
    });
  });

  it('names every missing required attribute at sign-up, name as name.formatted', () => {
    const required = poolConfigFromRequest(
      {
        PoolName: 'p',
        Schema: [
          { Name: 'name', Required: true },
          { Name: 'given_name', Required: true },
        ],
      },
      'arn',
    );
    expect(errorOf(() => checkRequiredAttributes(required, { given_name: 'Ann' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: name.formatted: The attribute is required',
    });
    expect(errorOf(() => checkRequiredAttributes(required, {}))?.message).toBe(
      'Attributes did not conform to the schema: name.formatted: The attribute is required\ngiven_name: The attribute is required',
    );
    expect(() => checkRequiredAttributes(required, { name: 'Ann A', given_name: 'Ann' })).not.toThrow();
  });
});
