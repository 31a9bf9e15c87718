import { ServiceError } from '@idfed/messaging';
import { encodePageToken } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { RoleEntity } from '../database/entities';
import {
  InstanceProfilesRepository,
  StoredInstanceProfile,
} from '../instance-profiles/instance-profiles.repository';
import { ListInstanceProfilesForRoleHandler } from './list-instance-profiles-for-role.handler';
import { RoleLookup } from './role.lookup';

const role = {
  roleId: 'AROA1',
  name: 'app',
  path: '/',
  arn: 'arn:aws:iam::123456789012:role/app',
  assumeRolePolicy: '{}',
  description: null,
  maxSessionDuration: 3600,
  tags: [{ Key: 'team', Value: 'a' }],
  createdAt: new Date(0),
} as unknown as RoleEntity;

const profile = (name: string): StoredInstanceProfile => ({
  instanceProfileId: `AIPA${name}`,
  name,
  path: '/web/',
  arn: `arn:aws:iam::123456789012:instance-profile/web/${name}`,
  roleId: 'AROA1',
  tags: [{ Key: 'k', Value: 'v' }],
  createdAt: new Date(0),
});

function handler(exists: boolean) {
  const roles = {
    require: jest.fn((name: string) =>
      exists ? Promise.resolve(role) : Promise.reject(IamErrors.noSuchRole(name)),
    ),
  };
  const profiles = {
    pageOfRole: jest.fn((_roleId: string, after: string | undefined, max: number) =>
      Promise.resolve(
        after === undefined && max === 1 ? { page: [profile('a')], next: 'a' } : { page: [profile('b')] },
      ),
    ),
  };
  return {
    roles,
    profiles,
    handler: new ListInstanceProfilesForRoleHandler(
      roles as unknown as RoleLookup,
      profiles as unknown as InstanceProfilesRepository,
    ),
  };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => e.errorName,
  );

describe('ListInstanceProfilesForRole', () => {
  it('lists the profiles holding the role, paged, with the role and without tags', async () => {
    const f = handler(true);
    const first = await f.handler.execute({ RoleName: 'app', MaxItems: 1 });
    expect(f.profiles.pageOfRole).toHaveBeenCalledWith('AROA1', undefined, 1);
    expect(first.IsTruncated).toBe(true);
    expect(first.InstanceProfiles).toHaveLength(1);
    expect(first.InstanceProfiles[0]).toMatchObject({
      InstanceProfileName: 'a',
      Path: '/web/',
      Roles: [{ RoleName: 'app', RoleId: 'AROA1' }],
    });
    expect(first.InstanceProfiles[0].Tags).toBeUndefined();
    expect(first.InstanceProfiles[0].Roles[0].Tags).toBeUndefined();
    expect(first.Marker).toBe(encodePageToken('a'));
    const second = await f.handler.execute({ RoleName: 'app', Marker: first.Marker });
    expect(f.profiles.pageOfRole).toHaveBeenLastCalledWith('AROA1', 'a', 100);
    expect(second).toMatchObject({ IsTruncated: false, InstanceProfiles: [{ InstanceProfileName: 'b' }] });
    expect(second.Marker).toBeUndefined();
  });

  it('answers NoSuchEntity for a role that does not exist', async () => {
    expect(await refusal(handler(false).handler.execute({ RoleName: 'gone' }))).toBe('NoSuchEntity');
  });

  it.each([
    ['a malformed role name', { RoleName: 'no spaces' }],
    ['MaxItems of 0', { RoleName: 'app', MaxItems: 0 }],
    ['a marker not made by idfed', { RoleName: 'app', Marker: 'not-a-marker' }],
  ])('refuses %s with ValidationError', async (_what, req) => {
    expect(await refusal(handler(true).handler.execute(req))).toBe('ValidationError');
  });
});
