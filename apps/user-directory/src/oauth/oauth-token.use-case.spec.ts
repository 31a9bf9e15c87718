import { createHash } from 'node:crypto';
import { RefreshTokenRenewal } from '../auth/refresh-token-renewal';
import { SignInCompletion } from '../auth/sign-in-completion';
import { clientConfigFromRequest } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { AppClientEntity, UserEntity } from '../database/entities';
import { UsersRepository } from '../users/users.repository';
import { AuthorizationCodeRow, AuthorizationCodesRepository } from './authorization-codes.repository';
import { OAuthClientAuthentication } from './client-authentication';
import { digestOf } from './oauth-grants';
import { ExchangeRefusal, TokenExchange } from './token-exchange';
import { OAuthTokenUseCase } from './oauth-token.use-case';
import { ServiceError } from '@idfed/messaging';
import { ResourceServersRepository } from '../resource-servers/resource-servers.repository';
import { TokenIssuer } from '../tokens/token-issuer';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { ClientCredentialsGrant } from './client-credentials-grant';
import { BlockedAddresses, SECURITY_REFUSAL } from '../risk/threat-protection';

const POOL = 'us-east-1_AbCdEf123';
const REDIRECT = 'https://app.example.com/cb';
const VERIFIER = 'v'.repeat(43);

function client(id: string): AppClientEntity {
  return {
    id,
    poolId: POOL,
    name: id,
    secretEnc: null,
    config: clientConfigFromRequest({
      UserPoolId: POOL,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: [REDIRECT],
    }),
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

function codeRow(over: Partial<AuthorizationCodeRow> = {}): AuthorizationCodeRow {
  return {
    codeHash: digestOf('the-code'),
    poolId: POOL,
    clientId: 'app',
    userSub: 'sub-1',
    redirectUri: REDIRECT,
    scopes: ['openid'],
    nonce: null,
    codeChallenge: createHash('sha256').update(VERIFIER).digest('base64url'),
    codeChallengeMethod: 'S256',
    authTime: new Date(),
    expiresAt: new Date(Date.now() + 60_000),
    ...over,
  };
}

/** The token endpoint with its repositories mocked: what a code's checks refuse, nothing issued. */
describe('OAuthToken', () => {
  let stored: AuthorizationCodeRow | undefined;
  const codes = { consume: jest.fn(async () => Promise.resolve(stored)) };
  const users = {
    findBySub: jest.fn(async () => ({ sub: 'sub-1', poolId: POOL, enabled: true }) as UserEntity),
  };
  const completion = {
    startSession: jest.fn(async () => ({
      AccessToken: 'access',
      IdToken: 'id',
      RefreshToken: 'refresh',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    })),
  };
  const resourceServers = { scopesOf: jest.fn(async () => Promise.resolve(['api/read', 'api/write'])) };
  const issuer = { issueClientAccess: jest.fn(async () => Promise.resolve('client-access')) };
  const triggers = { preTokenGenerationForClient: jest.fn(async () => Promise.resolve(undefined)) };
  const auth = { authenticate: jest.fn(async () => ({ client: client('app') }) as ClientForAuth) };
  const renewal = { renew: jest.fn() };
  const tokenExchange = { exchange: jest.fn() };
  /** Threat protection's block list (ADR 0091): not blocked unless a test says so. */
  const blocked = { isBlocked: jest.fn(async () => Promise.resolve(false)) };
  const useCase = new OAuthTokenUseCase(
    auth as unknown as OAuthClientAuthentication,
    codes as unknown as AuthorizationCodesRepository,
    users as unknown as UsersRepository,
    completion as unknown as SignInCompletion,
    renewal as unknown as RefreshTokenRenewal,
    new ClientCredentialsGrant(
      resourceServers as unknown as ResourceServersRepository,
      issuer as unknown as TokenIssuer,
      triggers as unknown as UserPoolTriggers,
    ),
    tokenExchange as unknown as TokenExchange,
    blocked as unknown as BlockedAddresses,
  );
  const redeem = (form: Record<string, string> = {}) =>
    useCase.execute({
      UserPoolId: POOL,
      Form: {
        grant_type: 'authorization_code',
        client_id: 'app',
        code: 'the-code',
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
        ...form,
      },
    });

  beforeEach(() => {
    completion.startSession.mockClear();
    codes.consume.mockClear();
  });

  it('redeems a live code with its verifier and redirect URI for the tokens of its scopes', async () => {
    stored = codeRow();
    const answer = await redeem();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id_token: 'id',
      access_token: 'access',
      refresh_token: 'refresh',
      expires_in: 3600,
      token_type: 'Bearer',
    });
    expect(codes.consume).toHaveBeenCalledWith(digestOf('the-code'));
  });

  it('refuses an expired code as invalid_grant and starts no session', async () => {
    stored = codeRow({ expiresAt: new Date(Date.now() - 1) });
    expect(await redeem()).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    expect(completion.startSession).not.toHaveBeenCalled();
  });

  it('refuses another client, another redirect URI, a wrong or missing verifier, an unknown code', async () => {
    const refusals: [AuthorizationCodeRow | undefined, Record<string, string>][] = [
      [codeRow({ clientId: 'other' }), {}],
      [codeRow(), { redirect_uri: 'https://app.example.com/other' }],
      [codeRow(), { code_verifier: 'w'.repeat(43) }],
      [codeRow(), { code_verifier: '' }],
      [codeRow({ codeChallengeMethod: 'plain', codeChallenge: VERIFIER }), { code_verifier: 'x'.repeat(43) }],
      [undefined, {}],
    ];
    for (const [row, form] of refusals) {
      stored = row;
      expect(await redeem(form)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    }
    expect(completion.startSession).not.toHaveBeenCalled();
  });

  it('answers no id_token when openid was not granted', async () => {
    stored = codeRow({ scopes: ['email'] });
    expect((await redeem()).body.id_token).toBeUndefined();
  });

  it('answers invalid_client for a client that does not authenticate, before reading the code', async () => {
    auth.authenticate.mockResolvedValueOnce(undefined as never);
    stored = codeRow();
    expect(await redeem()).toEqual({ status: 400, body: { error: 'invalid_client' } });
    expect(codes.consume).not.toHaveBeenCalled();
  });

  it('refuses a blocked address as invalid_grant before a code or refresh token is looked at', async () => {
    stored = codeRow();
    renewal.renew.mockReset();
    const refusal = { status: 400, body: { error: 'invalid_grant', error_description: SECURITY_REFUSAL } };
    blocked.isBlocked.mockResolvedValueOnce(true);
    expect(
      await useCase.execute(
        { UserPoolId: POOL, Form: { grant_type: 'authorization_code', client_id: 'app', code: 'the-code' } },
        { requestId: 'r', caller: { kind: 'anonymous' }, sourceIp: '192.0.2.7' },
      ),
    ).toEqual(refusal);
    expect(blocked.isBlocked).toHaveBeenLastCalledWith(undefined, 'app', '192.0.2.7');
    blocked.isBlocked.mockResolvedValueOnce(true);
    expect(
      await useCase.execute({
        UserPoolId: POOL,
        Form: { grant_type: 'refresh_token', client_id: 'app', refresh_token: 'the-refresh' },
      }),
    ).toEqual(refusal);
    expect(codes.consume).not.toHaveBeenCalled();
    expect(renewal.renew).not.toHaveBeenCalled();
    expect(completion.startSession).not.toHaveBeenCalled();
  });

  describe('refresh_token', () => {
    const refresh = (form: Record<string, string> = { refresh_token: 'the-refresh' }) =>
      useCase.execute({ UserPoolId: POOL, Form: { grant_type: 'refresh_token', client_id: 'app', ...form } });
    const renewed = { AccessToken: 'access', IdToken: 'id', ExpiresIn: 3600, TokenType: 'Bearer' };

    beforeEach(() => renewal.renew.mockReset());

    it("answers the rotated refresh token of a rotating client's renewal, and the ID token for openid", async () => {
      renewal.renew.mockResolvedValueOnce({
        tokens: { ...renewed, RefreshToken: 'next' },
        scopes: ['openid'],
      });
      expect(await refresh()).toEqual({
        status: 200,
        body: {
          id_token: 'id',
          access_token: 'access',
          refresh_token: 'next',
          expires_in: 3600,
          token_type: 'Bearer',
        },
      });
      expect(renewal.renew).toHaveBeenCalledWith(
        expect.objectContaining({ client: expect.objectContaining({ id: 'app' }) }),
        { refreshToken: 'the-refresh' },
      );
    });

    it('answers no refresh token without rotation, no ID token without openid', async () => {
      renewal.renew.mockResolvedValueOnce({ tokens: renewed, scopes: ['email'] });
      expect(await refresh()).toEqual({
        status: 200,
        body: { access_token: 'access', expires_in: 3600, token_type: 'Bearer' },
      });
    });

    it('answers a reuse, a revoked or unknown token as invalid_grant, a missing one as invalid_request', async () => {
      for (const name of ['RefreshTokenReuseException', 'NotAuthorizedException'] as const) {
        renewal.renew.mockRejectedValueOnce(new ServiceError(name, 'no'));
        expect(await refresh()).toEqual({ status: 400, body: { error: 'invalid_grant' } });
      }
      expect(await refresh({})).toEqual({
        status: 400,
        body: { error: 'invalid_request', error_description: 'refresh_token is required.' },
      });
      expect(renewal.renew).toHaveBeenCalledTimes(2);
    });
  });

  describe('client_credentials', () => {
    function machine(
      over: { secret?: string; flows?: ('code' | 'client_credentials')[] } = {},
    ): ClientForAuth {
      const c = client('machine');
      c.config = clientConfigFromRequest(
        {
          UserPoolId: POOL,
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: over.flows ?? ['client_credentials'],
          AllowedOAuthScopes: ['api/read', 'api/write'],
          ...(over.flows?.includes('code') ? { CallbackURLs: [REDIRECT] } : {}),
        },
        true,
        { providers: [], customScopes: ['api/read', 'api/write'] },
      );
      return { client: c, secret: 'secret' in over ? over.secret : 's3cret' } as ClientForAuth;
    }
    const grant = (scope?: string) =>
      useCase.execute({
        UserPoolId: POOL,
        Form: { grant_type: 'client_credentials', ...(scope !== undefined ? { scope } : {}) },
      });

    beforeEach(() => issuer.issueClientAccess.mockClear());

    it('does not consult the block list: the grant authenticates no user (ADR 0091)', async () => {
      blocked.isBlocked.mockClear();
      auth.authenticate.mockResolvedValueOnce(machine());
      expect((await grant('api/read')).status).toBe(200);
      expect(blocked.isBlocked).not.toHaveBeenCalled();
    });

    it('gives a confidential client an access token of the scopes asked (all allowed when none)', async () => {
      auth.authenticate.mockResolvedValueOnce(machine());
      expect(await grant('api/read')).toEqual({
        status: 200,
        body: { access_token: 'client-access', expires_in: 3600, token_type: 'Bearer' },
      });
      expect(issuer.issueClientAccess).toHaveBeenLastCalledWith(
        POOL,
        'machine',
        ['api/read'],
        3600,
        undefined,
      );
      auth.authenticate.mockResolvedValueOnce(machine());
      await grant();
      expect(issuer.issueClientAccess).toHaveBeenLastCalledWith(
        POOL,
        'machine',
        ['api/read', 'api/write'],
        3600,
        undefined,
      );
    });

    it('hands aws_client_metadata to the trigger, and refuses one that is no JSON object of strings', async () => {
      auth.authenticate.mockResolvedValueOnce(machine());
      const form = { grant_type: 'client_credentials', aws_client_metadata: '{"env":"dev"}' };
      expect((await useCase.execute({ UserPoolId: POOL, Form: form })).status).toBe(200);
      expect(triggers.preTokenGenerationForClient).toHaveBeenLastCalledWith(
        undefined,
        'machine',
        ['api/read', 'api/write'],
        { env: 'dev' },
      );
      for (const bad of ['{"n":1}', '[]', 'null', '{']) {
        auth.authenticate.mockResolvedValueOnce(machine());
        const answer = await useCase.execute({
          UserPoolId: POOL,
          Form: { grant_type: 'client_credentials', aws_client_metadata: bad },
        });
        expect(answer.body).toMatchObject({ error: 'invalid_request' });
      }
    });

    it('refuses a scope the client was not given, or whose resource server is gone, as invalid_scope', async () => {
      auth.authenticate.mockResolvedValueOnce(machine());
      expect(await grant('api/delete')).toEqual({ status: 400, body: { error: 'invalid_scope' } });
      auth.authenticate.mockResolvedValueOnce(machine());
      resourceServers.scopesOf.mockResolvedValueOnce(['api/read']);
      expect(await grant('api/write')).toEqual({ status: 400, body: { error: 'invalid_scope' } });
      expect(issuer.issueClientAccess).not.toHaveBeenCalled();
    });

    it('refuses a client without the flow or without a secret as unauthorized_client', async () => {
      auth.authenticate.mockResolvedValueOnce(machine({ flows: ['code'] }));
      expect(await grant('api/read')).toEqual({ status: 400, body: { error: 'unauthorized_client' } });
      auth.authenticate.mockResolvedValueOnce(machine({ secret: undefined }));
      expect(await grant('api/read')).toEqual({ status: 400, body: { error: 'unauthorized_client' } });
      expect(issuer.issueClientAccess).not.toHaveBeenCalled();
    });
  });

  describe('token exchange (RFC 8693, ADR 0088)', () => {
    const GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
    const AT = 'urn:ietf:params:oauth:token-type:access_token';
    const exchange = (form: Record<string, string>) =>
      useCase.execute({ UserPoolId: POOL, Form: { grant_type: GRANT, client_id: 'app', ...form } });
    beforeEach(() => tokenExchange.exchange.mockReset());

    it('hands the RFC form to the exchange and answers its response', async () => {
      tokenExchange.exchange.mockResolvedValue({
        token: 't',
        type: 'ACCESS_TOKEN',
        expiresIn: 60,
        scopes: ['a', 'b'],
      });
      const answer = await exchange({
        subject_token: 's',
        subject_token_type: AT,
        actor_token: 'x',
        actor_token_type: AT,
        scope: 'a b',
        resource: 'https://api',
      });
      expect(answer).toEqual({
        status: 200,
        body: {
          access_token: 't',
          issued_token_type: AT,
          token_type: 'Bearer',
          expires_in: 60,
          scope: 'a b',
        },
      });
      expect(tokenExchange.exchange.mock.calls[0][1]).toEqual({
        subjectToken: 's',
        subjectTokenType: 'ACCESS_TOKEN',
        actorToken: 'x',
        actorTokenType: 'ACCESS_TOKEN',
        scopes: ['a', 'b'],
        resources: ['https://api'],
      });
    });

    it('answers the RFC codes for a bad form, a refusal and a token that fails its checks', async () => {
      expect((await exchange({ subject_token_type: AT })).body.error).toBe('invalid_request');
      expect((await exchange({ subject_token: 's', subject_token_type: 'jwt' })).body.error).toBe(
        'invalid_request',
      );
      expect(
        (await exchange({ subject_token: 's', subject_token_type: AT, resource: 'a b' })).body.error,
      ).toBe('invalid_target');
      tokenExchange.exchange.mockRejectedValueOnce(
        new ExchangeRefusal('unauthorized_client', new ServiceError('InvalidParameterException', 'no')),
      );
      expect((await exchange({ subject_token: 's', subject_token_type: AT })).body.error).toBe(
        'unauthorized_client',
      );
      tokenExchange.exchange.mockRejectedValueOnce(
        new ServiceError('NotAuthorizedException', 'Invalid Access Token'),
      );
      expect((await exchange({ subject_token: 's', subject_token_type: AT })).body.error).toBe(
        'invalid_grant',
      );
    });
  });
});
