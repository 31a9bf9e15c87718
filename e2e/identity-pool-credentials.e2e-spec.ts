import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { randomBytes } from 'node:crypto';
import { signRequest } from '../libs/sigv4/src';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createPasswordPool, newSignedInUser } from './support/user-pools';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const ACCOUNT = '000000000000';

/**
 * Web identity federation end to end, with unchanged AWS SDK code: a user-pool user, a Google
 * user (a real local OpenID provider standing in) and a guest each get credentials for the role
 * the identity pool chooses (fromCognitoIdentityPool), and those credentials sign STS
 * GetCallerIdentity, which names the assumed role.
 */
describe('identity pool credentials through fromCognitoIdentityPool', () => {
  const system = e2eSystem();
  const adminCreds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const anonymous = { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const iam = new IAMClient({ ...base, credentials: adminCreds });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: adminCreds });
  const identityApp = new CognitoIdentityClient({ ...base, credentials: anonymous });
  let idpAdmin: CognitoIdentityProviderClient;
  let idpApp: CognitoIdentityProviderClient;
  const suffix = randomBytes(3).toString('hex');
  const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}-${suffix}`;
  let userPoolId: string;
  let clientId: string;
  let providerName: string;
  let identityPoolId: string;

  async function createRole(name: string, poolId: string, amr: 'authenticated' | 'unauthenticated') {
    await createIdentityPoolRole(iam, `${name}-${suffix}`, poolId, amr);
  }

  async function userPoolToken(username: string): Promise<string> {
    const pool = { userPoolId, clientId, providerName };
    return (await newSignedInUser(idpAdmin, idpApp, pool, username, 'Federate-Pass1!')).IdToken!;
  }

  async function googleToken(sub: string): Promise<string> {
    const origin = new URL(system.googleIssuer).origin;
    const res = await fetch(`${origin}/mint`, {
      method: 'POST',
      body: JSON.stringify({ claims: { sub, aud: 'google-client-1', email: `${sub}@gmail.example` } }),
    });
    return ((await res.json()) as { token: string }).token;
  }

  /** What the app does: the SDK's credential provider, then any AWS client signing with it. */
  async function callerOf(logins?: Record<string, string>): Promise<string> {
    const credentials = fromCognitoIdentityPool({
      // The app's only configuration: where idfed is. No credentials of its own (hence anonymous).
      clientConfig: { ...base, credentials: anonymous },
      identityPoolId,
      ...(logins ? { logins } : {}),
    });
    const sts = new STSClient({ ...base, credentials });
    try {
      return (await sts.send(new GetCallerIdentityCommand({}))).Arn!;
    } finally {
      sts.destroy();
    }
  }

  beforeAll(async () => {
    idpAdmin = cognitoAdmin(system);
    idpApp = cognitoPublic(system);
    ({ userPoolId, clientId, providerName } = await createPasswordPool(
      idpAdmin,
      system.endpoint,
      'federated-users',
    ));
    const pool = await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'federation',
        AllowUnauthenticatedIdentities: true,
        CognitoIdentityProviders: [{ ProviderName: providerName, ClientId: clientId }],
        SupportedLoginProviders: { 'accounts.google.com': 'google-client-1' },
      }),
    );
    identityPoolId = pool.IdentityPoolId!;
    await createRole('members', identityPoolId, 'authenticated');
    await createRole('admins', identityPoolId, 'authenticated');
    await createRole('guests', identityPoolId, 'unauthenticated');
    await createRole('googlers', identityPoolId, 'authenticated');
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: identityPoolId,
        Roles: { authenticated: roleArn('members'), unauthenticated: roleArn('guests') },
        RoleMappings: {
          [`${providerName}:${clientId}`]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'AuthenticatedRole',
            RulesConfiguration: {
              Rules: [
                {
                  Claim: 'cognito:username',
                  MatchType: 'StartsWith',
                  Value: 'admin',
                  RoleARN: roleArn('admins'),
                },
              ],
            },
          },
          'accounts.google.com': {
            Type: 'Rules',
            AmbiguousRoleResolution: 'Deny',
            RulesConfiguration: {
              Rules: [
                {
                  Claim: 'email',
                  MatchType: 'Contains',
                  Value: '@gmail.example',
                  RoleARN: roleArn('googlers'),
                },
              ],
            },
          },
        },
      }),
    );
  });

  afterAll(() => {
    for (const c of [iam, identityAdmin, identityApp, idpAdmin, idpApp]) c.destroy();
  });

  it('gives a user-pool user the authenticated role', async () => {
    const token = await userPoolToken('mallory-member');
    expect(await callerOf({ [providerName]: token })).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/members-${suffix}/CognitoIdentityCredentials`,
    );
  });

  it('applies the rule mapping: an admin-named user gets the admin role', async () => {
    const token = await userPoolToken('admin-oscar');
    expect(await callerOf({ [providerName]: token })).toContain(`assumed-role/admins-${suffix}/`);
  });

  it('gives a Google user the role their mapping chooses', async () => {
    const token = await googleToken(`g-${suffix}`);
    expect(await callerOf({ 'accounts.google.com': token })).toContain(`assumed-role/googlers-${suffix}/`);
  });

  it('denies a Google user no rule matches, as AmbiguousRoleResolution Deny says', async () => {
    const origin = new URL(system.googleIssuer).origin;
    const res = await fetch(`${origin}/mint`, {
      method: 'POST',
      body: JSON.stringify({
        claims: { sub: `other-${suffix}`, aud: 'google-client-1', email: 'x@elsewhere.example' },
      }),
    });
    const token = ((await res.json()) as { token: string }).token;
    const { IdentityId } = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { 'accounts.google.com': token } }),
    );
    await expectAwsError(
      identityApp.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: IdentityId!,
          Logins: { 'accounts.google.com': token },
        }),
      ),
      'NotAuthorizedException',
    );
  });

  it('gives a guest the unauthenticated role, scoped down by the guest session policy', async () => {
    expect(await callerOf()).toContain(`assumed-role/guests-${suffix}/`);
    // The guests role itself allows S3 reads and Cognito Sync; the guest session policy keeps only Sync.
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: `guests-${suffix}`,
        PolicyName: 'broad',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['s3:GetObject', 'cognito-sync:ListRecords'], Resource: '*' },
          ],
        }),
      }),
    );
    const { IdentityId } = await identityApp.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    const { Credentials } = await identityApp.send(
      new GetCredentialsForIdentityCommand({ IdentityId: IdentityId! }),
    );
    const decide = async (action: string) => {
      const url = new URL(`${system.endpoint}/authorize`);
      const body = JSON.stringify({
        credentials: { accessKeyId: Credentials!.AccessKeyId, sessionToken: Credentials!.SessionToken },
        action,
        resource: '*',
      });
      const signed = signRequest(
        {
          method: 'POST',
          path: '/authorize',
          query: '',
          headers: { host: url.host, 'content-type': 'application/json' },
          body,
        },
        adminCreds,
        { region: 'us-east-1', service: 'idfed' },
      );
      const res = await fetch(url, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body,
      });
      return ((await res.json()) as { decision: string }).decision;
    };
    expect(await decide('cognito-sync:ListRecords')).toBe('Allow');
    expect(await decide('s3:GetObject')).toBe('ImplicitDeny');
  });

  it('returns Cognito-shaped credentials (SecretKey, epoch Expiration) for ASIA keys', async () => {
    const { IdentityId } = await identityApp.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    // Lifetimes are checked against the clock read before the call, so a slow run cannot fail them.
    const asked = Date.now();
    const { Credentials } = await identityApp.send(
      new GetCredentialsForIdentityCommand({ IdentityId: IdentityId! }),
    );
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(Credentials?.SecretKey).toHaveLength(40);
    expect(Credentials?.SessionToken).toBeTruthy();
    expect(Credentials!.Expiration!.getTime()).toBeGreaterThan(asked + 50 * 60_000);
  });

  it('refuses a Google token for another client, and a forged user-pool token', async () => {
    const origin = new URL(system.googleIssuer).origin;
    const res = await fetch(`${origin}/mint`, {
      method: 'POST',
      body: JSON.stringify({ claims: { sub: 'x', aud: 'some-other-app' } }),
    });
    const foreign = ((await res.json()) as { token: string }).token;
    await expectAwsError(
      identityApp.send(
        new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { 'accounts.google.com': foreign } }),
      ),
      'NotAuthorizedException',
    );
    const token = await userPoolToken('trent');
    const [h, p] = token.split('.');
    await expectAwsError(
      identityApp.send(
        new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: `${h}.${p}.AAAA` } }),
      ),
      'NotAuthorizedException',
    );
  });

  it('reports a role that does not trust the pool as an invalid pool configuration', async () => {
    const other = await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'misconfigured',
        AllowUnauthenticatedIdentities: true,
      }),
    );
    // The guests role trusts the first pool only.
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: other.IdentityPoolId!,
        Roles: { unauthenticated: roleArn('guests') },
      }),
    );
    const { IdentityId } = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: other.IdentityPoolId! }),
    );
    await expectAwsError(
      identityApp.send(new GetCredentialsForIdentityCommand({ IdentityId: IdentityId! })),
      'InvalidIdentityPoolConfigurationException',
    );
  });

  it('runs the developer-authenticated enhanced flow: the backend vouches, the device gets credentials', async () => {
    const devPool = await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'developer',
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: 'login.backend.example',
      }),
    );
    await createRole('developers', devPool.IdentityPoolId!, 'authenticated');
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: devPool.IdentityPoolId!,
        Roles: { authenticated: roleArn('developers') },
      }),
    );
    // The app's backend (admin-signed) asks for a token for its user...
    const { IdentityId, Token } = await identityAdmin.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: devPool.IdentityPoolId!,
        Logins: { 'login.backend.example': `user-${suffix}` },
      }),
    );
    // ...and the device trades it, unsigned, through the SDK's credential provider.
    const credentials = fromCognitoIdentityPool({
      clientConfig: { ...base, credentials: anonymous },
      identityPoolId: devPool.IdentityPoolId!,
      logins: { 'cognito-identity.amazonaws.com': Token! },
    });
    const sts = new STSClient({ ...base, credentials });
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(caller.Arn).toContain(`assumed-role/developers-${suffix}/`);
    await expectAwsError(
      identityApp.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: IdentityId!,
          Logins: { 'cognito-identity.amazonaws.com': `${Token!.slice(0, -4)}AAAA` },
        }),
      ),
      'NotAuthorizedException',
    );
  });

  it('runs the classic flow only where AllowClassicFlow is on: GetOpenIdToken, then STS', async () => {
    const { IdentityId } = await identityApp.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    await expectAwsError(
      identityApp.send(new GetOpenIdTokenCommand({ IdentityId: IdentityId! })),
      'InvalidParameterException',
    );
    const classic = await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'classic',
        AllowUnauthenticatedIdentities: true,
        AllowClassicFlow: true,
      }),
    );
    await createRole('classic', classic.IdentityPoolId!, 'unauthenticated');
    const guest = await identityApp.send(new GetIdCommand({ IdentityPoolId: classic.IdentityPoolId! }));
    const { Token } = await identityApp.send(new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId! }));
    const sts = new STSClient({ ...base, credentials: anonymous });
    const assumed = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn('classic'),
        RoleSessionName: 'classic-flow',
        WebIdentityToken: Token!,
      }),
    );
    sts.destroy();
    // STS names the token's issuer; trust policies name it cognito-identity.amazonaws.com.
    expect(assumed.Provider).toBe(`${system.endpoint}/identity`);
    expect(assumed.SubjectFromWebIdentityToken).toBe(guest.IdentityId);
    expect(assumed.AssumedRoleUser?.Arn).toContain(`assumed-role/classic-${suffix}/classic-flow`);
  });
});
