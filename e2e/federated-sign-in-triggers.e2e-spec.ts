import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { BaseClient, generators, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { registerAtProvider, signInAtProvider } from './support/federation';
import { browse, CookieJar } from './support/hosted-ui';

interface Recorded {
  event: {
    triggerSource: string;
    userPoolId: string;
    userName: string;
    callerContext: { clientId: string };
    request: Record<string, unknown>;
  };
}

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * The triggers of sign-in through a provider (ADR 0056) with real parts on both sides: openid-client
 * is the app, the oidc-provider stand-in is Google, and the trigger stand-in
 * (libs/testing/src/user-pool-trigger-standin.ts, `/federation`) answers as the pool's Lambda
 * functions would. InboundFederation rewrites the attributes before the mapping,
 * PreSignUp_ExternalProvider refuses before a user is made, PostConfirmation is told of the new
 * user. Attacks: a refused or garbled trigger creates nothing; a mapped email another user signs
 * in with stays theirs.
 */
describe('federated sign-in triggers', () => {
  const system = e2eSystem();
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const fn = `arn:aws:lambda:us-east-1:${account}:function:federation`;
  let admin: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  let rp: BaseClient;
  const redirectUri = 'http://localhost:3999/triggers';

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: unique('fed-triggers'),
        AliasAttributes: ['email'],
        LambdaConfig: {
          PreSignUp: fn,
          PostConfirmation: fn,
          InboundFederation: { LambdaVersion: 'V1_0', LambdaArn: fn },
        },
      }),
    );
    poolId = UserPool!.Id!;
    const domain = unique('fedtrig');
    await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    const google = await registerAtProvider(system.googleIssuer, [
      `${system.endpoint}/${poolId}/oauth2/idpresponse`,
    ]);
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: poolId,
        ProviderName: 'Google',
        ProviderType: 'Google',
        ProviderDetails: {
          client_id: google.clientId,
          client_secret: google.clientSecret,
          authorize_scopes: 'openid email profile',
        },
        AttributeMapping: { email: 'email', email_verified: 'email_verified', name: 'name' },
      }),
    );
    clientId = (
      await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'web',
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid', 'email', 'profile'],
          CallbackURLs: [redirectUri],
          SupportedIdentityProviders: ['COGNITO', 'Google'],
        }),
      )
    ).UserPoolClient!.ClientId!;
    const issuer = await Issuer.discover(`${system.endpoint}/${poolId}`);
    rp = new issuer.Client({
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      response_types: ['code'],
    });
  });
  afterAll(async () => {
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId })).catch(() => undefined);
    admin.destroy();
  });

  /** A browser's sign-in through Google as `login`: the app's callback URL and openid-client's checks. */
  async function throughGoogle(login: string, client: BaseClient = rp) {
    const checks = {
      state: generators.state(),
      nonce: generators.nonce(),
      code_verifier: generators.codeVerifier(),
      response_type: 'code',
    };
    const url = client.authorizationUrl({
      scope: 'openid email profile',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: generators.codeChallenge(checks.code_verifier),
      code_challenge_method: 'S256',
      identity_provider: 'Google',
    });
    const idfed = new CookieJar();
    const toGoogle = await browse(idfed, url);
    expect(toGoogle.status).toBe(302);
    const back = await signInAtProvider(new CookieJar(), toGoogle.location!, login);
    const app = await browse(idfed, back);
    expect(app.status).toBe(302);
    const callback = new URL(app.location!);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe(checks.state);
    return { callback, checks };
  }

  async function calls(userName: string): Promise<Recorded['event'][]> {
    const res = await fetch(
      `${system.userPoolTriggerStandin}/calls?userName=${encodeURIComponent(userName)}`,
    );
    return ((await res.json()) as { accepted: Recorded[] }).accepted
      .map((c) => c.event)
      .filter((e) => e.userPoolId === poolId);
  }

  async function exists(Username: string): Promise<boolean> {
    try {
      await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }));
      return true;
    } catch {
      return false;
    }
  }

  it('calls InboundFederation, PreSignUp_ExternalProvider and PostConfirmation for a new user; only InboundFederation after', async () => {
    const login = unique('fedok');
    const { callback, checks } = await throughGoogle(login);
    const tokens = await rp.callback(redirectUri, rp.callbackParams(callback.toString()), checks);
    expect(tokens.claims()['cognito:username']).toBe(`Google_${login}`);
    const first = await calls(`Google_${login}`);
    expect(first.map((e) => e.triggerSource)).toEqual([
      'InboundFederation_ExternalProvider',
      'PreSignUp_ExternalProvider',
      'PostConfirmation_ConfirmSignUp',
    ]);
    for (const e of first) expect(e.callerContext.clientId).toBe(clientId);
    expect(first[0].request).toMatchObject({
      providerName: 'Google',
      providerType: 'Google',
      attributes: { userInfo: expect.objectContaining({ sub: login, email: `${login}@example.com` }) },
    });
    expect(first[1].request).toMatchObject({
      userAttributes: { email: `${login}@example.com`, name: `User ${login}` },
      validationData: null,
    });
    expect(first[2].request.userAttributes).toMatchObject({
      email: `${login}@example.com`,
      'cognito:user_status': 'EXTERNAL_PROVIDER',
    });
    // The second sign-in finds the user: no sign-up, no confirmation.
    const again = await throughGoogle(login);
    expect(again.callback.searchParams.get('code')).toBeTruthy();
    expect((await calls(`Google_${login}`)).map((e) => e.triggerSource)).toEqual([
      'InboundFederation_ExternalProvider',
      'PreSignUp_ExternalProvider',
      'PostConfirmation_ConfirmSignUp',
      'InboundFederation_ExternalProvider',
    ]);
  });

  it('maps the attributes InboundFederation answers in place of the provider’s', async () => {
    const login = unique('renamed');
    const { callback, checks } = await throughGoogle(login);
    const claims = (await rp.callback(redirectUri, rp.callbackParams(callback.toString()), checks)).claims();
    expect(claims.email).toBe(`${login}@renamed.example`);
    expect(claims.name).toBe('Renamed');
    // What the answer left out (email_verified) is dropped.
    const { UserAttributes } = await admin.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: `Google_${login}` }),
    );
    const names = UserAttributes!.map((a) => a.Name);
    expect(names).toContain('email');
    expect(names).not.toContain('email_verified');
  });

  it.each([
    ['stranger', 'PreSignUp failed with error No strangers.'],
    ['inboundblock', 'InboundFederation failed with error Blocked by inbound.'],
    ['garbled', 'Unrecognizable lambda output'],
  ])(
    'a %s sign-in is refused to the app with the trigger’s error, and creates nothing',
    async (prefix, description) => {
      const login = unique(prefix);
      const { callback } = await throughGoogle(login);
      expect(callback.searchParams.get('error')).toBe('invalid_request');
      expect(callback.searchParams.get('error_description')).toBe(description);
      expect(callback.searchParams.get('code')).toBeNull();
      expect(await exists(`Google_${login}`)).toBe(false);
      expect((await calls(`Google_${login}`)).map((e) => e.triggerSource)).not.toContain(
        'PostConfirmation_ConfirmSignUp',
      );
    },
  );

  it('refuses a sign-in whose mapped attributes the app client may not write, creating nothing', async () => {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'no-email-writes',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: [redirectUri],
        SupportedIdentityProviders: ['Google'],
        WriteAttributes: ['name'],
      }),
    );
    const issuer = await Issuer.discover(`${system.endpoint}/${poolId}`);
    const limited = new issuer.Client({
      client_id: UserPoolClient!.ClientId!,
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      response_types: ['code'],
    });
    const login = unique('limited');
    const { callback } = await throughGoogle(login, limited);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toBe(
      'A client attempted to write unauthorized attribute',
    );
    expect(await exists(`Google_${login}`)).toBe(false);
  });

  it('a mapped email another user signs in with stays theirs', async () => {
    const victim = unique('victim');
    const email = `${victim}@example.com`;
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: unique('owner'),
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    const owner = (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email })))
      .Username;
    // A federated user with the same verified email signs in, and holds no alias.
    const { callback } = await throughGoogle(victim);
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(
      (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }))).Username,
    ).toBe(owner);
    // A password user linked to a Google identity whose email is the owner's: refused, nothing written.
    const linkedLogin = unique('victim');
    const linkedEmail = `${linkedLogin}@example.com`;
    const other = unique('other');
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: unique('owner'),
        UserAttributes: [
          { Name: 'email', Value: linkedEmail },
          { Name: 'email_verified', Value: 'true' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    const linkedOwner = (
      await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: linkedEmail }))
    ).Username;
    await admin.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: other, MessageAction: 'SUPPRESS' }),
    );
    await admin.send(
      new AdminLinkProviderForUserCommand({
        UserPoolId: poolId,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: other },
        SourceUser: {
          ProviderName: 'Google',
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: linkedLogin,
        },
      }),
    );
    const refused = await throughGoogle(linkedLogin);
    expect(refused.callback.searchParams.get('error')).toBe('invalid_request');
    expect(refused.callback.searchParams.get('error_description')).toBe(
      'An account with the given email already exists.',
    );
    expect(
      (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: linkedEmail }))).Username,
    ).toBe(linkedOwner);
    const { UserAttributes } = await admin.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: other }),
    );
    expect(UserAttributes!.find((a) => a.Name === 'email')).toBeUndefined();
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: `Google_${linkedLogin}` })),
      'UserNotFoundException',
    );
  });
});
