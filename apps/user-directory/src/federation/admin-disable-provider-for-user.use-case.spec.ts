import { aPool, aUser, inPlaceTransactions, outcome, tx } from '../../test/support/users-doubles';
import { UserEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { UsersRepository } from '../users/users.repository';
import { AdminDisableProviderForUserUseCase } from './admin-disable-provider-for-user.use-case';
import { FederatedIdentitiesRepository } from './federated-identities.repository';
import { FederatedUsers } from './federated-users';

describe('AdminDisableProviderForUser with ProviderName Cognito', () => {
  function disable(target?: UserEntity) {
    const pool = aPool();
    const pools = { require: jest.fn().mockResolvedValue(pool) };
    const users = {
      findByName: jest.fn().mockResolvedValue(target),
      findBySub: jest.fn(),
      update: jest.fn().mockResolvedValue(undefined),
    };
    const links = { remove: jest.fn() };
    const federated = { refreshIdentities: jest.fn() };
    const useCase = new AdminDisableProviderForUserUseCase(
      inPlaceTransactions(),
      pools as unknown as PoolsService,
      users as unknown as UsersRepository,
      links as unknown as FederatedIdentitiesRepository,
      federated as unknown as FederatedUsers,
    );
    const run = (ProviderAttributeName = 'Cognito_Subject', ProviderAttributeValue = 'ann') =>
      useCase.execute({
        UserPoolId: pool.id,
        User: { ProviderName: 'Cognito', ProviderAttributeName, ProviderAttributeValue },
      });
    return { run, pool, users, links };
  }

  it('removes the named user’s stored password, under a lock, and touches no link', async () => {
    const user = aUser({ username: 'ann', srpSalt: 'aa', srpVerifierEnc: Buffer.from('v') });
    const d = disable(user);
    expect(await d.run()).toEqual({});
    expect(d.users.findByName).toHaveBeenCalledWith(d.pool.id, d.pool.config, 'ann', tx, true);
    expect(d.users.update).toHaveBeenCalledWith(
      user.sub,
      expect.objectContaining({ passwordHash: null, srpSalt: null, srpVerifierEnc: null }),
      tx,
    );
    expect(d.links.remove).not.toHaveBeenCalled();
  });

  it('refuses another ProviderAttributeName and an unknown user, changing nothing', async () => {
    const d = disable(aUser());
    expect(await outcome(d.run('email'))).toBe('InvalidParameterException');
    const none = disable(undefined);
    expect(await outcome(none.run('Cognito_Subject', 'nobody'))).toBe('UserNotFoundException');
    expect(d.users.update).not.toHaveBeenCalled();
    expect(none.users.update).not.toHaveBeenCalled();
  });
});
