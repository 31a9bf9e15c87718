import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { ClientConfig } from '../clients/client-config';
import { ClientsService } from '../clients/clients.service';
import { AppClientEntity, RefreshTokenEntity } from '../database/entities';
import { hashRefreshToken } from './refresh-tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RevokeTokenUseCase } from './revoke-token.use-case';

describe('RevokeToken', () => {
  const SECRET = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmno';
  let rows: RefreshTokenEntity[];
  const tx = {} as Transaction;
  const refreshTokens = {
    find: jest.fn(async (hash: Buffer) => rows.find((r) => r.tokenHash.equals(hash))),
    revoke: jest.fn(async (): Promise<{ username: string } | undefined> => ({ username: 'alice' })),
  };
  const transactions = { run: (work: (t: Transaction) => Promise<unknown>) => work(tx) };
  const events: { topic: string; payload: object }[] = [];
  const outbox = {
    add: jest.fn(
      async (_tx: Transaction, event: { topic: string; payload: object }) => void events.push(event),
    ),
    nudge: jest.fn(),
  };
  const clients = {
    forAuth: async (id: string) => ({
      client: { id, config: { enableTokenRevocation: id !== 'norevoke' } as ClientConfig } as AppClientEntity,
      secret: id === 'withsecret' ? SECRET : undefined,
    }),
  } as unknown as ClientsService;
  const useCase = new RevokeTokenUseCase(
    refreshTokens as unknown as RefreshTokensRepository,
    transactions as unknown as Transactions,
    clients,
    outbox as never,
  );

  beforeEach(() => {
    rows = [
      {
        tokenHash: hashRefreshToken('refresh-1'),
        clientId: 'app',
        poolId: 'us-east-1_X',
        userSub: 'sub-1',
        originJti: 'session-1',
        revokedAt: null,
      } as RefreshTokenEntity,
    ];
    refreshTokens.revoke.mockClear();
    outbox.nudge.mockClear();
    events.length = 0;
  });

  async function errorOf(p: Promise<unknown>): Promise<string> {
    try {
      await p;
    } catch (err) {
      return ((err as ServiceError).getError() as { name: string }).name;
    }
    return 'ok';
  }

  it('revokes the refresh token of the calling client', async () => {
    await expect(useCase.execute({ ClientId: 'app', Token: 'refresh-1' })).resolves.toEqual({});
    expect(refreshTokens.revoke).toHaveBeenCalledWith(hashRefreshToken('refresh-1'), expect.any(Date), tx);
    // Verifiers elsewhere (the federation broker) learn that the session ended, in the same transaction.
    expect(events).toEqual([
      {
        topic: 'user-directory.session.revoked.v1',
        key: 'sub-1',
        payload: expect.objectContaining({ sub: 'sub-1', username: 'alice', originJti: 'session-1' }),
      },
    ]);
    expect(outbox.add.mock.calls[0][0]).toBe(tx);
    expect(outbox.nudge).toHaveBeenCalled();
  });

  it('announces nothing when a concurrent revocation ended the session first', async () => {
    refreshTokens.revoke.mockResolvedValueOnce(undefined);
    await expect(useCase.execute({ ClientId: 'app', Token: 'refresh-1' })).resolves.toEqual({});
    expect(events).toEqual([]);
    expect(outbox.nudge).not.toHaveBeenCalled();
  });

  it('does nothing more for a token already revoked', async () => {
    rows[0].revokedAt = new Date();
    await expect(useCase.execute({ ClientId: 'app', Token: 'refresh-1' })).resolves.toEqual({});
    expect(refreshTokens.revoke).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it('accepts an unknown token silently (RFC 7009) and refuses access or ID tokens', async () => {
    await expect(useCase.execute({ ClientId: 'app', Token: 'never-issued' })).resolves.toEqual({});
    expect(await errorOf(useCase.execute({ ClientId: 'app', Token: 'aaa.bbb.ccc' }))).toBe(
      'UnsupportedTokenTypeException',
    );
    expect(refreshTokens.revoke).not.toHaveBeenCalled();
  });

  it("refuses another client's token, a wrong client secret, and clients without revocation", async () => {
    expect(await errorOf(useCase.execute({ ClientId: 'other', Token: 'refresh-1' }))).toBe(
      'UnauthorizedException',
    );
    expect(
      await errorOf(
        useCase.execute({ ClientId: 'withsecret', Token: 'refresh-1', ClientSecret: 'x'.repeat(51) }),
      ),
    ).toBe('UnauthorizedException');
    expect(await errorOf(useCase.execute({ ClientId: 'withsecret', Token: 'refresh-1' }))).toBe(
      'UnauthorizedException',
    );
    expect(await errorOf(useCase.execute({ ClientId: 'norevoke', Token: 'refresh-1' }))).toBe(
      'UnsupportedOperationException',
    );
    expect(refreshTokens.revoke).not.toHaveBeenCalled();
  });

  it('validates like AWS', async () => {
    expect(await errorOf(useCase.execute({ ClientId: 'app' } as never))).toBe('InvalidParameterException');
    expect(await errorOf(useCase.execute({ ClientId: 'app', Token: 'has spaces' }))).toBe(
      'InvalidParameterException',
    );
  });
});
