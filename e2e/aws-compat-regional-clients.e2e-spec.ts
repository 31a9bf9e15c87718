import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
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
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

/**
 * Cognito's endpoints are regional (issue 13 section 1, ADR 0047): an app client exists only at
 * its pool's regional endpoint, so InitiateAuth, SignUp and the other operations that name only a
 * ClientId, sent to `cognito-idp.<another region>.amazonaws.com`, answer
 * ResourceNotFoundException "User pool client <id> does not exist." as for an id that names
 * nothing. The SDK is pointed at idfed with the regional endpoint's Host header, as a DNS name or
 * proxy keeping AWS's names sends it.
 */
describe('ClientId-only requests keep to the region they were sent to', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const password = 'Regi0nal-Client!';

  /** A client for `region` whose requests carry the regional endpoint's Host header. */
  function regional(region: string, credentials = admin): CognitoIdentityProviderClient {
    const client = new CognitoIdentityProviderClient({
      endpoint: system.endpoint,
      region,
      credentials,
      maxAttempts: 1,
    });
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers.host = `cognito-idp.${region}.amazonaws.com`;
        return next(args);
      },
      // In the build step, before signing: the signature covers the regional Host.
      { step: 'build', name: 'regionalHost', priority: 'low' },
    );
    clients.push(client);
    return client;
  }

  const pools: Record<string, { poolId: string; clientId: string }> = {};

  beforeAll(async () => {
    for (const region of ['us-east-1', 'eu-west-1']) {
      const admin = regional(region);
      const poolId = (await admin.send(new CreateUserPoolCommand({ PoolName: `regional-${region}` })))
        .UserPool!.Id!;
      const clientId = (
        await admin.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: 'app',
            ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
          }),
        )
      ).UserPoolClient!.ClientId!;
      await admin.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'roamer', MessageAction: 'SUPPRESS' }),
      );
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: 'roamer',
          Password: password,
          Permanent: true,
        }),
      );
      pools[region] = { poolId, clientId };
    }
  });
  afterAll(async () => {
    for (const [region, { poolId }] of Object.entries(pools))
      await regional(region).send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    clients.forEach((c) => c.destroy());
  });

  const signIn = (region: string, ClientId: string) =>
    regional(region).send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'roamer', PASSWORD: password },
      }),
    );

  it('signs in at the client pool’s own regional endpoint', async () => {
    for (const region of ['us-east-1', 'eu-west-1']) {
      const answer = await signIn(region, pools[region].clientId);
      expect(answer.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    }
  });

  it('answers a client of another region with ResourceNotFoundException, as for a client that does not exist', async () => {
    const foreign = pools['us-east-1'].clientId;
    const notFound = { message: `User pool client ${foreign} does not exist.` };
    await expectAwsError(signIn('eu-west-1', foreign), 'ResourceNotFoundException', notFound);
    const app = regional('eu-west-1');
    await expectAwsError(
      app.send(new SignUpCommand({ ClientId: foreign, Username: 'newcomer', Password: password })),
      'ResourceNotFoundException',
      notFound,
    );
    await expectAwsError(
      app.send(
        new ConfirmSignUpCommand({ ClientId: foreign, Username: 'roamer', ConfirmationCode: '123456' }),
      ),
      'ResourceNotFoundException',
      notFound,
    );
    await expectAwsError(
      app.send(new ResendConfirmationCodeCommand({ ClientId: foreign, Username: 'roamer' })),
      'ResourceNotFoundException',
      notFound,
    );
    await expectAwsError(
      app.send(new ForgotPasswordCommand({ ClientId: foreign, Username: 'roamer' })),
      'ResourceNotFoundException',
      notFound,
    );
    await expectAwsError(
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId: foreign,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: 'x'.repeat(40),
          ChallengeResponses: { USERNAME: 'roamer', NEW_PASSWORD: password },
        }),
      ),
      'ResourceNotFoundException',
      notFound,
    );
    // Nothing was created in the foreign pool by the refused SignUp.
    await expectAwsError(
      signIn('us-east-1', foreign).then(() =>
        regional('us-east-1').send(
          new InitiateAuthCommand({
            ClientId: foreign,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'newcomer', PASSWORD: password },
          }),
        ),
      ),
      'UserNotFoundException',
    );
  });
});
