import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DeleteWebAuthnCredentialCommand,
  InitiateAuthCommand,
  ListWebAuthnCredentialsCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreationOptions,
  SoftwareAuthenticator,
} from '../apps/user-directory/test/support/software-authenticator';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * Passkey registration (ADR 0034) through the AWS SDK v3, in both modes: StartWebAuthnRegistration,
 * CompleteWebAuthnRegistration with the answer of a software authenticator (a P-256 key, attestation
 * `none`, built with node:crypto and CBOR as an authenticator builds it), ListWebAuthnCredentials,
 * DeleteWebAuthnCredential. Attacks: a replayed registration, another user's challenge, a made-up
 * challenge, another origin, another relying party, another user's credential, a pool without
 * passkeys.
 */
describe('WebAuthn passkeys: registration', () => {
  const system = e2eSystem();
  const password = 'Corr3ct-Horse!';
  const stamp = Date.now();
  const RP = 'auth.example.com';
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  async function pool(name: string, passkeys = true): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `${name}-${stamp}`,
        Policies: {
          SignInPolicy: { AllowedFirstAuthFactors: passkeys ? ['PASSWORD', 'WEB_AUTHN'] : ['PASSWORD'] },
        },
      }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OFF',
        WebAuthnConfiguration: { RelyingPartyId: RP, UserVerification: 'preferred' },
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId, clientId: UserPoolClient!.ClientId! };
  }

  /** A confirmed user's access token. */
  async function signedIn(p: { poolId: string; clientId: string }, username: string): Promise<string> {
    await app.send(new SignUpCommand({ ClientId: p.clientId, Username: username, Password: password }));
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: username }));
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: p.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    return AuthenticationResult!.AccessToken!;
  }

  const start = async (AccessToken: string) =>
    (await app.send(new StartWebAuthnRegistrationCommand({ AccessToken })))
      .CredentialCreationOptions as unknown as CreationOptions;
  const complete = (AccessToken: string, Credential: object) =>
    app.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: Credential as never }));
  const list = async (AccessToken: string) =>
    (await app.send(new ListWebAuthnCredentialsCommand({ AccessToken }))).Credentials ?? [];

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  it('registers a passkey, lists it and deletes it', async () => {
    const p = await pool('pk-register');
    const token = await signedIn(p, 'ann');
    const options = await start(token);
    expect(options.rp).toEqual({ id: RP, name: `pk-register-${stamp}` });
    expect(options.user.name).toBe('ann');
    const authenticator = new SoftwareAuthenticator(`https://app.${RP}`);
    await complete(token, authenticator.create(options));
    expect(await list(token)).toEqual([
      expect.objectContaining({
        CredentialId: authenticator.id,
        RelyingPartyId: RP,
        AuthenticatorAttachment: 'platform',
        AuthenticatorTransports: ['internal'],
        CreatedAt: expect.any(Date),
      }),
    ]);
    await app.send(
      new DeleteWebAuthnCredentialCommand({ AccessToken: token, CredentialId: authenticator.id }),
    );
    expect(await list(token)).toEqual([]);
  });

  it("refuses a replayed registration, another user's challenge and a made-up one", async () => {
    const p = await pool('pk-replay');
    const ann = await signedIn(p, 'ann');
    const bob = await signedIn(p, 'bob');
    const options = await start(ann);
    const answer = new SoftwareAuthenticator(`https://${RP}`).create(options);
    await expectAwsError(complete(bob, answer), 'WebAuthnChallengeNotFoundException');
    await complete(ann, answer);
    await expectAwsError(complete(ann, answer), 'WebAuthnChallengeNotFoundException');
    const madeUp = new SoftwareAuthenticator(`https://${RP}`).create(options, { challenge: 'bWFkZS11cA' });
    await expectAwsError(complete(ann, madeUp), 'WebAuthnChallengeNotFoundException');
    expect(await list(bob)).toEqual([]);
    expect(await list(ann)).toHaveLength(1);
  });

  it('refuses another origin and another relying party', async () => {
    const p = await pool('pk-origin');
    const token = await signedIn(p, 'ann');
    await expectAwsError(
      complete(token, new SoftwareAuthenticator('https://evil.example').create(await start(token))),
      'WebAuthnOriginNotAllowedException',
    );
    await expectAwsError(
      complete(
        token,
        new SoftwareAuthenticator(`https://${RP}`).create(await start(token), { rpId: 'evil.example' }),
      ),
      'WebAuthnRelyingPartyMismatchException',
    );
    expect(await list(token)).toEqual([]);
  });

  it("cannot delete another user's passkey, and a pool without passkeys refuses registration", async () => {
    const p = await pool('pk-delete');
    const ann = await signedIn(p, 'ann');
    const bob = await signedIn(p, 'bob');
    const authenticator = new SoftwareAuthenticator(`https://${RP}`);
    await complete(ann, authenticator.create(await start(ann)));
    await expectAwsError(
      app.send(new DeleteWebAuthnCredentialCommand({ AccessToken: bob, CredentialId: authenticator.id })),
      'ResourceNotFoundException',
    );
    expect(await list(ann)).toHaveLength(1);
    const off = await pool('pk-off', false);
    await expectAwsError(start(await signedIn(off, 'cid')), 'WebAuthnNotEnabledException');
  });

  describe('signing in with a passkey (USER_AUTH WEB_AUTHN)', () => {
    async function registered(name: string) {
      const p = await pool(`pk-${name}`);
      const token = await signedIn(p, name);
      const authenticator = new SoftwareAuthenticator(`https://${RP}`);
      await complete(token, authenticator.create(await start(token)));
      return { p, authenticator };
    }
    const userAuth = (ClientId: string, AuthParameters: Record<string, string>) =>
      app.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters }));
    const answer = (ClientId: string, Session: string | undefined, USERNAME: string, CREDENTIAL: string) =>
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'WEB_AUTHN',
          Session,
          ChallengeResponses: { USERNAME, CREDENTIAL },
        }),
      );

    it('offers WEB_AUTHN to a user with a passkey; the assertion gives the tokens', async () => {
      const { p, authenticator } = await registered('dan');
      expect((await userAuth(p.clientId, { USERNAME: 'dan' })).AvailableChallenges).toEqual([
        'WEB_AUTHN',
        'PASSWORD',
        'PASSWORD_SRP',
      ]);
      const started = await userAuth(p.clientId, { USERNAME: 'dan', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
      expect(started.ChallengeName).toBe('WEB_AUTHN');
      const options = JSON.parse(started.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS) as { rpId: string };
      expect(options.rpId).toBe(RP);
      const done = await answer(
        p.clientId,
        started.Session,
        'dan',
        authenticator.get(started.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS),
      );
      expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    });

    it("refuses a replayed assertion, an assertion of another challenge and another user's passkey", async () => {
      const { p, authenticator } = await registered('eli');
      const other = await signedIn(p, 'fay');
      const otherAuthenticator = new SoftwareAuthenticator(`https://${RP}`);
      await complete(other, otherAuthenticator.create(await start(other)));
      const first = await userAuth(p.clientId, { USERNAME: 'eli', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
      const assertion = authenticator.get(first.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS);
      await answer(p.clientId, first.Session, 'eli', assertion);
      await expectAwsError(answer(p.clientId, first.Session, 'eli', assertion), 'NotAuthorizedException');
      const second = await userAuth(p.clientId, { USERNAME: 'eli', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
      await expectAwsError(answer(p.clientId, second.Session, 'eli', assertion), 'NotAuthorizedException');
      const third = await userAuth(p.clientId, { USERNAME: 'eli', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
      await expectAwsError(
        answer(
          p.clientId,
          third.Session,
          'eli',
          otherAuthenticator.get(third.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS),
        ),
        'NotAuthorizedException',
      );
      // A session re-targeted to another user.
      const fourth = await userAuth(p.clientId, { USERNAME: 'eli', PREFERRED_CHALLENGE: 'WEB_AUTHN' });
      await expectAwsError(
        answer(
          p.clientId,
          fourth.Session,
          'fay',
          otherAuthenticator.get(fourth.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS),
        ),
        'NotAuthorizedException',
      );
    });
  });
});
