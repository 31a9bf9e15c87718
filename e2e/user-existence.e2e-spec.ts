import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

/**
 * With PreventUserExistenceErrors ENABLED, a stranger gets the same answer for a known user and an
 * unknown name from every operation the setting covers: the same error name and message, or the
 * same shape of CodeDeliveryDetails and challenge. (That the time taken is the same too is measured
 * by `npm run bench -- --user-enumeration`, not asserted here.)
 */
describe('answers that do not tell whether a user exists', () => {
  const system = e2eSystem();
  const password = 'Corr3ct-Horse!';
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  const known = 'known-user';
  const pending = 'pending-user';
  const unknown = 'no-such-user';

  /** What a stranger sees: the error's name and message, or the answer with its varying values typed. */
  async function seen(call: () => Promise<object>): Promise<unknown> {
    try {
      const answer = await call();
      const shape = (value: unknown, key = ''): unknown =>
        value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([k]) => k !== '$metadata')
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, v]) => [k, shape(v, k)]),
            )
          : ['DeliveryMedium', 'AttributeName', 'ChallengeName'].includes(key)
            ? value
            : key === 'Destination'
              ? String(value).replace(/^[^*]/, 'x').replace(/@[^*]/, '@x')
              : typeof value;
      return shape(answer);
    } catch (err) {
      return { error: (err as Error).name, message: (err as Error).message };
    }
  }

  async function sameForBoth(call: (username: string) => Promise<object>, knownName = known) {
    const forKnown = await seen(() => call(knownName));
    const forUnknown = await seen(() => call(unknown));
    expect(forUnknown).toEqual(forKnown);
    return forKnown;
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'existence', AutoVerifiedAttributes: ['email'] }),
    );
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'hiding',
        PreventUserExistenceErrors: 'ENABLED',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: known,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: password,
        UserAttributes: [
          { Name: 'email', Value: 'known@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: known,
        Password: password,
        Permanent: true,
      }),
    );
    await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: pending,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: 'pending@example.com' }],
      }),
    );
  });
  afterAll(async () => {
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    admin.destroy();
    app.destroy();
  });

  it('InitiateAuth USER_PASSWORD_AUTH: the same refusal of a wrong password', async () => {
    expect(
      await sameForBoth((USERNAME) =>
        app.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME, PASSWORD: 'Wr0ng-Horse!' },
          }),
        ),
      ),
    ).toEqual({ error: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('USER_SRP_AUTH: the same challenge, and the same refusal of a wrong proof', async () => {
    const SRP_A = `1${randomBytes(300).toString('hex')}`;
    const challenge = (USERNAME: string) =>
      app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME, SRP_A },
        }),
      );
    const shape = await sameForBoth(challenge);
    expect(shape).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });
    const wrongProof = async (USERNAME: string) => {
      const { ChallengeParameters: p } = await challenge(USERNAME);
      return app.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: {
            USERNAME: p!.USER_ID_FOR_SRP,
            PASSWORD_CLAIM_SECRET_BLOCK: p!.SECRET_BLOCK,
            PASSWORD_CLAIM_SIGNATURE: randomBytes(32).toString('base64'),
            TIMESTAMP: 'Sun Dec 6 01:40:00 UTC 2026',
          },
        }),
      );
    };
    expect(await sameForBoth(wrongProof)).toEqual({
      error: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('ConfirmForgotPassword: the same answer with no code pending, and for a weak password', async () => {
    const confirm = (Username: string, Password: string) =>
      app.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username,
          ConfirmationCode: '123456',
          Password,
        }),
      );
    expect(await sameForBoth((u) => confirm(u, 'New-passw0rd!'))).toEqual({
      error: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    expect(await sameForBoth((u) => confirm(u, 'weak'))).toMatchObject({ error: 'InvalidPasswordException' });
  });

  it('ForgotPassword: the same CodeDeliveryDetails, then the same refusal of a wrong code', async () => {
    expect(
      await sameForBoth((Username) => app.send(new ForgotPasswordCommand({ ClientId: clientId, Username }))),
    ).toEqual({
      CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'x***@x***' },
    });
    expect(
      await sameForBoth((Username) =>
        app.send(
          new ConfirmForgotPasswordCommand({
            ClientId: clientId,
            Username,
            ConfirmationCode: '000000',
            Password: 'New-passw0rd!',
          }),
        ),
      ),
    ).toEqual({
      error: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
  });

  it('ResendConfirmationCode and ConfirmSignUp: the same answers for an unconfirmed user and an unknown name', async () => {
    expect(
      await sameForBoth(
        (Username) => app.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username })),
        pending,
      ),
    ).toEqual({
      CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'x***@x***' },
    });
    expect(
      await sameForBoth(
        (Username) =>
          app.send(new ConfirmSignUpCommand({ ClientId: clientId, Username, ConfirmationCode: '000000' })),
        pending,
      ),
    ).toEqual({
      error: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
  });
});
