import { AwsError } from '../aws.error';
import { validateOperationInput } from './operation-input.validator';

function refusal(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected the request to be refused');
}

describe('edge validation against the AWS input shapes', () => {
  const pool = 'us-east-1_abc123';

  it('passes a well-formed request through, dropping null members as AWS does', () => {
    expect(
      validateOperationInput('cognito-idp', 'ListUsers', { UserPoolId: pool, Filter: null, Limit: 5 }),
    ).toEqual({
      UserPoolId: pool,
      Limit: 5,
    });
  });

  it("takes a null AuthParameters / ChallengeResponses value as absent (amazon-cognito-identity-js's DEVICE_KEY)", () => {
    const c = 'client1234567890abcdefghij';
    expect(
      validateOperationInput('cognito-idp', 'InitiateAuth', {
        ClientId: c,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'ann', SRP_A: 'ab', DEVICE_KEY: null },
      }),
    ).toEqual({ ClientId: c, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'ann', SRP_A: 'ab' } });
    expect(
      validateOperationInput('cognito-idp', 'RespondToAuthChallenge', {
        ClientId: c,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: { USERNAME: 'ann', DEVICE_KEY: null },
      }),
    ).toMatchObject({ ChallengeResponses: { USERNAME: 'ann' } });
    // Other maps keep AWS's refusal.
    const err = refusal(() =>
      validateOperationInput('cognito-idp', 'InitiateAuth', {
        ClientId: c,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'ann' },
        ClientMetadata: { app: null },
      }),
    );
    expect(err.message).toContain('Map value must not be null');
  });

  it('names every missing required member in AWS words', () => {
    const err = refusal(() => validateOperationInput('cognito-idp', 'SignUp', {}));
    expect(err.errorName).toBe('InvalidParameterException');
    expect(err.message).toMatch(/^2 validation errors detected: /);
    expect(err.message).toContain(
      "Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    );
  });

  // AWS: "An error occurred (ValidationException) when calling the CreateIdentityPool operation: 1
  // validation error detected: Value 'test-with-identity-pool' at 'identityPoolName' failed to
  // satisfy constraint: Member must satisfy regular expression pattern: ..." (getmoto/moto#1979,
  // verified against AWS in moto#4415); GetId's identityPoolId likewise (amplify-swift#2864).
  it.each([
    [
      'CreateIdentityPool',
      { IdentityPoolName: 'bad/name', AllowUnauthenticatedIdentities: false },
      'identityPoolName',
    ],
    [
      'UpdateIdentityPool',
      {
        IdentityPoolId: 'us-east-1:0f0e2c53-49b0-4b7c-9fd0-8d1f0c6c31c4',
        IdentityPoolName: 'x'.repeat(129),
        AllowUnauthenticatedIdentities: false,
      },
      'identityPoolName',
    ],
    ['GetId', { IdentityPoolId: 'us-east-1_notanidentitypool' }, 'identityPoolId'],
  ])(
    'answers Cognito Identity constraint violations of %s with ValidationException, as AWS',
    (op, input, member) => {
      const err = refusal(() => validateOperationInput('cognito-identity', op, input));
      expect(err.errorName).toBe('ValidationException');
      expect(err.message).toMatch(
        new RegExp(
          `^1 validation error detected: Value '.*' at '${member}' failed to satisfy constraint: Member must`,
        ),
      );
    },
  );

  it('keeps InvalidParameterException for user pools and SerializationException for wrong types in Cognito Identity', () => {
    expect(
      refusal(() => validateOperationInput('cognito-idp', 'DescribeUserPool', { UserPoolId: 'bad/pool' }))
        .errorName,
    ).toBe('InvalidParameterException');
    expect(
      refusal(() => validateOperationInput('cognito-identity', 'DescribeIdentityPool', { IdentityPoolId: 5 }))
        .errorName,
    ).toBe('SerializationException');
  });

  it('words nested constraint violations with the member path AWS uses', () => {
    const err = refusal(() =>
      validateOperationInput('cognito-idp', 'CreateUserPool', {
        PoolName: 'p',
        Policies: { PasswordPolicy: { MinimumLength: 5, TemporaryPasswordValidityDays: 400 } },
      }),
    );
    expect(err.message).toBe(
      "2 validation errors detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6; " +
        "Value '400' at 'policies.passwordPolicy.temporaryPasswordValidityDays' failed to satisfy constraint: Member must have value less than or equal to 365",
    );
  });

  it.each([
    [{ UserPoolId: pool, Username: 5 }, 'NUMBER_VALUE can not be converted to a String'],
    [{ UserPoolId: pool, Username: ['a'] }, 'Start of list found where not expected'],
    [{ UserPoolId: pool, Username: { a: 1 } }, 'Start of structure or map found where not expected.'],
  ])('answers a wrongly typed JSON member with SerializationException (%j)', (input, message) => {
    const err = refusal(() => validateOperationInput('cognito-idp', 'AdminGetUser', input));
    expect([err.errorName, err.message]).toEqual(['SerializationException', message]);
  });

  it('never echoes a sensitive value', () => {
    const err = refusal(() =>
      validateOperationInput('cognito-idp', 'SignUp', {
        ClientId: 'c',
        Username: 'u',
        Password: ' secret-value ',
      }),
    );
    expect(err.message).toContain("Value at 'password' failed to satisfy constraint");
    expect(err.message).not.toContain('secret-value');
  });

  it.each([['a\u0000b'], ['\ud800'], ['x\udc00y']])('refuses text PostgreSQL cannot store (%j)', (value) => {
    const err = refusal(() =>
      validateOperationInput('cognito-idp', 'CreateGroup', {
        UserPoolId: pool,
        GroupName: 'g',
        Description: value,
      }),
    );
    expect(err.errorName).toBe('InvalidParameterException');
    expect(err.message).toContain("at 'description' failed to satisfy constraint");
  });

  it('checks enums, list sizes and map entries', () => {
    const err = refusal(() =>
      validateOperationInput('cognito-idp', 'CreateUserPoolClient', {
        UserPoolId: pool,
        ClientName: 'c',
        TokenValidityUnits: { AccessToken: 'weeks' },
        ExplicitAuthFlows: ['NOPE'],
      }),
    );
    expect(err.message).toContain(
      "Value 'weeks' at 'tokenValidityUnits.accessToken' failed to satisfy constraint: Member must satisfy enum value set: [seconds, minutes, hours, days]",
    );
    expect(err.message).toContain("at 'explicitAuthFlows.1.member'");
  });

  it('turns Query text into the numbers, booleans and lists the shape declares', () => {
    expect(validateOperationInput('iam', 'ListRoles', { MaxItems: '10' })).toEqual({ MaxItems: 10 });
    expect(
      validateOperationInput('iam', 'CreateOpenIDConnectProvider', {
        Url: 'https://a.example',
        ClientIDList: '',
      }),
    ).toEqual({ Url: 'https://a.example', ClientIDList: [] });
  });

  it('answers a Query value of the wrong type with ValidationError', () => {
    const err = refusal(() => validateOperationInput('iam', 'ListRoles', { MaxItems: 'ten' }));
    expect([err.errorName, err.message]).toEqual([
      'ValidationError',
      "1 validation error detected: Value 'ten' at 'maxItems' failed to satisfy constraint: Member must be an integer",
    ]);
  });

  it('leaves members the shape does not know to the service, except a prototype key', () => {
    const input = JSON.parse(
      '{"UserPoolId":"us-east-1_abc123","Extra":1,"__proto__":{"polluted":true}}',
    ) as Record<string, unknown>;
    const out = validateOperationInput('cognito-idp', 'DescribeUserPool', input);
    expect(out).toEqual({ UserPoolId: pool, Extra: 1 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('passes an operation AWS has no shape for unchanged', () => {
    const input = { RoleName: 'r' };
    expect(validateOperationInput('iam', 'RevokeRoleSessions', input)).toBe(input);
  });
});
