import { createHmac } from 'node:crypto';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/** Bad input gets the AWS error a client expects, and leaves nothing behind. */
describe('bad input through the gateway', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;

  async function rawCall(target: string, body: string, contentType = 'application/x-amz-json-1.1') {
    const res = await fetch(system.endpoint, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
      body,
    });
    return {
      status: res.status,
      type: res.headers.get('x-amzn-errortype'),
      body: (await res.json()) as Record<string, string>,
    };
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: 'bad-input',
        Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: true } },
      }),
    );
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  it('answers malformed JSON with SerializationException', async () => {
    const res = await rawCall('SignUp', '{"ClientId": ');
    expect(res).toMatchObject({
      status: 400,
      type: 'SerializationException:',
      body: { __type: 'SerializationException' },
    });
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const res = await rawCall('FlyToTheMoon', '{}');
    expect(res).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
  });

  it('answers a body over the size limit with 413 in the AWS error shape', async () => {
    const res = await rawCall(
      'SignUp',
      JSON.stringify({ ClientId: clientId, Username: 'x', Password: 'y'.repeat(300_000) }),
    );
    expect(res.status).toBe(413);
    expect(res.body.__type).toBe('RequestEntityTooLargeException');
  });

  it('names every missing member, as AWS validation does', async () => {
    // SignUp's Password is optional in AWS's model (passwordless sign-up): ClientId and Username are not.
    const res = await rawCall('SignUp', JSON.stringify({}));
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('InvalidParameterException');
    expect(res.body.message).toMatch(/^2 validation errors detected: /);
    expect(res.body.message).toContain("at 'clientId'");
    expect(res.body.message).toContain("at 'username'");
  });

  it('refuses a weak password and creates no user', async () => {
    await expectAwsError(
      app.send(new SignUpCommand({ ClientId: clientId, Username: 'weak', Password: 'short1!A' })),
      'InvalidPasswordException',
    );
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'weak' })),
      'UserNotFoundException',
    );
  });

  it('refuses an attribute outside the schema and creates no user', async () => {
    await expectAwsError(
      app.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: 'stranger',
          Password: 'Long-enough-1!',
          UserAttributes: [{ Name: 'custom:nope', Value: 'x' }],
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'stranger' })),
      'UserNotFoundException',
    );
  });

  it('refuses a second sign-up with the same username', async () => {
    const signUp = () =>
      app.send(new SignUpCommand({ ClientId: clientId, Username: 'twice', Password: 'Long-enough-1!' }));
    await signUp();
    await expectAwsError(signUp(), 'UsernameExistsException');
  });

  it('answers unknown pools and clients with ResourceNotFoundException', async () => {
    await expectAwsError(
      admin.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_NoSuchPool' })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      app.send(
        new SignUpCommand({
          ClientId: 'nosuchclient0000000000000a',
          Username: 'a',
          Password: 'Long-enough-1!',
        }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('refuses a flow the client does not allow', async () => {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'srp-only' }),
    );
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: UserPoolClient!.ClientId!,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'twice', PASSWORD: 'Long-enough-1!' },
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('does not reveal unknown users through ResendConfirmationCode when the client hides existence', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'hiding', AutoVerifiedAttributes: ['email'] }),
    );
    const client = (name: string, PreventUserExistenceErrors: 'LEGACY' | 'ENABLED') =>
      admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: UserPool!.Id!,
          ClientName: name,
          PreventUserExistenceErrors,
        }),
      );
    const legacy = (await client('legacy', 'LEGACY')).UserPoolClient!.ClientId!;
    const hiding = (await client('hiding', 'ENABLED')).UserPoolClient!.ClientId!;
    const resend = (ClientId: string) =>
      app.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'nobody-here' }));
    await expectAwsError(resend(legacy), 'UserNotFoundException');
    const first = await resend(hiding);
    expect(first.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(first.CodeDeliveryDetails?.Destination).toMatch(/^[a-z]\*\*\*@[a-z]\*\*\*$/);
    expect((await resend(hiding)).CodeDeliveryDetails).toEqual(first.CodeDeliveryDetails);
    // Where no code can be sent to anyone, the unknown user gets the same refusal as a real one: a
    // user with no email of the suite's pool, which hides nothing.
    await app.send(
      new SignUpCommand({ ClientId: clientId, Username: 'no-address', Password: 'Long-enough-1!' }),
    );
    await expectAwsError(
      app.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'no-address' })),
      'InvalidParameterException',
    );
  });

  it('refuses an admin operation signed with the wrong secret', async () => {
    const forger = new CognitoIdentityProviderClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials: {
        accessKeyId: system.adminAccessKeyId,
        secretAccessKey: 'not-the-secret-at-all-000000000000',
      },
      maxAttempts: 1,
    });
    await expectAwsError(
      forger.send(new DescribeUserPoolCommand({ UserPoolId: poolId })),
      'InvalidSignatureException',
    );
    forger.destroy();
    await expectAwsError(
      app.send(new DescribeUserPoolCommand({ UserPoolId: poolId })),
      'UnrecognizedClientException',
    );
  });

  describe('a client with a secret', () => {
    let secretClientId: string;
    let secret: string;
    const hash = (username: string) =>
      createHmac('sha256', secret)
        .update(username + secretClientId)
        .digest('base64');

    beforeAll(async () => {
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'server-side',
          GenerateSecret: true,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        }),
      );
      secretClientId = UserPoolClient!.ClientId!;
      secret = UserPoolClient!.ClientSecret!;
      expect(secret).toMatch(/^[a-z0-9]{51}$/);
    });

    it('requires SECRET_HASH, refuses a wrong one, and accepts the right one', async () => {
      const signUp = (SecretHash?: string) =>
        app.send(
          new SignUpCommand({
            ClientId: secretClientId,
            Username: 'bob',
            Password: 'Long-enough-1!',
            SecretHash,
          }),
        );
      await expectAwsError(signUp(), 'NotAuthorizedException');
      await expectAwsError(signUp(hash('mallory')), 'NotAuthorizedException');
      await expect(signUp(hash('bob'))).resolves.toMatchObject({ UserConfirmed: false });
    });
  });
});
