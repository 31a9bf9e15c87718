import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { ClientForAuth } from '../clients/clients.service';
import { RefreshTokenAuthFlow } from './flows/refresh-token-auth.flow';
import { RefreshTokenRenewal } from './refresh-token-renewal';
import { hashRefreshToken } from './refresh-tokens';
import { RefreshSession, RefreshTokensRepository } from './refresh-tokens.repository';

const TX = { tx: true };

function clientFor(rotation?: { feature: 'ENABLED' | 'DISABLED'; retryGracePeriodSeconds: number }) {
  return {
    client: { id: 'app', poolId: 'us-east-1_Pool', config: { refreshTokenRotation: rotation } },
  } as unknown as ClientForAuth;
}

function session(rotatedAt: Date | null = null): RefreshSession {
  return {
    token: {
      userSub: 'sub-1',
      poolId: 'us-east-1_Pool',
      clientId: 'app',
      originJti: 'origin-1',
      eventId: 'event-1',
      authTime: new Date(0),
      expiresAt: new Date(Date.now() + 3_600_000),
      scopes: ['openid'],
      deviceKey: null,
      rotatedAt,
      revokedAt: null,
      createdAt: new Date(),
    },
    deviceConfirmed: false,
    user: { sub: 'sub-1', username: 'ann', status: 'CONFIRMED', enabled: true },
  } as unknown as RefreshSession;
}

/** The renewal both refreshes share, with its repositories mocked: what it stores, writes and throws. */
describe('RefreshTokenRenewal', () => {
  const tokens = { AccessToken: 'a', IdToken: 'i', ExpiresIn: 3600, TokenType: 'Bearer' };
  const flow = { findLive: jest.fn(), issue: jest.fn(async () => Promise.resolve(tokens)) };
  const repo = {
    isSessionRevoked: jest.fn(async () => Promise.resolve(false)),
    markRotated: jest.fn(),
    insert: jest.fn(),
    revokeSession: jest.fn(async () => Promise.resolve(true)),
  };
  const outbox = { add: jest.fn(), nudge: jest.fn() };
  const transactions = { run: jest.fn(async (fn: (tx: unknown) => Promise<unknown>) => fn(TX)) };
  const renewal = new RefreshTokenRenewal(
    flow as unknown as RefreshTokenAuthFlow,
    repo as unknown as RefreshTokensRepository,
    transactions as unknown as Transactions,
    outbox as unknown as OutboxService,
  );

  beforeEach(() => {
    jest.clearAllMocks();
  });

  it('renews without rotating for a client without rotation, handing ClientMetadata to the issue', async () => {
    flow.findLive.mockResolvedValueOnce(session());
    const answer = await renewal.renew(clientFor(), { refreshToken: 'rt', clientMetadata: { k: 'v' } });
    expect(answer).toEqual({ tokens, scopes: ['openid'] });
    expect(flow.issue).toHaveBeenCalledWith(expect.anything(), expect.anything(), { k: 'v' });
    expect(repo.markRotated).not.toHaveBeenCalled();
    expect(repo.insert).not.toHaveBeenCalled();
  });

  it('rotates: marks the token sent and stores a new one of the same session and expiry', async () => {
    const found = session();
    flow.findLive.mockResolvedValueOnce(found);
    // A first rotation answers the time it was given, as the repository's COALESCE does (a Date made
    // here, before renew's own clock, would be a millisecond early: outside a grace of 0).
    repo.markRotated.mockImplementationOnce((_hash: string, at: Date) => Promise.resolve(at));
    const answer = await renewal.renew(clientFor({ feature: 'ENABLED', retryGracePeriodSeconds: 0 }), {
      refreshToken: 'rt',
    });
    expect(answer.tokens.RefreshToken).toEqual(expect.any(String));
    expect(answer.tokens.RefreshToken).not.toBe('rt');
    expect(repo.markRotated).toHaveBeenCalledWith(hashRefreshToken('rt'), expect.any(Date), TX);
    expect(repo.insert).toHaveBeenCalledWith(
      expect.objectContaining({
        originJti: 'origin-1',
        expiresAt: found.token.expiresAt,
        tokenHash: hashRefreshToken(answer.tokens.RefreshToken!),
      }),
      TX,
    );
  });

  it('accepts a replaced token within the grace period, and rotates it again', async () => {
    const rotatedAt = new Date(Date.now() - 1000);
    flow.findLive.mockResolvedValueOnce(session(rotatedAt));
    repo.markRotated.mockResolvedValueOnce(rotatedAt);
    const answer = await renewal.renew(clientFor({ feature: 'ENABLED', retryGracePeriodSeconds: 60 }), {
      refreshToken: 'rt',
    });
    expect(answer.tokens.RefreshToken).toBeDefined();
    expect(repo.revokeSession).not.toHaveBeenCalled();
  });

  it('ends the session of a replaced token sent after its grace: revoked, announced once, reuse thrown', async () => {
    flow.findLive.mockResolvedValueOnce(session(new Date(Date.now() - 61_000)));
    await expect(
      renewal.renew(clientFor({ feature: 'ENABLED', retryGracePeriodSeconds: 60 }), {
        refreshToken: 'rt',
        requestId: 'req-1',
      }),
    ).rejects.toMatchObject({ errorName: 'RefreshTokenReuseException' });
    expect(repo.revokeSession).toHaveBeenCalledWith('origin-1', 'sub-1', expect.any(Date), TX);
    expect(outbox.add).toHaveBeenCalledWith(
      TX,
      expect.objectContaining({ key: 'sub-1', correlationId: 'req-1' }),
    );
    expect(flow.issue).not.toHaveBeenCalled();

    // The session was already ended by an earlier reuse: no second event.
    flow.findLive.mockResolvedValueOnce(session(new Date(Date.now() - 61_000)));
    repo.revokeSession.mockResolvedValueOnce(false);
    await expect(
      renewal.renew(clientFor({ feature: 'ENABLED', retryGracePeriodSeconds: 60 }), { refreshToken: 'rt' }),
    ).rejects.toMatchObject({ errorName: 'RefreshTokenReuseException' });
    expect(outbox.add).toHaveBeenCalledTimes(1);
  });

  it('refuses a token of a revoked session, and the loser of a race whose winner rotated it too long ago', async () => {
    flow.findLive.mockResolvedValueOnce(session());
    repo.isSessionRevoked.mockResolvedValueOnce(true);
    await expect(renewal.renew(clientFor(), { refreshToken: 'rt' })).rejects.toMatchObject({
      errorName: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    flow.findLive.mockResolvedValueOnce(session());
    repo.markRotated.mockResolvedValueOnce(new Date(Date.now() - 10_000));
    await expect(
      renewal.renew(clientFor({ feature: 'ENABLED', retryGracePeriodSeconds: 0 }), { refreshToken: 'rt' }),
    ).rejects.toMatchObject({ errorName: 'NotAuthorizedException' });
    expect(repo.insert).not.toHaveBeenCalled();
  });
});
