import { aPool, aUser, outcome } from '../../test/support/users-doubles';
import { encodePageToken } from '../common/page-token';
import { ListUsersUseCase } from './list-users.use-case';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';

describe('ListUsers', () => {
  function listUsers(caseSensitive: boolean, next?: string) {
    const pool = aPool({ caseSensitive });
    const users = { page: jest.fn().mockResolvedValue({ page: [aUser()], ...(next ? { next } : {}) }) };
    const lookup = { requirePool: jest.fn().mockResolvedValue(pool) };
    const useCase = new ListUsersUseCase(
      users as unknown as UsersRepository,
      lookup as unknown as UserLookup,
    );
    return { useCase, users, pool };
  }

  it('compares a username filter as the pool stores names: folded when case-insensitive', async () => {
    const folded = listUsers(false);
    await folded.useCase.execute({ UserPoolId: folded.pool.id, Filter: 'username ^= "AN"' });
    expect(folded.users.page).toHaveBeenCalledWith(
      folded.pool.id,
      { attribute: 'username', prefix: true, value: 'an' },
      undefined,
      60,
    );
    const exact = listUsers(true);
    await exact.useCase.execute({ UserPoolId: exact.pool.id, Filter: 'username = "AN"', Limit: 5 });
    expect(exact.users.page).toHaveBeenCalledWith(
      exact.pool.id,
      { attribute: 'username', prefix: false, value: 'AN' },
      undefined,
      5,
    );
  });

  it('passes other filters as given, continues after the token and hands the next one back', async () => {
    const sub = '6f1c2b3a-0000-4000-8000-0000000000ff';
    const d = listUsers(false, sub);
    const after = '6f1c2b3a-0000-4000-8000-000000000001';
    const answer = await d.useCase.execute({
      UserPoolId: d.pool.id,
      Filter: 'email = "Ann@Example.com"',
      PaginationToken: encodePageToken(after),
      AttributesToGet: ['email'],
    });
    expect(d.users.page).toHaveBeenCalledWith(
      d.pool.id,
      { attribute: 'email', prefix: false, value: 'Ann@Example.com' },
      after,
      60,
    );
    expect(answer.PaginationToken).toBe(encodePageToken(sub));
    expect(answer.Users?.[0].Attributes).toEqual([{ Name: 'email', Value: 'ann@example.com' }]);
  });

  it('refuses a token that does not carry a user key, without listing', async () => {
    const d = listUsers(false);
    expect(
      await outcome(
        d.useCase.execute({ UserPoolId: d.pool.id, PaginationToken: encodePageToken('not-a-sub') }),
      ),
    ).toBe('InvalidParameterException');
    expect(d.users.page).not.toHaveBeenCalled();
  });
});
