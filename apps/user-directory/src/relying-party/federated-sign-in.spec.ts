import { OAuthParams } from '@idfed/contracts';
import { clientConfigFromRequest } from '../clients/client-config';
import { ClientForAuth, ClientsService } from '../clients/clients.service';
import { AppClientEntity, IdentityProviderEntity, UserEntity } from '../database/entities';
import { SignInFederatedUserUseCase } from '../federation/sign-in-federated-user.use-case';
import { AuthorizeRequests } from '../oauth/authorize-request';
import { HostedSignIn } from '../oauth/hosted-sign-in';
import { digestOf } from '../oauth/oauth-grants';
import { IdentityProviderViews } from '../providers/identity-provider-views';
import {
  IdentityProvidersRepository,
  StoredIdentityProvider,
} from '../providers/identity-providers.repository';
import { UsersRepository } from '../users/users.repository';
import { FederatedSignIn } from './federated-sign-in';
import { BlockedAddresses, SECURITY_REFUSAL } from '../risk/threat-protection';
import { FederationState, FederationStatesRepository } from './federation-states.repository';
import {
  FederationStrategy,
  ProviderAnswer,
  ProviderAnswerRefused,
  ProviderSignIn,
} from './federation-strategy';

const POOL = 'us-east-1_AbCdEf123';
const REDIRECT = 'https://app.example.com/cb';
const CALLBACK = `https://idfed.example/${POOL}/oauth2/idpresponse`;

function appClient(): AppClientEntity {
  return {
    id: 'app',
    poolId: POOL,
    name: 'app',
    secretEnc: null,
    config: clientConfigFromRequest(
      {
        UserPoolId: POOL,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: [REDIRECT],
        SupportedIdentityProviders: ['COGNITO', 'Google'],
      },
      false,
      { providers: ['Google', 'Other'], customScopes: [] },
    ),
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

function provider(name: string): StoredIdentityProvider {
  return {
    provider: { poolId: POOL, name, type: 'Google', secretsEnc: null } as IdentityProviderEntity,
    identifiers: [],
  };
}

const APP_PARAMS: OAuthParams = {
  client_id: 'app',
  response_type: 'code',
  redirect_uri: REDIRECT,
  scope: 'openid',
  state: 'app-state',
};

/** The federation flow with its repositories and strategy mocked: what it refuses, and that it then does nothing. */
describe('FederatedSignIn', () => {
  let stored: Map<string, FederationState>;
  const states = {
    insert: jest.fn(async (hash: Buffer, s: FederationState) => {
      stored.set(hash.toString('hex'), s);
      return Promise.resolve();
    }),
    take: jest.fn(async (hash: Buffer) => {
      const s = stored.get(hash.toString('hex'));
      stored.delete(hash.toString('hex'));
      return Promise.resolve(s);
    }),
  };
  const providers = {
    find: jest.fn(async (_pool: string, name: string) =>
      Promise.resolve(['Google', 'Other'].includes(name) ? provider(name) : undefined),
    ),
    findByIdentifier: jest.fn(async () => Promise.resolve(undefined)),
    names: jest.fn(async () => Promise.resolve(['Google', 'Other'])),
  };
  const views = {
    toType: jest.fn(() => ({
      ProviderDetails: { client_id: 'g', client_secret: 's', oidc_issuer: 'https://g' },
    })),
    open: jest.fn(() => ({ client_secret: 's' })),
  };
  const clients = {
    forAuth: jest.fn(async () => Promise.resolve({ client: appClient() } as ClientForAuth)),
  };
  const authorizationUrl = jest.fn(async (s: ProviderSignIn) =>
    Promise.resolve(`https://g/auth?state=${s.state}&nonce=${s.nonce}`),
  );
  const claims = jest.fn(async (_s: ProviderSignIn): Promise<ProviderAnswer> =>
    Promise.resolve({
      claims: { sub: 'g-1' },
      tokenResponse: { access_token: 'at', token_type: 'Bearer' },
      idToken: { sub: 'g-1' },
    }),
  );
  const strategy: FederationStrategy = { types: ['Google'], authorizationUrl, claims };
  const federatedUsers = {
    execute: jest.fn(async () => Promise.resolve({ Sub: 'sub-1', Username: 'Google_g-1', Created: true })),
  };
  const users = {
    findBySub: jest.fn(async () => Promise.resolve({ sub: 'sub-1', enabled: true } as UserEntity)),
  };
  const hosted = {
    afterFederation: jest.fn(async () =>
      Promise.resolve({
        kind: 'signed-in',
        location: `${REDIRECT}?code=c`,
        sessionToken: 't',
        sessionMaxAgeSeconds: 1,
      }),
    ),
  };
  const requests = new AuthorizeRequests(clients as unknown as ClientsService);
  /** Threat protection's block list (ADR 0091): not blocked unless a test says so. */
  const blocked = { isBlocked: jest.fn(async () => Promise.resolve(false)) };
  const flow = new FederatedSignIn(
    providers as unknown as IdentityProvidersRepository,
    views as unknown as IdentityProviderViews,
    states as unknown as FederationStatesRepository,
    requests,
    federatedUsers as unknown as SignInFederatedUserUseCase,
    users as unknown as UsersRepository,
    hosted as unknown as HostedSignIn,
    [strategy],
    blocked as unknown as BlockedAddresses,
  );
  const meta = { requestId: 'r', caller: { kind: 'anonymous' as const } };

  async function start(params: OAuthParams, binding?: string) {
    const checked = await requests.check(POOL, params);
    if (!checked.ok) throw new Error('the request should pass its checks');
    return flow.start(checked.auth, checked.request, params, CALLBACK, binding);
  }

  /** A started sign-in: the state sent to the provider and the browser's binding cookie. */
  async function started(): Promise<{ state: string; binding: string }> {
    const outcome = await start({ ...APP_PARAMS, identity_provider: 'Google' });
    if (outcome.kind !== 'federate') throw new Error(`not sent to the provider: ${JSON.stringify(outcome)}`);
    return { state: new URL(outcome.location).searchParams.get('state')!, binding: outcome.bindingToken };
  }

  beforeEach(() => {
    stored = new Map();
    jest.clearAllMocks();
  });

  it('sends the browser to the provider with a new state, stored by its digest with the app’s request', async () => {
    const { state, binding } = await started();
    const kept = stored.get(digestOf(state).toString('hex'))!;
    expect(kept).toMatchObject({ poolId: POOL, providerName: 'Google', callbackUrl: CALLBACK });
    expect(kept.params).toMatchObject({ state: 'app-state', redirect_uri: REDIRECT });
    expect(kept.bindingHash.equals(digestOf(binding))).toBe(true);
    expect([...stored.keys()].join()).not.toContain(Buffer.from(state).toString('hex'));
    // The nonce and verifier toward the provider are neither the state nor the binding.
    const signIn = authorizationUrl.mock.calls[0][0];
    expect(new Set([signIn.nonce, signIn.codeVerifier, state, binding]).size).toBe(4);
  });

  it('keeps the browser’s binding cookie across sign-ins, and makes one when there is none', async () => {
    const binding = 'b'.repeat(43);
    const outcome = await start({ ...APP_PARAMS, identity_provider: 'Google' }, binding);
    expect(outcome).toMatchObject({ kind: 'federate', bindingToken: binding });
    const fresh = await start({ ...APP_PARAMS, identity_provider: 'Google' }, 'not a token');
    expect(fresh.kind === 'federate' && fresh.bindingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a provider the client does not support, or the pool does not have, storing nothing', async () => {
    for (const name of ['Other', 'Nope']) {
      const outcome = await start({ ...APP_PARAMS, identity_provider: name });
      expect(outcome.kind).toBe('redirect');
      const answer = new URL((outcome as { location: string }).location);
      expect(answer.searchParams.get('error')).toBe('invalid_request');
      expect(answer.searchParams.get('state')).toBe('app-state');
    }
    expect(states.insert).not.toHaveBeenCalled();
    expect(authorizationUrl).not.toHaveBeenCalled();
  });

  it('refuses a blocked address back to the app before the provider’s answer is redeemed', async () => {
    const { state, binding } = await started();
    blocked.isBlocked.mockResolvedValueOnce(true);
    const outcome = await flow.complete(POOL, { code: 'c', state }, binding, {
      ...meta,
      sourceIp: '192.0.2.7',
    });
    expect(blocked.isBlocked).toHaveBeenCalledWith(undefined, 'app', '192.0.2.7');
    expect(outcome.kind).toBe('redirect');
    const answer = new URL((outcome as { location: string }).location);
    expect(answer.searchParams.get('error')).toBe('access_denied');
    expect(answer.searchParams.get('error_description')).toBe(SECURITY_REFUSAL);
    expect(answer.searchParams.get('state')).toBe('app-state');
    expect(claims).not.toHaveBeenCalled();
    expect(federatedUsers.execute).not.toHaveBeenCalled();
    expect(users.findBySub).not.toHaveBeenCalled();
  });

  it('completes a sign-in: the strategy’s claims become the pool user, the app gets its answer', async () => {
    const { state, binding } = await started();
    const outcome = await flow.complete(POOL, { code: 'c', state }, binding, meta);
    expect(outcome).toMatchObject({ kind: 'signed-in' });
    expect(federatedUsers.execute).toHaveBeenCalledWith(
      { UserPoolId: POOL, ProviderName: 'Google', Claims: { sub: 'g-1' }, ClientId: 'app' },
      meta,
      // For InboundFederation only: in process, never in the bus request (ADR 0061).
      { tokenResponse: { access_token: 'at', token_type: 'Bearer' }, idToken: { sub: 'g-1' } },
    );
    const signIn = claims.mock.calls[0][0];
    const asked = authorizationUrl.mock.calls[0][0];
    expect([signIn.nonce, signIn.codeVerifier]).toEqual([asked.nonce, asked.codeVerifier]);
  });

  it('refuses a missing, unknown, spent, expired, foreign-pool or other browser’s state, doing nothing', async () => {
    const refusals: [string, () => Promise<unknown>][] = [];
    const a = await started();
    refusals.push(['missing', () => flow.complete(POOL, { code: 'c' }, a.binding, meta)]);
    refusals.push([
      'unknown',
      () => flow.complete(POOL, { code: 'c', state: 'x'.repeat(43) }, a.binding, meta),
    ]);
    refusals.push([
      'other browser',
      () => flow.complete(POOL, { code: 'c', state: a.state }, 'o'.repeat(43), meta),
    ]);
    refusals.push(['spent', () => flow.complete(POOL, { code: 'c', state: a.state }, a.binding, meta)]);
    const b = await started();
    refusals.push(['no cookie', () => flow.complete(POOL, { code: 'c', state: b.state }, undefined, meta)]);
    const c = await started();
    stored.get(digestOf(c.state).toString('hex'))!.expiresAt = new Date(Date.now() - 1);
    refusals.push(['expired', () => flow.complete(POOL, { code: 'c', state: c.state }, c.binding, meta)]);
    const d = await started();
    refusals.push([
      'other pool',
      () => flow.complete('us-east-1_Other1', { code: 'c', state: d.state }, d.binding, meta),
    ]);
    for (const [why, attempt] of refusals) {
      expect([why, await attempt()]).toEqual([
        why,
        { kind: 'error', error: 'invalid_request', description: 'Invalid state.' },
      ]);
    }
    expect(claims).not.toHaveBeenCalled();
    expect(federatedUsers.execute).not.toHaveBeenCalled();
  });

  it('relays the provider’s error to the app with the app’s state, asking the provider nothing', async () => {
    const { state, binding } = await started();
    const outcome = await flow.complete(
      POOL,
      { error: 'access_denied', error_description: 'no', state },
      binding,
      meta,
    );
    const answer = new URL((outcome as { location: string }).location);
    expect(answer.searchParams.get('error')).toBe('access_denied');
    expect(answer.searchParams.get('error_description')).toBe('no');
    expect(answer.searchParams.get('state')).toBe('app-state');
    expect(claims).not.toHaveBeenCalled();
  });

  it('answers an answer the strategy refuses with its error, making no user', async () => {
    claims.mockRejectedValueOnce(new ProviderAnswerRefused('invalid_request', 'bad token'));
    const { state, binding } = await started();
    const outcome = await flow.complete(POOL, { code: 'c', state }, binding, meta);
    const answer = new URL((outcome as { location: string }).location);
    expect(answer.searchParams.get('error')).toBe('invalid_request');
    expect(answer.searchParams.get('error_description')).toBe('bad token');
    expect(federatedUsers.execute).not.toHaveBeenCalled();
  });
});
