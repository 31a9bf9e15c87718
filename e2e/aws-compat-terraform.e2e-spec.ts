import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * What Terraform's AWS provider (v6, built from source and run against idfed: docs/terraform.md)
 * relies on AWS doing. Each case failed a `terraform apply` or left a plan that never settled
 * until idfed answered as AWS does; the provider's own acceptance tests, run against AWS, state
 * the same behaviour.
 */
describe('answers Terraform relies on, as AWS gives them', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const stamp = Date.now();

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });

  // The Go SDK's PasswordPolicyType has plain bools: `require_symbols = false` goes on the wire
  // as no RequireSymbols at all. The provider's TestAccCognitoIDPUserPool_passwordPolicy updates a
  // pool that way and finds the requirement off on AWS.
  it('reads a requirement a given PasswordPolicy leaves out as off; no policy at all is the default one', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `tf-policy-${stamp}`,
        Policies: { PasswordPolicy: { MinimumLength: 10, RequireUppercase: true } },
      }),
    );
    expect(UserPool!.Policies!.PasswordPolicy).toMatchObject({
      MinimumLength: 10,
      RequireUppercase: true,
      RequireLowercase: false,
      RequireNumbers: false,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: 7,
    });
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: UserPool!.Id!,
        Policies: { PasswordPolicy: { MinimumLength: 9, RequireSymbols: true } },
      }),
    );
    const { UserPool: after } = await admin.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }));
    expect(after!.Policies!.PasswordPolicy).toMatchObject({
      MinimumLength: 9,
      RequireUppercase: false,
      RequireSymbols: true,
    });
    const { UserPool: plain } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `tf-default-${stamp}` }),
    );
    expect(plain!.Policies!.PasswordPolicy).toMatchObject({
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
  });

  // The provider leaves UserPoolTags out of UpdateUserPool ("use UpdateTags", user_pool.go) and
  // reads the tags back from DescribeUserPool: AWS keeps them.
  it('keeps a pool’s tags through an UpdateUserPool that leaves UserPoolTags out', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `tf-tags-${stamp}`, UserPoolTags: { env: 'tf' } }),
    );
    await admin.send(new UpdateUserPoolCommand({ UserPoolId: UserPool!.Id!, MfaConfiguration: 'OFF' }));
    const { UserPool: after } = await admin.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! }));
    expect(after!.UserPoolTags).toEqual({ env: 'tf' });
  });

  // The provider stores CreateUserPoolClient's TokenValidityUnits as answered and fails the apply
  // ("block count changed from 0 to 1") when a client configured without units gets some back.
  it('answers no TokenValidityUnits for a client made without them, and the units one was given', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `tf-units-${stamp}` }));
    const { UserPoolClient: bare } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'bare' }),
    );
    expect(bare!.TokenValidityUnits).toBeUndefined();
    const { UserPoolClient: described } = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientId: bare!.ClientId! }),
    );
    expect(described!.TokenValidityUnits).toBeUndefined();
    const { UserPoolClient: given } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'given',
        AccessTokenValidity: 60,
        TokenValidityUnits: { AccessToken: 'minutes' },
      }),
    );
    expect(given!.TokenValidityUnits).toEqual({
      AccessToken: 'minutes',
      IdToken: 'hours',
      RefreshToken: 'days',
    });
  });

  describe('DeleteUserPoolClient (terraform destroy)', () => {
    it('deletes the client: it no longer signs in or refreshes, and is not found again', async () => {
      const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `tf-delete-${stamp}` }));
      const poolId = UserPool!.Id!;
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'doomed',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      const clientId = UserPoolClient!.ClientId!;
      const password = 'Terraform-Passw0rd!';
      await admin.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bob', MessageAction: 'SUPPRESS' }),
      );
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: 'bob',
          Password: password,
          Permanent: true,
        }),
      );
      const signIn = () =>
        app.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'bob', PASSWORD: password },
          }),
        );
      const { AuthenticationResult } = await signIn();

      await expect(
        admin.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })),
      ).resolves.toBeDefined();

      await expectAwsError(signIn(), 'ResourceNotFoundException');
      await expectAwsError(
        app.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            AuthParameters: { REFRESH_TOKEN: AuthenticationResult!.RefreshToken! },
          }),
        ),
        'ResourceNotFoundException',
      );
      await expectAwsError(
        admin.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })),
        'ResourceNotFoundException',
      );
      await expectAwsError(
        admin.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })),
        'ResourceNotFoundException',
      );
    });

    it('does not delete a client through another pool’s id', async () => {
      const { UserPool: a } = await admin.send(new CreateUserPoolCommand({ PoolName: `tf-a-${stamp}` }));
      const { UserPool: b } = await admin.send(new CreateUserPoolCommand({ PoolName: `tf-b-${stamp}` }));
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({ UserPoolId: a!.Id!, ClientName: 'kept' }),
      );
      await expectAwsError(
        admin.send(
          new DeleteUserPoolClientCommand({ UserPoolId: b!.Id!, ClientId: UserPoolClient!.ClientId! }),
        ),
        'ResourceNotFoundException',
      );
      await expect(
        admin.send(
          new DescribeUserPoolClientCommand({ UserPoolId: a!.Id!, ClientId: UserPoolClient!.ClientId! }),
        ),
      ).resolves.toBeDefined();
    });

    it('is refused to a caller without the admin key, as AWS refuses an unknown key', async () => {
      await expectAwsError(
        app.send(new DeleteUserPoolClientCommand({ UserPoolId: 'us-east-1_AbCdEf123', ClientId: 'abc' })),
        'UnrecognizedClientException',
      );
    });
  });

  // API reference: "Sets the requested user's account into a RESET_REQUIRED status, and sends them
  // a password-reset code ... If a user tries to sign in after the API request, Amazon Cognito
  // responds with a PasswordResetRequiredException error."
  it('AdminResetUserPassword: RESET_REQUIRED, a code by email, sign-in refused until ConfirmForgotPassword', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `tf-reset-${stamp}`, AutoVerifiedAttributes: ['email'] }),
    );
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const email = `reset-${stamp}@example.com`;
    const password = 'Before-Passw0rd!';
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'carol',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'carol',
        Password: password,
        Permanent: true,
      }),
    );
    const signIn = (pw: string) =>
      admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'carol', PASSWORD: pw },
        }),
      );
    const mark = mailboxMark(system);
    await admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'carol' }));
    const code = await codeSentTo(email, system, 10_000, mark);

    await expectAwsError(signIn(password), 'PasswordResetRequiredException');
    // A wrong password still gets what any wrong password gets: the state is not told.
    await expectAwsError(signIn('Wrong-Passw0rd!'), 'NotAuthorizedException');

    await app.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: 'carol',
        ConfirmationCode: code,
        Password: 'After-Passw0rd!',
      }),
    );
    await expect(signIn('After-Passw0rd!')).resolves.toMatchObject({
      AuthenticationResult: expect.objectContaining({ AccessToken: expect.any(String) }),
    });
    await expectAwsError(
      admin.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: 'nobody' })),
      'UserNotFoundException',
    );
  });
});
