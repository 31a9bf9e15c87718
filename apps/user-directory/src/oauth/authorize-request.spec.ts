import { clientConfigFromRequest } from '../clients/client-config';
import { ClientForAuth, ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { AppClientEntity } from '../database/entities';
import { AuthorizeRequests } from './authorize-request';

const POOL = 'us-east-1_AbCdEf123';
const CB = 'https://app.example.com/cb';

const client: AppClientEntity = {
  id: 'app',
  poolId: POOL,
  name: 'app',
  secretEnc: null,
  config: clientConfigFromRequest({
    UserPoolId: POOL,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
    CallbackURLs: [CB],
  }),
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('authorization request checks', () => {
  const clients = {
    forAuth: jest.fn(async (id: string) => {
      if (id !== 'app') throw CognitoErrors.clientNotFound(id);
      return Promise.resolve({ client } as ClientForAuth);
    }),
  };
  const requests = new AuthorizeRequests(clients as unknown as ClientsService);
  const check = (params: Record<string, string>, pool = POOL) =>
    requests.check(pool, { response_type: 'code', client_id: 'app', redirect_uri: CB, ...params });

  it('grants every allowed scope when none is asked, and keeps state, nonce and PKCE', async () => {
    const c = await check({
      state: 's',
      nonce: 'n',
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
    });
    expect(c).toMatchObject({
      ok: true,
      request: { scopes: ['openid', 'email'], state: 's', nonce: 'n', codeChallengeMethod: 'S256' },
    });
    // No method given is plain (RFC 7636).
    expect(await check({ code_challenge: 'c'.repeat(43) })).toMatchObject({
      request: { codeChallengeMethod: 'plain' },
    });
  });

  it('shows an error page (no redirect) for an unknown client, another pool or a foreign redirect_uri', async () => {
    for (const outcome of [
      await check({ client_id: 'nope' }),
      await check({}, 'us-east-1_Other1'),
      await check({ redirect_uri: 'https://evil.example.com/cb' }),
      await check({ redirect_uri: `${CB}/` }),
    ]) {
      expect(outcome).toMatchObject({ ok: false, outcome: { kind: 'error' } });
    }
  });

  it('redirects other refusals back with the error and state', async () => {
    expect(await check({ scope: 'openid profile', state: 'x' })).toEqual({
      ok: false,
      outcome: {
        kind: 'redirect',
        location: `${CB}?error=invalid_scope&error_description=A+scope+requested+is+not+allowed.&state=x`,
      },
    });
    expect(await check({ response_type: 'token' })).toMatchObject({
      outcome: { location: expect.stringContaining('#error=unauthorized_client') as string },
    });
    expect(await check({ code_challenge: 'short' })).toMatchObject({
      outcome: { location: expect.stringContaining('error=invalid_request') as string },
    });
  });
});
