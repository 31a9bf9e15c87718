import { ServiceError } from '@idfed/messaging';
import { IamErrors } from '../common/iam-errors';
import { ListInstanceProfilesForRoleHandler } from './list-instance-profiles-for-role.handler';
import { RoleLookup } from './role.lookup';

function handler(exists: boolean) {
  const roles = {
    require: jest.fn((name: string) =>
      exists ? Promise.resolve({ roleId: 'AROA1', name }) : Promise.reject(IamErrors.noSuchRole(name)),
    ),
  };
  return { roles, handler: new ListInstanceProfilesForRoleHandler(roles as unknown as RoleLookup) };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => e.errorName,
  );

describe('ListInstanceProfilesForRole', () => {
  it('lists no instance profile for a role that exists: idfed has none', async () => {
    const f = handler(true);
    await expect(f.handler.execute({ RoleName: 'app' })).resolves.toEqual({
      InstanceProfiles: [],
      IsTruncated: false,
    });
    expect(f.roles.require).toHaveBeenCalledWith('app');
  });

  it('answers NoSuchEntity for a role that does not exist', async () => {
    expect(await refusal(handler(false).handler.execute({ RoleName: 'gone' }))).toBe('NoSuchEntity');
  });

  it.each([
    ['a malformed role name', { RoleName: 'no spaces' }],
    ['MaxItems of 0', { RoleName: 'app', MaxItems: 0 }],
  ])('refuses %s with ValidationError', async (_what, req) => {
    expect(await refusal(handler(true).handler.execute(req))).toBe('ValidationError');
  });
});
