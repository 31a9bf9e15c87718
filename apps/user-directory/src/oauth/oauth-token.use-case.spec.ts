import { createHash } from 'node:crypto';
import { RefreshTokenAuthFlow } from '../auth/flows/refresh-token-auth.flow';
import { SignInCompletion } from '../auth/sign-in-completion';
import { clientConfigFromRequest } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { AppClientEntity, UserEntity } from '../database/entities';
import { UsersRepository } from '../users/users.repository';
import { AuthorizationCodeRow, AuthorizationCodesRepository } from './authorization-codes.repository';
import { OAuthClientAuthentication } from './client-authentication';
import { digestOf } from './oauth-grants';
import { OAuthTokenUseCase } from './oauth-token.use-case';

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
  const auth = { authenticate: jest.fn(async () => ({ client: client('app') }) as ClientForAuth) };
  const useCase = new OAuthTokenUseCase(
    auth as unknown as OAuthClientAuthentication,
    codes as unknown as AuthorizationCodesRepository,
    users as unknown as UsersRepository,
    completion as unknown as SignInCompletion,
    {} as RefreshTokenAuthFlow,
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
});
