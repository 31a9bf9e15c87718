import {
  AddCustomAttributesCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserAttributesCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  ListUserPoolsCommand,
  SchemaAttributeType,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

/**
 * A user pool's attribute schema through @aws-sdk/client-cognito-identity-provider (ADR 0038):
 * CreateUserPool's `Schema`, AddCustomAttributes, DescribeUserPool's `SchemaAttributes`, and the
 * values SignUp, AdminCreateUser, UpdateUserAttributes and AdminUpdateUserAttributes take. AWS's
 * messages come from its answers as public records quote them (moto's tests, aws-sdk-java#1396,
 * amplify-swift#3981); the spec files name each.
 */
describe('user pool attribute schemas through the AWS SDK', () => {
  const system = e2eSystem();
  const admin = cognitoAdmin(system);
  const app = cognitoPublic(system);
  const password = 'Corr3ct-Horse!';

  const schema: SchemaAttributeType[] = [
    { Name: 'email', Required: true, Mutable: true },
    { Name: 'nickname', Mutable: false },
    {
      Name: 'age',
      AttributeDataType: 'Number',
      NumberAttributeConstraints: { MinValue: '18', MaxValue: '150' },
    },
    {
      Name: 'plan',
      AttributeDataType: 'String',
      StringAttributeConstraints: { MinLength: '2', MaxLength: '8' },
    },
    { Name: 'badge', AttributeDataType: 'String', Mutable: false },
    { Name: 'tier', AttributeDataType: 'String', DeveloperOnlyAttribute: true },
    { Name: 'vip', AttributeDataType: 'Boolean' },
    // The model allows any letter, mark, symbol, number or punctuation in a custom name.
    { Name: 'org.unit', AttributeDataType: 'String' },
  ];

  async function pool(extra: SchemaAttributeType[] = []): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `schema-${randomUUID()}`, Schema: [...schema, ...extra] }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        // Without lists a client writes only standard attributes (AWS's UserPoolClientType).
        ReadAttributes: customs.concat('email', 'nickname'),
        WriteAttributes: customs.concat('email', 'nickname'),
      }),
    );
    return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
  }
  const customs = ['custom:age', 'custom:plan', 'custom:badge', 'custom:vip', 'custom:org.unit'];

  const schemaOf = async (poolId: string) =>
    (await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.SchemaAttributes!;
  const attr = (list: SchemaAttributeType[], name: string) => list.find((a) => a.Name === name);

  async function signedIn(
    poolId: string,
    clientId: string,
    username: string,
    extra: { Name: string; Value: string }[] = [],
  ) {
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }, ...extra],
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
    const { AuthenticationResult } = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    return AuthenticationResult!.AccessToken!;
  }

  it('answers the standard attributes as AWS does and the custom ones as custom:<name> / dev:custom:<name>', async () => {
    const { poolId } = await pool();
    const { UserPool: created } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `plain-${randomUUID()}` }),
    );
    for (const list of [await schemaOf(poolId), created!.SchemaAttributes!]) {
      expect(attr(list, 'birthdate')!.StringAttributeConstraints).toEqual({
        MinLength: '10',
        MaxLength: '10',
      });
      expect(attr(list, 'sub')).toMatchObject({ Mutable: false, Required: true });
      expect(attr(list, 'updated_at')).toMatchObject({
        AttributeDataType: 'Number',
        NumberAttributeConstraints: { MinValue: '0' },
      });
    }
    const list = await schemaOf(poolId);
    expect(attr(list, 'email')).toMatchObject({ Required: true, Mutable: true });
    expect(attr(list, 'nickname')).toMatchObject({ Mutable: false });
    expect(attr(list, 'custom:age')).toEqual({
      Name: 'custom:age',
      AttributeDataType: 'Number',
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
      NumberAttributeConstraints: { MinValue: '18', MaxValue: '150' },
    });
    // No constraints invented for a custom attribute given none.
    expect(attr(list, 'custom:badge')).toMatchObject({ Mutable: false, StringAttributeConstraints: {} });
    expect(attr(list, 'dev:custom:tier')).toMatchObject({ DeveloperOnlyAttribute: true });
    expect(attr(list, 'custom:vip')).not.toHaveProperty('StringAttributeConstraints');
    expect(attr(list, 'custom:org.unit')).toBeDefined();
  });

  it('refuses the schemas AWS refuses, with its words, and creates no pool', async () => {
    const name = `refused-${randomUUID()}`;
    const refusals: [SchemaAttributeType[], string][] = [
      [
        [{ Name: 'banana', AttributeDataType: 'String', Required: true }],
        'Required custom attributes are not supported currently.',
      ],
      [
        [{ Name: 'email', AttributeDataType: 'Number' }],
        'You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email',
      ],
      [
        [{ Name: 'banana' }],
        'Invalid AttributeDataType input, consider using the provided AttributeDataType enum.',
      ],
      [
        [
          {
            Name: 'banana',
            AttributeDataType: 'String',
            StringAttributeConstraints: { MinLength: '9', MaxLength: '3' },
          },
        ],
        'user.custom:banana: Max length cannot be less than min length.',
      ],
    ];
    for (const [Schema, message] of refusals) {
      await expectAwsError(
        admin.send(new CreateUserPoolCommand({ PoolName: name, Schema })),
        'InvalidParameterException',
        {
          message,
        },
      );
    }
    // A custom name longer than 20 characters is refused by the model's constraint.
    await expectAwsError(
      admin.send(
        new CreateUserPoolCommand({
          PoolName: name,
          Schema: [{ Name: 'x'.repeat(21), AttributeDataType: 'String' }],
        }),
      ),
      'InvalidParameterException',
    );
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await admin.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
      names.push(...page.UserPools!.map((p) => p.Name!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names).not.toContain(name);
  });

  it('AddCustomAttributes adds attributes, and refuses a name the pool has without adding any', async () => {
    const { poolId } = await pool();
    await admin.send(
      new AddCustomAttributesCommand({
        UserPoolId: poolId,
        CustomAttributes: [
          { Name: 'team', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '32' } },
        ],
      }),
    );
    const before = await schemaOf(poolId);
    expect(attr(before, 'custom:team')).toMatchObject({
      StringAttributeConstraints: { MaxLength: '32' },
      Mutable: true,
    });
    await expectAwsError(
      admin.send(
        new AddCustomAttributesCommand({
          UserPoolId: poolId,
          CustomAttributes: [
            { Name: 'fresh', AttributeDataType: 'String' },
            { Name: 'tier', AttributeDataType: 'String', DeveloperOnlyAttribute: true },
          ],
        }),
      ),
      'InvalidParameterException',
      { message: 'custom:tier: Existing attribute already has name dev:custom:tier.' },
    );
    await expectAwsError(
      admin.send(
        new AddCustomAttributesCommand({
          UserPoolId: poolId,
          CustomAttributes: [{ Name: 'req', AttributeDataType: 'String', Required: true }],
        }),
      ),
      'InvalidParameterException',
      { message: 'Required custom attributes are not supported currently.' },
    );
    expect(await schemaOf(poolId)).toEqual(before);
    await expectAwsError(
      admin.send(
        new AddCustomAttributesCommand({
          UserPoolId: 'us-east-1_nopenope',
          CustomAttributes: [{ Name: 'a', AttributeDataType: 'String' }],
        }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('holds a pool to 50 custom attributes', async () => {
    const { poolId } = await pool();
    const have = (await schemaOf(poolId)).filter((a) => a.Name!.includes('custom:')).length;
    const more = (n: number, from: number): SchemaAttributeType[] =>
      Array.from({ length: n }, (_, i) => ({ Name: `extra${from + i}`, AttributeDataType: 'String' }));
    await admin.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: more(25, 0) }));
    await admin.send(
      new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: more(50 - have - 25, 25) }),
    );
    await expectAwsError(
      admin.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes: more(1, 99) })),
      'InvalidParameterException',
    );
    expect((await schemaOf(poolId)).filter((a) => a.Name!.includes('custom:'))).toHaveLength(50);
  });

  it('SignUp checks values against the schema and stores nothing it refuses', async () => {
    const { poolId, clientId } = await pool();
    const signUp = (Username: string, UserAttributes: { Name: string; Value: string }[]) =>
      app.send(new SignUpCommand({ ClientId: clientId, Username, Password: password, UserAttributes }));
    const email = { Name: 'email', Value: 'ann@example.com' };
    const cases: [{ Name: string; Value: string }[], string, string][] = [
      [
        [],
        'InvalidParameterException',
        'Attributes did not conform to the schema: email: The attribute is required',
      ],
      [
        [email, { Name: 'custom:age', Value: '17' }],
        'InvalidParameterException',
        'Attributes did not conform to the schema: custom:age: Number must be no less than 18',
      ],
      [
        [email, { Name: 'custom:age', Value: 'old' }],
        'InvalidParameterException',
        'Attributes did not conform to the schema: custom:age: Number must be a number',
      ],
      [
        [email, { Name: 'custom:plan', Value: 'x' }],
        'InvalidParameterException',
        'Attributes did not conform to the schema: custom:plan: String must be no shorter than 2 characters',
      ],
      [
        [email, { Name: 'birthdate', Value: '1990-1-1' }],
        'InvalidParameterException',
        'Attributes did not conform to the schema: birthdate: String must be no shorter than 10 characters',
      ],
      [
        [email, { Name: 'custom:nope', Value: 'x' }],
        'InvalidParameterException',
        'Attributes did not conform to the schema: Type for attribute {custom:nope} could not be determined',
      ],
      [
        [email, { Name: 'dev:custom:tier', Value: 'gold' }],
        'NotAuthorizedException',
        'A client attempted to write unauthorized attribute',
      ],
    ];
    for (const [attributes, name, message] of cases) {
      await expectAwsError(signUp('ann', attributes), name, { message });
    }
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ann' })),
      'UserNotFoundException',
    );
    await signUp('ann', [
      email,
      { Name: 'custom:age', Value: '40' },
      { Name: 'custom:badge', Value: 'b1' },
      { Name: 'custom:vip', Value: 'true' },
    ]);
    const { UserAttributes } = await admin.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ann' }),
    );
    expect(UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'custom:age', Value: '40' },
        { Name: 'custom:badge', Value: 'b1' },
      ]),
    );
  });

  it('the update operations refuse immutable, developer-only and ill-typed values and change nothing', async () => {
    const { poolId, clientId } = await pool();
    const token = await signedIn(poolId, clientId, 'bob', [
      { Name: 'custom:badge', Value: 'first' },
      { Name: 'dev:custom:tier', Value: 'gold' },
    ]);
    const before = (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' })))
      .UserAttributes;
    const update = (UserAttributes: { Name: string; Value: string }[]) =>
      app.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes }));
    const adminUpdate = (UserAttributes: { Name: string; Value: string }[]) =>
      admin.send(
        new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'bob', UserAttributes }),
      );
    await expectAwsError(
      update([
        { Name: 'custom:plan', Value: 'basic' },
        { Name: 'custom:badge', Value: 'second' },
      ]),
      'InvalidParameterException',
      {
        message: 'user.custom:badge: Attribute cannot be updated.',
      },
    );
    // Immutable: set at creation only, never added afterwards, not even by an administrator.
    await expectAwsError(adminUpdate([{ Name: 'nickname', Value: 'bobby' }]), 'InvalidParameterException', {
      message: 'user.nickname: Attribute cannot be updated.',
    });
    await expectAwsError(update([{ Name: 'dev:custom:tier', Value: 'platinum' }]), 'NotAuthorizedException', {
      message: 'A client attempted to write unauthorized attribute',
    });
    await expectAwsError(adminUpdate([{ Name: 'custom:age', Value: '151' }]), 'InvalidParameterException', {
      message: 'Invalid user attributes: custom:age: Number must be no greater than 150',
    });
    await expectAwsError(update([{ Name: 'custom:nope', Value: 'x' }]), 'InvalidParameterException', {
      message: 'Invalid user attributes: user.custom:nope: Attribute does not exist in the schema.\n',
    });
    expect(
      (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }))).UserAttributes,
    ).toEqual(before);
    await adminUpdate([{ Name: 'dev:custom:tier', Value: 'platinum' }]);
    await update([
      { Name: 'custom:plan', Value: 'basic' },
      { Name: 'custom:vip', Value: 'false' },
    ]);
    const { UserAttributes } = await admin.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }),
    );
    expect(UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'dev:custom:tier', Value: 'platinum' },
        { Name: 'custom:plan', Value: 'basic' },
        { Name: 'custom:badge', Value: 'first' },
      ]),
    );
  });

  it("a client's ReadAttributes and WriteAttributes bound GetUser, the ID token and the user's writes", async () => {
    const { poolId } = await pool();
    const client = (lists: { ReadAttributes?: string[]; WriteAttributes?: string[] }) =>
      admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'narrow',
          ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          ...lists,
        }),
      );
    await expectAwsError(client({ ReadAttributes: ['custom:nope'] }), 'InvalidParameterException', {
      message: 'Invalid read attributes specified while creating a client',
    });
    const narrow = (await client({ ReadAttributes: ['email'], WriteAttributes: ['email'] })).UserPoolClient!;
    expect(narrow).toMatchObject({ ReadAttributes: ['email'], WriteAttributes: ['email'] });
    const plain = (await client({})).UserPoolClient!;
    const described = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: plain.ClientId! }),
    );
    expect(described.UserPoolClient).not.toHaveProperty('ReadAttributes');
    expect(described.UserPoolClient).not.toHaveProperty('WriteAttributes');

    await signedIn(poolId, narrow.ClientId!, 'carol', [
      { Name: 'custom:plan', Value: 'basic' },
      { Name: 'given_name', Value: 'Carol' },
    ]);
    const { AuthenticationResult } = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: narrow.ClientId!,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'carol', PASSWORD: password },
      }),
    );
    const token = AuthenticationResult!.AccessToken!;
    const idClaims = JSON.parse(
      Buffer.from(AuthenticationResult!.IdToken!.split('.')[1], 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    expect(idClaims).toMatchObject({ email: 'carol@example.com', 'cognito:username': 'carol' });
    expect(idClaims).not.toHaveProperty('custom:plan');
    expect(idClaims).not.toHaveProperty('given_name');
    const names = async () =>
      (await app.send(new GetUserCommand({ AccessToken: token }))).UserAttributes!.map((a) => a.Name).sort();
    expect(await names()).toEqual(['email', 'sub']);

    const refused = { message: 'A client attempted to write unauthorized attribute' };
    const update = (UserAttributes: { Name: string; Value: string }[]) =>
      app.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes }));
    await expectAwsError(update([{ Name: 'given_name', Value: 'Eve' }]), 'NotAuthorizedException', refused);
    await expectAwsError(update([{ Name: 'custom:plan', Value: 'gold' }]), 'NotAuthorizedException', refused);
    await expectAwsError(
      app.send(new DeleteUserAttributesCommand({ AccessToken: token, UserAttributeNames: ['custom:plan'] })),
      'NotAuthorizedException',
      refused,
    );
    // The same user through a client without lists: the standard attributes, not the custom one.
    const plainToken = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: plain.ClientId!,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'carol', PASSWORD: password },
      }),
    );
    const plainNames = (
      await app.send(new GetUserCommand({ AccessToken: plainToken.AuthenticationResult!.AccessToken! }))
    ).UserAttributes!.map((a) => a.Name);
    expect(plainNames).toEqual(expect.arrayContaining(['email', 'given_name', 'sub']));
    expect(plainNames).not.toContain('custom:plan');
    const { UserAttributes } = await admin.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: 'carol' }),
    );
    expect(UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'custom:plan', Value: 'basic' },
        { Name: 'given_name', Value: 'Carol' },
      ]),
    );
  });

  it('refuses unsigned and forged AddCustomAttributes, and adds nothing', async () => {
    const { poolId } = await pool();
    const before = await schemaOf(poolId);
    const client = (secretAccessKey: string, accessKeyId = system.adminAccessKeyId) =>
      new CognitoIdentityProviderClient({
        endpoint: system.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId, secretAccessKey },
        maxAttempts: 1,
      });
    const add = new AddCustomAttributesCommand({
      UserPoolId: poolId,
      CustomAttributes: [{ Name: 'sneaky', AttributeDataType: 'String' }],
    });
    await expectAwsError(client('anonymous', 'ANONYMOUS').send(add), 'UnrecognizedClientException');
    await expectAwsError(client('not-the-admin-secret-at-all').send(add), 'InvalidSignatureException');
    expect(await schemaOf(poolId)).toEqual(before);
  });
});
