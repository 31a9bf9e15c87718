import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { queryForm, rawJsonCall, rawQueryCall, RawAnswer } from './support/raw-aws';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * Bad input is refused at the edge with the AWS error a client expects: never a 500, and never
 * stored where it would weaken a pool or break it for later callers.
 */
describe('edge validation against the AWS shapes', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let iam: IAMClient;
  let poolId: string;
  let clientId: string;
  const roleName = `edge-${Date.now()}`;
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
      },
    ],
  });

  const idp = (operation: string, body: unknown) =>
    rawJsonCall(system, 'cognito-idp', operation, typeof body === 'string' ? body : JSON.stringify(body));
  const identity = (operation: string, body: unknown) =>
    rawJsonCall(system, 'cognito-identity', operation, JSON.stringify(body));
  const iamCall = (params: Record<string, string>) =>
    rawQueryCall(system, 'iam', queryForm({ Version: '2010-05-08', ...params }));

  function expectRefused(answer: RawAnswer, error: string, message?: RegExp): void {
    expect({ status: answer.status, error: answer.error }).toEqual({ status: 400, error });
    if (message) expect(answer.message).toMatch(message);
  }

  async function poolNames(): Promise<string[]> {
    const { UserPools } = await admin.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    return (UserPools ?? []).map((p) => p.Name!);
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    iam = new IAMClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
      maxAttempts: 1,
    });
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'edge-validation' }));
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
    await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: trust,
      }),
    );
  });
  afterAll(() => {
    admin.destroy();
    iam.destroy();
  });

  describe('text PostgreSQL cannot hold', () => {
    it('refuses a NUL in an attribute value with InvalidParameterException and creates no user', async () => {
      const answer = await idp('SignUp', {
        ClientId: clientId,
        Username: 'nul-attribute',
        Password: 'Long-enough-1!',
        UserAttributes: [{ Name: 'name', Value: 'a\u0000b' }],
      });
      expectRefused(answer, 'InvalidParameterException', /at 'userAttributes\.1\.member\.value'/);
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'nul-attribute' })),
        'UserNotFoundException',
      );
    });

    it('refuses a lone surrogate in a username', async () => {
      expectRefused(
        await idp('SignUp', { ClientId: clientId, Username: 'lone\ud800', Password: 'Long-enough-1!' }),
        'InvalidParameterException',
      );
    });

    it('refuses a NUL in a group description', async () => {
      expectRefused(
        await idp('CreateGroup', { UserPoolId: poolId, GroupName: 'g', Description: 'x\u0000' }),
        'InvalidParameterException',
      );
    });

    it('refuses a NUL in an IAM role description with ValidationError', async () => {
      expectRefused(
        await iamCall({
          Action: 'CreateRole',
          RoleName: `${roleName}-nul`,
          AssumeRolePolicyDocument: trust,
          Description: 'a\u0000b',
        }),
        'ValidationError',
      );
      const { Roles } = await iam.send(new ListRolesCommand({}));
      expect(Roles?.map((r) => r.RoleName)).not.toContain(`${roleName}-nul`);
    });

    it('refuses a lone surrogate sent to STS', async () => {
      const answer = await rawQueryCall(
        system,
        'sts',
        queryForm({
          Action: 'AssumeRole',
          Version: '2011-06-15',
          RoleArn: `arn:aws:iam::000000000000:role/${roleName}`,
          RoleSessionName: 'x\ud800',
        }),
      );
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    });
  });

  describe('null where AWS expects a value', () => {
    it('treats a null ListUsers Filter as absent, as AWS does', async () => {
      // A pool of its own, holding one user: a null Filter lists them all.
      const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'edge-null-filter' }));
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: UserPool!.Id!,
          Username: 'listed',
          MessageAction: 'SUPPRESS',
        }),
      );
      const answer = await idp('ListUsers', { UserPoolId: UserPool!.Id!, Filter: null });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ Users: [{ Username: 'listed' }] });
    });

    it('treats a null AdminCreateUser TemporaryPassword as absent, as AWS does', async () => {
      const answer = await idp('AdminCreateUser', {
        UserPoolId: poolId,
        Username: 'null-temporary',
        TemporaryPassword: null,
        MessageAction: 'SUPPRESS',
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ User: { Username: 'null-temporary' } });
    });

    it('refuses null as a list item', async () => {
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'null-list-item',
          MessageAction: 'SUPPRESS',
        }),
      );
      expectRefused(
        await idp('AdminDeleteUserAttributes', {
          UserPoolId: poolId,
          Username: 'null-list-item',
          UserAttributeNames: [null],
        }),
        'InvalidParameterException',
        /Member must not be null/,
      );
    });
  });

  describe('pool and client configuration', () => {
    it('refuses a PasswordPolicy.MinimumLength that is not a number, and creates no pool', async () => {
      const answer = await idp('CreateUserPool', {
        PoolName: 'weak-by-type',
        Policies: { PasswordPolicy: { MinimumLength: 'x' } },
      });
      expectRefused(answer, 'SerializationException', /STRING_VALUE can not be converted to an Integer/);
      expect(await poolNames()).not.toContain('weak-by-type');
    });

    it('refuses a PasswordPolicy.MinimumLength below 6 in AWS words', async () => {
      const answer = await idp('CreateUserPool', {
        PoolName: 'weak-by-value',
        Policies: { PasswordPolicy: { MinimumLength: 1 } },
      });
      expectRefused(
        answer,
        'InvalidParameterException',
        /^1 validation error detected: Value '1' at 'policies\.passwordPolicy\.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6$/,
      );
      expect(await poolNames()).not.toContain('weak-by-value');
    });

    it.each([['"x"'], ['-1'], ['1000000'], ['1.5']])(
      'refuses TemporaryPasswordValidityDays %s and creates no pool',
      async (days) => {
        const answer = await idp(
          'CreateUserPool',
          `{"PoolName":"bad-days","Policies":{"PasswordPolicy":{"TemporaryPasswordValidityDays":${days}}}}`,
        );
        expect(answer.status).toBe(400);
        expect(['SerializationException', 'InvalidParameterException']).toContain(answer.error);
        expect(await poolNames()).not.toContain('bad-days');
      },
    );

    it.each([[{ AccessToken: 'weeks' }], [{ IdToken: 5 }], ['hours']])(
      'refuses TokenValidityUnits %j and creates no client',
      async (units) => {
        const answer = await idp('CreateUserPoolClient', {
          UserPoolId: poolId,
          ClientName: 'bad-units',
          TokenValidityUnits: units,
        });
        expect(answer.status).toBe(400);
        expect(['SerializationException', 'InvalidParameterException']).toContain(answer.error);
        const { UserPoolClients } = await admin.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }));
        expect(UserPoolClients?.map((c) => c.ClientName)).not.toContain('bad-units');
      },
    );

    it('keeps a pool usable after refusing bad configuration', async () => {
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'still-works',
          TemporaryPassword: 'Temporary-1!',
          MessageAction: 'SUPPRESS',
        }),
      );
      await expect(
        admin.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'still-works', PASSWORD: 'Temporary-1!' },
          }),
        ),
      ).resolves.toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED' });
    });
  });

  describe('wrong types and constraints on every protocol', () => {
    it('answers a structure where a string belongs with SerializationException', async () => {
      expectRefused(
        await idp('AdminGetUser', { UserPoolId: poolId, Username: { nested: true } }),
        'SerializationException',
        /^Start of structure or map found where not expected\.$/,
      );
    });

    // AWS: Cognito Identity's model constraints are ValidationException (moto#1979, verified
    // against AWS in moto#4415; amplify-swift#2864), unlike the user pools' InvalidParameterException.
    it('answers Cognito Identity constraint violations with ValidationException', async () => {
      expectRefused(
        await identity('ListIdentityPools', { MaxResults: 0 }),
        'ValidationException',
        /at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1/,
      );
    });

    it('answers a Query integer that is not a number with ValidationError', async () => {
      expectRefused(await iamCall({ Action: 'ListRoles', MaxItems: 'many' }), 'ValidationError', /maxItems/);
    });
  });

  describe('garbage pagination tokens are refused by every List operation', () => {
    let identityPoolId: string;
    beforeAll(async () => {
      const created = await identity('CreateIdentityPool', {
        IdentityPoolName: 'edge_tokens',
        AllowUnauthenticatedIdentities: true,
        DeveloperProviderName: 'login.edge.tokens',
      });
      identityPoolId = (created.body as { IdentityPoolId: string }).IdentityPoolId;
      await admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'token-group' }));
      await admin.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'token-user', MessageAction: 'SUPPRESS' }),
      );
    });
    const garbage = 'not-a-real-token';

    it.each([
      ['ListUserPools', () => ({ MaxResults: 10, NextToken: garbage })],
      ['ListUserPoolClients', () => ({ UserPoolId: poolId, NextToken: garbage })],
      ['ListUsers', () => ({ UserPoolId: poolId, PaginationToken: garbage })],
      ['ListGroups', () => ({ UserPoolId: poolId, NextToken: garbage })],
      ['AdminListGroupsForUser', () => ({ UserPoolId: poolId, Username: 'token-user', NextToken: garbage })],
      ['ListUsersInGroup', () => ({ UserPoolId: poolId, GroupName: 'token-group', NextToken: garbage })],
    ])('cognito-idp %s', async (operation, body) => {
      expectRefused(await idp(operation, body()), 'InvalidParameterException');
    });

    it.each([
      ['ListIdentityPools', () => ({ MaxResults: 10, NextToken: garbage })],
      ['ListIdentities', () => ({ IdentityPoolId: identityPoolId, MaxResults: 10, NextToken: garbage })],
      [
        'LookupDeveloperIdentity',
        () => ({
          IdentityPoolId: identityPoolId,
          DeveloperUserIdentifier: 'someone',
          MaxResults: 10,
          NextToken: garbage,
        }),
      ],
    ])('cognito-identity %s', async (operation, body) => {
      expectRefused(await identity(operation, body()), 'InvalidParameterException');
    });

    it.each([
      ['ListRoles', () => ({})],
      ['ListRolePolicies', () => ({ RoleName: roleName })],
      ['ListAttachedRolePolicies', () => ({ RoleName: roleName })],
    ])('iam %s', async (action, params) => {
      expectRefused(await iamCall({ Action: action, Marker: garbage, ...params() }), 'ValidationError');
    });
  });
});
