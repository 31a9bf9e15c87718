import { ServiceError } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { ClientConfig } from '../clients/client-config';
import { ClientsService } from '../clients/clients.service';
import { AppClientEntity, RefreshTokenEntity } from '../database/entities';
import { hashRefreshToken } from './refresh-tokens';
import { RevokeTokenUseCase } from './revoke-token.use-case';

describe('RevokeToken', () => {
  const SECRET = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmno';
  let rows: RefreshTokenEntity[];
  const updates: unknown[] = [];
  const events: { topic: string; payload: object }[] = [];
  const manager = {
    findOne: async (_e: unknown, { where }: { where: { tokenHash: Buffer } }) =>
      rows.find((r) => r.tokenHash.equals(where.tokenHash)) ?? null,
    findOneOrFail: async () => ({ username: 'alice' }),
    update: async (_e: unknown, where: unknown, set: unknown) => updates.push({ where, set }),
  };
  const dataSource = {
    manager,
    transaction: async (work: (m: typeof manager) => Promise<unknown>) => work(manager),
  } as unknown as DataSource;
  const outbox = {
    add: async (_m: unknown, event: { topic: string; payload: object }) => void events.push(event),
    nudge: () => undefined,
  };
  const clients = {
    forAuth: async (id: string) => ({
      client: { id, config: { enableTokenRevocation: id !== 'norevoke' } as ClientConfig } as AppClientEntity,
      secret: id === 'withsecret' ? SECRET : undefined,
    }),
  } as unknown as ClientsService;
  const useCase = new RevokeTokenUseCase(dataSource, clients, outbox as never);

  beforeEach(() => {
    rows = [
      { tokenHash: hashRefreshToken('refresh-1'), clientId: 'app', revokedAt: null } as RefreshTokenEntity,
    ];
    updates.length = 0;
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
    expect(updates).toHaveLength(1);
    // Verifiers elsewhere (the federation broker) learn that the session ended.
    expect(events.map((e) => e.topic)).toEqual(['user-directory.session.revoked.v1']);
  });

  it('accepts an unknown token silently (RFC 7009) and refuses access or ID tokens', async () => {
    await expect(useCase.execute({ ClientId: 'app', Token: 'never-issued' })).resolves.toEqual({});
    expect(await errorOf(useCase.execute({ ClientId: 'app', Token: 'aaa.bbb.ccc' }))).toBe(
      'UnsupportedTokenTypeException',
    );
    expect(updates).toHaveLength(0);
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
    expect(updates).toHaveLength(0);
  });

  it('validates like AWS', async () => {
    expect(await errorOf(useCase.execute({ ClientId: 'app' } as never))).toBe('InvalidParameterException');
    expect(await errorOf(useCase.execute({ ClientId: 'app', Token: 'has spaces' }))).toBe(
      'InvalidParameterException',
    );
  });
});
