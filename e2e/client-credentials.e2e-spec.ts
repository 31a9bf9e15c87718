import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  DeleteResourceServerCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';
import { errors, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { createOAuthPool, OAuthPool } from './support/hosted-ui';

/**
 * The client_credentials grant (issue 10) with openid-client as the machine client: a confidential
 * app client allowed the flow gets an access token of its resource servers' custom scopes, no ID or
 * refresh token; a wrong secret, a scope it was not given or that no longer exists, a client without
 * the flow are refused as Cognito refuses them. And the app client's SupportedIdentityProviders and
 * AllowedOAuthScopes checked against the pool's providers and resource servers.
 */
describe('client_credentials and custom scopes', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let issuer: Issuer;
  const api = `https://api-${randomBytes(3).toString('hex')}.example.com`;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    pool = await createOAuthPool(admin, system.endpoint);
    await admin.send(
      new CreateResourceServerCommand({
        UserPoolId: pool.poolId,
        Identifier: api,
        Name: 'api',
        Scopes: [
          { ScopeName: 'read', ScopeDescription: 'read' },
          { ScopeName: 'write', ScopeDescription: 'write' },
        ],
      }),
    );
    issuer = await Issuer.discover(pool.issuer);
  });
  afterAll(() => admin.destroy());

  async function machineClient(scopes = [`${api}/read`, `${api}/write`]) {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'machine',
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: scopes,
      }),
    );
    return { id: UserPoolClient!.ClientId!, secret: UserPoolClient!.ClientSecret! };
  }

  it('gives a confidential client an access token of its custom scopes, by Basic and by form', async () => {
    const m = await machineClient();
    for (const method of ['client_secret_basic', 'client_secret_post'] as const) {
      const client = new issuer.Client({
        client_id: m.id,
        client_secret: m.secret,
        token_endpoint_auth_method: method,
      });
      const tokens = await client.grant({ grant_type: 'client_credentials', scope: `${api}/read` });
      expect(tokens.token_type).toBe('Bearer');
      expect(tokens.refresh_token).toBeUndefined();
      expect(tokens.id_token).toBeUndefined();
      const { payload } = await jwtVerify(
        tokens.access_token!,
        createRemoteJWKSet(new URL(issuer.metadata.jwks_uri!)),
        { issuer: pool.issuer },
      );
      expect(payload).toMatchObject({
        sub: m.id,
        client_id: m.id,
        token_use: 'access',
        scope: `${api}/read`,
      });
      expect(payload.username).toBeUndefined();
    }
    // Without a scope: every scope the client was given.
    const all = await new issuer.Client({ client_id: m.id, client_secret: m.secret }).grant({
      grant_type: 'client_credentials',
    });
    expect(decodeJwt(all.access_token!).scope).toBe(`${api}/read ${api}/write`);
  });

  /** The OAuth error openid-client raised for a refused grant. */
  async function refusal(grant: Promise<unknown>): Promise<string | undefined> {
    try {
      await grant;
    } catch (err) {
      if (err instanceof errors.OPError) return err.error;
      throw err;
    }
    throw new Error('the grant was not refused');
  }

  it('refuses a wrong secret, an unknown scope, a deleted scope and a client without the flow', async () => {
    const m = await machineClient();
    const grant = (id: string, secret: string, scope?: string) =>
      new issuer.Client({ client_id: id, client_secret: secret }).grant({
        grant_type: 'client_credentials',
        ...(scope ? { scope } : {}),
      });
    expect(await refusal(grant(m.id, `${m.secret}x`, `${api}/read`))).toBe('invalid_client');
    expect(await refusal(grant(m.id, m.secret, `${api}/delete`))).toBe('invalid_scope');
    expect(await refusal(grant(m.id, m.secret, 'openid'))).toBe('invalid_scope');
    // The code-flow client of the pool (it has a secret, not the flow).
    expect(await refusal(grant(pool.secretClientId, pool.secretClientSecret))).toBe('unauthorized_client');

    // A resource server deleted after the client was set up takes its scopes with it.
    const gone = `https://gone-${randomBytes(3).toString('hex')}.example.com`;
    await admin.send(
      new CreateResourceServerCommand({
        UserPoolId: pool.poolId,
        Identifier: gone,
        Name: 'gone',
        Scopes: [{ ScopeName: 'x', ScopeDescription: 'x' }],
      }),
    );
    const orphan = await machineClient([`${gone}/x`]);
    await admin.send(new DeleteResourceServerCommand({ UserPoolId: pool.poolId, Identifier: gone }));
    expect(await refusal(grant(orphan.id, orphan.secret, `${gone}/x`))).toBe('invalid_scope');
    expect(await refusal(grant(orphan.id, orphan.secret))).toBe('invalid_scope');
  });

  it('checks SupportedIdentityProviders and AllowedOAuthScopes against the pool', async () => {
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Google',
        ProviderType: 'Google',
        ProviderDetails: { client_id: 'g', client_secret: 'g-secret', authorize_scopes: 'openid email' },
      }),
    );
    const base = {
      UserPoolId: pool.poolId,
      ClientName: 'web',
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code' as const],
      CallbackURLs: ['https://app.example.com/cb'],
    };
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        ...base,
        AllowedOAuthScopes: ['openid', `${api}/read`],
        SupportedIdentityProviders: ['COGNITO', 'Google'],
      }),
    );
    expect(UserPoolClient).toMatchObject({
      AllowedOAuthScopes: ['openid', `${api}/read`],
      SupportedIdentityProviders: ['COGNITO', 'Google'],
    });
    await expectAwsError(
      admin.send(
        new CreateUserPoolClientCommand({
          ...base,
          AllowedOAuthScopes: ['openid'],
          SupportedIdentityProviders: ['COGNITO', 'Facebook'],
        }),
      ),
      'InvalidParameterException',
      'The provider Facebook does not exist for User Pool.',
    );
    await expectAwsError(
      admin.send(
        new UpdateUserPoolClientCommand({
          ...base,
          ClientName: undefined,
          ClientId: UserPoolClient!.ClientId,
          AllowedOAuthScopes: ['openid', `${api}/delete`],
        }),
      ),
      'ScopeDoesNotExistException',
      `Invalid scope requested: ${api}/delete`,
    );
  });
});
