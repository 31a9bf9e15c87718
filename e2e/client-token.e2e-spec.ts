import {
  CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  CreateUserPoolCommandInput,
  DeleteUserPoolCommand,
  GetClientTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtVerifier } from 'aws-jwt-verify';
import { decodeJwt } from 'jose';
import { randomBytes } from 'node:crypto';
import { Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

interface Recorded {
  event: {
    version: string;
    triggerSource: string;
    userName: string;
    callerContext: { clientId: string };
    request: Record<string, unknown>;
  };
}

/**
 * GetClientToken (ADR 0081) through the AWS SDK: the same machine-to-machine access token as the
 * token endpoint's client_credentials grant (openid-client), checked with aws-jwt-verify; either
 * way the client's scopes, or fewer. Refused: a wrong, another client's or another pool's secret,
 * a public client, an unknown client, a client without the client_credentials flow, a scope the
 * client was not given. A V3_0 pre token generation trigger gets the request's ClientMetadata.
 */
describe('GetClientToken', () => {
  const system = e2eSystem();
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const gate = `arn:aws:lambda:us-east-1:${account}:function:gate`;
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  /** A pool with a resource server `<api>` of scopes read, write and admin. */
  async function pool(extra: Partial<CreateUserPoolCommandInput> = {}) {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `m2m-${randomBytes(3).toString('hex')}`, ...extra }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    const api = `https://api-${randomBytes(3).toString('hex')}.example.com`;
    await admin.send(
      new CreateResourceServerCommand({
        UserPoolId: poolId,
        Identifier: api,
        Name: 'api',
        Scopes: ['read', 'write', 'admin'].map((s) => ({ ScopeName: s, ScopeDescription: s })),
      }),
    );
    return { poolId, api };
  }

  /** A confidential machine client given read and write (not admin). */
  async function machine(poolId: string, api: string, extra: Partial<CreateUserPoolClientCommandInput> = {}) {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'machine',
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [`${api}/read`, `${api}/write`],
        ...extra,
      }),
    );
    return { id: UserPoolClient!.ClientId!, secret: UserPoolClient!.ClientSecret! };
  }

  const clientToken = (
    ClientId: string,
    Secret: string,
    Scopes?: string[],
    ClientMetadata?: Record<string, string>,
  ) => app.send(new GetClientTokenCommand({ ClientId, Secret, Scopes, ClientMetadata }));

  async function verifier(poolId: string, clientId: string) {
    const jwksUri = `${system.endpoint}/${poolId}/.well-known/jwks.json`;
    const v = JwtVerifier.create({
      issuer: `${system.endpoint}/${poolId}`,
      audience: null,
      jwksUri,
      customJwtCheck: ({ payload }) => {
        if (payload.client_id !== clientId || payload.token_use !== 'access')
          throw new Error('not this client');
      },
    });
    // aws-jwt-verify fetches over https only; the test endpoint is plain http on loopback.
    v.cacheJwks((await (await fetch(jwksUri)).json()) as never);
    return v;
  }

  it('issues the access token the client_credentials grant issues, all scopes or those asked', async () => {
    const { poolId, api } = await pool();
    const c = await machine(poolId, api);
    const { ClientAuthenticationResult: result } = await clientToken(c.id, c.secret);
    expect(result).toEqual({ AccessToken: expect.any(String), ExpiresIn: 3600, TokenType: 'Bearer' });
    const v = await verifier(poolId, c.id);
    const viaApi = await v.verify(result!.AccessToken!);
    expect(viaApi).toMatchObject({ sub: c.id, client_id: c.id, scope: `${api}/read ${api}/write` });

    const issuer = await Issuer.discover(`${system.endpoint}/${poolId}`);
    const granted = await new issuer.Client({ client_id: c.id, client_secret: c.secret }).grant({
      grant_type: 'client_credentials',
    });
    const viaEndpoint = await v.verify(granted.access_token!);
    // The same token but for its id and times: the same claims, the same values.
    const comparable = (claims: Record<string, unknown>) => {
      const { jti: _jti, iat: _iat, exp: _exp, auth_time: _at, ...rest } = claims;
      return rest;
    };
    expect(comparable(viaApi)).toEqual(comparable(viaEndpoint));
    expect(viaApi.exp! - viaApi.iat!).toBe(viaEndpoint.exp! - viaEndpoint.iat!);

    const narrowed = await clientToken(c.id, c.secret, [`${api}/read`]);
    expect(decodeJwt(narrowed.ClientAuthenticationResult!.AccessToken!).scope).toBe(`${api}/read`);
  });

  it('refuses a wrong, missing, another client’s or another pool’s secret, and a public or unknown client', async () => {
    const { poolId, api } = await pool();
    const c = await machine(poolId, api);
    const sibling = await machine(poolId, api);
    const elsewhere = await pool();
    const stranger = await machine(elsewhere.poolId, elsewhere.api);
    const last = c.secret.slice(-1);
    for (const secret of [
      `${c.secret.slice(0, -1)}${last === 'x' ? 'y' : 'x'}`,
      sibling.secret,
      stranger.secret,
    ])
      await expectAwsError(clientToken(c.id, secret), 'NotAuthorizedException', {
        status: 400,
        message: `Unable to verify the client secret for client ${c.id}`,
      });
    await expectAwsError(clientToken(c.id, ''), 'InvalidParameterException', { status: 400 });

    const { UserPoolClient: pub } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'public' }),
    );
    await expectAwsError(clientToken(pub!.ClientId!, c.secret), 'NotAuthorizedException', { status: 400 });
    await expectAwsError(clientToken('7'.repeat(26), c.secret), 'ResourceNotFoundException', { status: 400 });
  });

  it('refuses a client without the client_credentials flow, and scopes the client was not given', async () => {
    const { poolId, api } = await pool();
    const coder = await machine(poolId, api, {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://app.example.com/cb'],
    });
    await expectAwsError(clientToken(coder.id, coder.secret), 'InvalidParameterException', { status: 400 });

    const c = await machine(poolId, api);
    const other = await pool();
    for (const scopes of [
      [`${api}/admin`],
      [`${api}/read`, `${api}/admin`],
      [`${other.api}/read`],
      ['openid'],
    ])
      await expectAwsError(clientToken(c.id, c.secret, scopes), 'InvalidParameterException', {
        status: 400,
        message: 'Invalid scope requested.',
      });
  });

  it('hands ClientMetadata to a V3_0 pre token generation trigger, whose access token changes apply', async () => {
    const { poolId, api } = await pool({
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V3_0', LambdaArn: gate } },
    });
    const c = await machine(poolId, api);
    const { ClientAuthenticationResult: result } = await clientToken(c.id, c.secret, [`${api}/read`], {
      caller: 'batch-job',
    });
    const claims = await (await verifier(poolId, c.id)).verify(result!.AccessToken!);
    // The stand-in adds `tier` and scope gate/extra, and tries to re-target sub and token_use.
    expect(claims).toMatchObject({ sub: c.id, token_use: 'access', tier: 'gold' });
    expect(String(claims.scope).split(' ').sort()).toEqual([`${api}/read`, 'gate/extra'].sort());

    const res = await fetch(`${system.userPoolTriggerStandin}/calls?userName=ClientCredentials`);
    const calls = ((await res.json()) as { accepted: Recorded[] }).accepted.filter(
      (a) => a.event.callerContext.clientId === c.id,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0].event).toMatchObject({
      version: '3',
      triggerSource: 'TokenGeneration_ClientCredentials',
      request: { scopes: [`${api}/read`], clientMetadata: { caller: 'batch-job' } },
    });
  });

  it('calls no V2_0 trigger for a machine token', async () => {
    const { poolId, api } = await pool({
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: gate } },
    });
    const c = await machine(poolId, api);
    const { ClientAuthenticationResult: result } = await clientToken(c.id, c.secret);
    expect(decodeJwt(result!.AccessToken!).tier).toBeUndefined();
    const res = await fetch(`${system.userPoolTriggerStandin}/calls?userName=ClientCredentials`);
    const calls = ((await res.json()) as { accepted: Recorded[] }).accepted.filter(
      (a) => a.event.callerContext.clientId === c.id,
    );
    expect(calls).toHaveLength(0);
  });
});
