import { CommandMeta, CredentialVendingTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { RoleLookup } from '../roles/role.lookup';
import { RolesRepository } from '../roles/roles.repository';
import { ListRevocationsHandler } from './list-revocations.handler';
import { RevocationsRepository } from './revocations.repository';
import { RevokeRoleSessionsHandler } from './revoke-role-sessions.handler';
import { REVOCATION_RELEVANCE_MS } from './revocation-window';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/revoked';
const NOW = Date.parse('2030-01-01T12:00:00.250Z');
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const meta: CommandMeta = { requestId: 'req-1', caller: { kind: 'admin', accessKeyId: 'AKIAADMIN' } };

function setUp() {
  const revocations = { raise: jest.fn(), later: jest.fn() };
  const roles = { findByName: jest.fn().mockResolvedValue({ arn: ROLE_ARN }) };
  const outbox = { add: jest.fn().mockResolvedValue('event-id'), nudge: jest.fn() };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const handler = new RevokeRoleSessionsHandler(
    transactions as unknown as Transactions,
    revocations as unknown as RevocationsRepository,
    new RoleLookup(roles as unknown as RolesRepository),
    outbox as unknown as OutboxService,
    () => NOW,
  );
  return { revocations, roles, outbox, handler };
}

describe('RevokeRoleSessions', () => {
  it('records the revocation and its event in one unit of work, answering the time in force', async () => {
    const { revocations, outbox, handler } = setUp();
    // A later revocation was already recorded: the answer and the event carry that one.
    revocations.raise.mockResolvedValue(new Date('2030-01-01T12:30:00.500Z'));
    const answer = await handler.execute(
      { RoleName: 'revoked', RevokedBefore: '2030-01-01T11:00:00Z' },
      meta,
    );
    expect(revocations.raise).toHaveBeenCalledWith(ROLE_ARN, new Date('2030-01-01T11:00:00Z'), tx);
    expect(outbox.add).toHaveBeenCalledWith(tx, {
      topic: CredentialVendingTopics.roleSessionsRevoked,
      key: ROLE_ARN,
      payload: {
        roleArn: ROLE_ARN,
        revokedBefore: '2030-01-01T12:30:00.500Z',
        occurredAt: new Date(NOW).toISOString(),
      },
      correlationId: 'req-1',
    });
    expect(outbox.nudge).toHaveBeenCalled();
    expect(answer).toEqual({ RoleArn: ROLE_ARN, RevokedBefore: '2030-01-01T12:30:00Z' });
  });

  it('refuses a time beyond the clock skew, before any write', async () => {
    const { revocations, handler } = setUp();
    await expect(
      handler.execute({ RoleName: 'revoked', RevokedBefore: '2030-01-02T00:00:00Z' }, meta),
    ).rejects.toMatchObject({ errorName: 'ValidationError' });
    expect(revocations.raise).not.toHaveBeenCalled();
  });

  it('is NoSuchEntity for an unknown role', async () => {
    const { roles, revocations, handler } = setUp();
    roles.findByName.mockResolvedValue(undefined);
    await expect(handler.execute({ RoleName: 'missing' }, meta)).rejects.toMatchObject({
      errorName: 'NoSuchEntity',
    });
    expect(revocations.raise).not.toHaveBeenCalled();
  });
});

describe('ListRevocations', () => {
  it('asks for the revocations that can still refuse a session', async () => {
    const { revocations } = setUp();
    revocations.later.mockResolvedValue([{ roleArn: ROLE_ARN, revokedBefore: new Date(NOW) }]);
    const list = new ListRevocationsHandler(revocations as unknown as RevocationsRepository, () => NOW);
    expect(await list.execute()).toEqual({
      Revocations: [{ RoleArn: ROLE_ARN, RevokedBefore: new Date(NOW).toISOString() }],
      AsOf: new Date(NOW).toISOString(),
    });
    expect(revocations.later).toHaveBeenCalledWith(new Date(NOW - REVOCATION_RELEVANCE_MS));
  });
});
