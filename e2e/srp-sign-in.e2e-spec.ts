import { createHmac } from 'node:crypto';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { JwtVerifier } from 'aws-jwt-verify';
import { CognitoJsSrpClient } from '../apps/user-directory/test/support/cognito-js-srp-client';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * USER_SRP_AUTH as apps really do it: amazon-cognito-identity-js (what Amplify v5 and many apps
 * use) signing in with authenticateUser, and the AWS SDK with the two calls made by hand.
 */
describe('USER_SRP_AUTH with amazon-cognito-identity-js and the AWS SDK', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  const password = 'Corr3ct-Horse!';

  function signIn(pool: CognitoUserPool, username: string, pw: string): Promise<CognitoUserSession> {
    const user = new CognitoUser({ Username: username, Pool: pool });
    return new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: pw }), {
        onSuccess: resolve,
        onFailure: reject,
      }),
    );
  }

  function userPool(UserPoolId: string, ClientId: string): CognitoUserPool {
    return new CognitoUserPool({ UserPoolId, ClientId, endpoint: system.endpoint });
  }

  async function createUser(pool: string, client: string, username: string, attributes = {}) {
    const { UserSub } = await app.send(
      new SignUpCommand({
        ClientId: client,
        Username: username,
        Password: password,
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value: String(Value) })),
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool, Username: username }));
    return UserSub!;
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'srp' }));
    poolId = UserPool!.Id!;
    // No ExplicitAuthFlows: Cognito's defaults, SRP among them.
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'spa' }),
    );
    clientId = UserPoolClient!.ClientId!;
    await createUser(poolId, clientId, 'alice');
  });
  afterAll(async () => {
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    admin.destroy();
    app.destroy();
  });

  it('signs in with authenticateUser and gets tokens that verify against the JWKS', async () => {
    const session = await signIn(userPool(poolId, clientId), 'alice', password);
    expect(session.isValid()).toBe(true);
    const issuer = `${system.endpoint}/${poolId}`;
    const jwksUri = `${issuer}/.well-known/jwks.json`;
    const verifier = JwtVerifier.create({ issuer, audience: clientId, jwksUri });
    // aws-jwt-verify fetches over https only; the test endpoint is plain http on loopback.
    verifier.cacheJwks((await (await fetch(jwksUri)).json()) as never);
    const id = await verifier.verify(session.getIdToken().getJwtToken());
    expect(id).toMatchObject({ token_use: 'id', 'cognito:username': 'alice', aud: clientId });
    const me = await app.send(new GetUserCommand({ AccessToken: session.getAccessToken().getJwtToken() }));
    expect(me.Username).toBe('alice');
    expect(session.getRefreshToken().getToken()).toBeTruthy();
  });

  it('refuses a wrong password with NotAuthorizedException', async () => {
    await expectAwsError(
      signIn(userPool(poolId, clientId), 'alice', 'Wrong-passw0rd!'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });

  it('refuses an unconfirmed user after the proof, and an unknown user at the start', async () => {
    await app.send(new SignUpCommand({ ClientId: clientId, Username: 'pending', Password: password }));
    await expectAwsError(
      signIn(userPool(poolId, clientId), 'pending', password),
      'UserNotConfirmedException',
    );
    await expectAwsError(signIn(userPool(poolId, clientId), 'nobody', password), 'UserNotFoundException');
  });

  it('signs in by email in an email-as-username pool, where USER_ID_FOR_SRP is the sub', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'srp-email', UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'spa' }),
    );
    const email = `carol.${Date.now()}@example.com`;
    const sub = await createUser(UserPool!.Id!, UserPoolClient!.ClientId!, email);
    const session = await signIn(userPool(UserPool!.Id!, UserPoolClient!.ClientId!), email, password);
    expect(session.getIdToken().decodePayload()).toMatchObject({ sub, email, 'cognito:username': sub });
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: UserPool!.Id! }));
  });

  describe('through the AWS SDK: InitiateAuth then RespondToAuthChallenge', () => {
    const poolName = () => poolId.split('_')[1];

    async function challengeFor(client: string, extra: Record<string, string> = {}) {
      const js = new CognitoJsSrpClient(poolName());
      const started = await app.send(
        new InitiateAuthCommand({
          ClientId: client,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME: 'alice', SRP_A: await js.srpA(), ...extra },
        }),
      );
      return { js, started };
    }

    it('answers PASSWORD_VERIFIER and issues tokens for the right proof', async () => {
      const { js, started } = await challengeFor(clientId);
      expect(started.ChallengeName).toBe('PASSWORD_VERIFIER');
      expect(Object.keys(started.ChallengeParameters!).sort()).toEqual([
        'SALT',
        'SECRET_BLOCK',
        'SRP_B',
        'USERNAME',
        'USER_ID_FOR_SRP',
      ]);
      const result = await app.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: await js.respond(started.ChallengeParameters!, password),
        }),
      );
      expect(result.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
      expect(result.AuthenticationResult?.RefreshToken).toBeTruthy();
    });

    it('refuses a forged SECRET_BLOCK and a proof made for another block', async () => {
      const { js, started } = await challengeFor(clientId);
      const responses = await js.respond(started.ChallengeParameters!, password);
      const forged = Buffer.from(responses.PASSWORD_CLAIM_SECRET_BLOCK, 'base64');
      forged[forged.length - 1] ^= 1;
      const respond = (ChallengeResponses: Record<string, string>) =>
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: clientId,
            ChallengeName: 'PASSWORD_VERIFIER',
            ChallengeResponses,
          }),
        );
      await expectAwsError(
        respond({ ...responses, PASSWORD_CLAIM_SECRET_BLOCK: forged.toString('base64') }),
        'NotAuthorizedException',
      );
      const other = await challengeFor(clientId);
      await expectAwsError(
        respond({
          ...responses,
          PASSWORD_CLAIM_SECRET_BLOCK: other.started.ChallengeParameters!.SECRET_BLOCK,
        }),
        'NotAuthorizedException',
      );
    });

    it('refuses SRP_A = N and a client that does not allow SRP', async () => {
      await expectAwsError(
        app.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_SRP_AUTH',
            AuthParameters: { USERNAME: 'alice', SRP_A: '0' },
          }),
        ),
        'InvalidParameterException',
      );
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'password-only',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
        }),
      );
      await expectAwsError(
        challengeFor(UserPoolClient!.ClientId!),
        'InvalidParameterException',
        'USER_SRP_AUTH flow not enabled for this client',
      );
    });

    it('works for a client with a secret, SECRET_HASH on both calls', async () => {
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'server', GenerateSecret: true }),
      );
      const id = UserPoolClient!.ClientId!;
      const SECRET_HASH = createHmac('sha256', UserPoolClient!.ClientSecret!)
        .update(`alice${id}`)
        .digest('base64');
      await expectAwsError(challengeFor(id), 'NotAuthorizedException');
      const { js, started } = await challengeFor(id, { SECRET_HASH });
      const result = await app.send(
        new RespondToAuthChallengeCommand({
          ClientId: id,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: { ...(await js.respond(started.ChallengeParameters!, password)), SECRET_HASH },
        }),
      );
      expect(result.AuthenticationResult?.AccessToken).toBeTruthy();
    });
  });
});
