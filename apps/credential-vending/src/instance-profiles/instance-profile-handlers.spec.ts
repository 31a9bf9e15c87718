import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { RoleEntity } from '../database/entities';
import { RoleLookup } from '../roles/role.lookup';
import { AddRoleToInstanceProfileHandler } from './add-role-to-instance-profile.handler';
import { CreateInstanceProfileHandler } from './create-instance-profile.handler';
import { DeleteInstanceProfileHandler } from './delete-instance-profile.handler';
import { TagInstanceProfileHandler, UntagInstanceProfileHandler } from './instance-profile-tags.handlers';
import { InstanceProfilesRepository, StoredInstanceProfile } from './instance-profiles.repository';
import { InstanceProfileLookup } from './instance-profiles';
import { RemoveRoleFromInstanceProfileHandler } from './remove-role-from-instance-profile.handler';

const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: (work: (t: Transaction) => Promise<unknown>) => work(tx),
} as unknown as Transactions;
const role = {
  roleId: 'AROA1',
  name: 'web',
  path: '/',
  arn: 'arn:aws:iam::123456789012:role/web',
} as RoleEntity;
const other = {
  roleId: 'AROA2',
  name: 'db',
  path: '/',
  arn: 'arn:aws:iam::123456789012:role/db',
} as RoleEntity;

/** The repository over a map, with the locks it was asked for recorded. */
function fixture() {
  const rows = new Map<string, StoredInstanceProfile>();
  const locked: string[] = [];
  const repo = {
    insert: jest.fn((p: StoredInstanceProfile) => {
      if (rows.has(p.name.toLowerCase())) return Promise.resolve('exists');
      rows.set(p.name.toLowerCase(), { ...p });
      return Promise.resolve('created');
    }),
    findByName: jest.fn((name: string, _tx?: Transaction, lock = false) => {
      if (lock) locked.push(name);
      const found = rows.get(name.toLowerCase());
      return Promise.resolve(found && { ...found });
    }),
    rolesOf: jest.fn(() => Promise.resolve(new Map([[role.roleId, role]]))),
    setRole: jest.fn((id: string, roleId: string | null) => {
      for (const p of rows.values()) if (p.instanceProfileId === id) p.roleId = roleId;
      return Promise.resolve();
    }),
    setTags: jest.fn((id: string, tags: StoredInstanceProfile['tags']) => {
      for (const p of rows.values()) if (p.instanceProfileId === id) p.tags = [...tags];
      return Promise.resolve();
    }),
    delete: jest.fn((id: string) => {
      for (const [k, p] of rows) if (p.instanceProfileId === id) rows.delete(k);
      return Promise.resolve();
    }),
  };
  const roles = {
    require: jest.fn((name: string) => {
      const found = [role, other].find((r) => r.name === name.toLowerCase());
      return found ? Promise.resolve(found) : Promise.reject(IamErrors.noSuchRole(name));
    }),
  };
  const profiles = repo as unknown as InstanceProfilesRepository;
  const lookup = new InstanceProfileLookup(profiles);
  const roleLookup = roles as unknown as RoleLookup;
  return {
    rows,
    locked,
    repo,
    create: new CreateInstanceProfileHandler(new IamArns('123456789012'), profiles, lookup),
    add: new AddRoleToInstanceProfileHandler(transactions, lookup, profiles, roleLookup),
    remove: new RemoveRoleFromInstanceProfileHandler(transactions, lookup, profiles, roleLookup),
    del: new DeleteInstanceProfileHandler(transactions, lookup, profiles),
    tag: new TagInstanceProfileHandler(transactions, lookup, profiles),
    untag: new UntagInstanceProfileHandler(transactions, lookup, profiles),
  };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => [e.errorName, e.message],
  );

describe('instance profile handlers', () => {
  it('creates a profile with its path in the ARN, an AIPA id and no role', async () => {
    const f = fixture();
    const { InstanceProfile } = await f.create.execute({
      InstanceProfileName: 'Web',
      Path: '/fleet/',
      Tags: [{ Key: 'team', Value: 'a' }],
    });
    expect(InstanceProfile).toMatchObject({
      InstanceProfileName: 'Web',
      Path: '/fleet/',
      Arn: 'arn:aws:iam::123456789012:instance-profile/fleet/Web',
      Roles: [],
      Tags: [{ Key: 'team', Value: 'a' }],
    });
    expect(InstanceProfile.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(await refusal(f.create.execute({ InstanceProfileName: 'web' }))).toEqual([
      'EntityAlreadyExists',
      'Instance Profile web already exists.',
    ]);
  });

  it.each([
    ['a name with a space', { InstanceProfileName: 'a b' }, 'ValidationError'],
    ['a 129-character name', { InstanceProfileName: 'a'.repeat(129) }, 'ValidationError'],
    ['a path without its last slash', { InstanceProfileName: 'a', Path: '/x' }, 'ValidationError'],
    ['an aws: tag', { InstanceProfileName: 'a', Tags: [{ Key: 'aws:x', Value: '' }] }, 'InvalidInput'],
  ])('refuses %s, writing nothing', async (_what, req, name) => {
    const f = fixture();
    expect((await refusal(f.create.execute(req)))[0]).toBe(name);
    expect(f.repo.insert).not.toHaveBeenCalled();
  });

  it('holds one role: a second, or the same again, is LimitExceeded; the profile locked', async () => {
    const f = fixture();
    await f.create.execute({ InstanceProfileName: 'p' });
    await f.add.execute({ InstanceProfileName: 'p', RoleName: 'web' });
    expect(f.rows.get('p')?.roleId).toBe('AROA1');
    expect(f.locked).toContain('p');
    for (const RoleName of ['db', 'web']) {
      expect(await refusal(f.add.execute({ InstanceProfileName: 'p', RoleName }))).toEqual([
        'LimitExceeded',
        'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      ]);
    }
    expect(f.rows.get('p')?.roleId).toBe('AROA1');
  });

  it('refuses to delete a profile holding a role until the role is removed', async () => {
    const f = fixture();
    await f.create.execute({ InstanceProfileName: 'p' });
    await f.add.execute({ InstanceProfileName: 'p', RoleName: 'web' });
    expect(await refusal(f.del.execute({ InstanceProfileName: 'p' }))).toEqual([
      'DeleteConflict',
      'Cannot delete entity, must remove roles from instance profile first.',
    ]);
    expect((await refusal(f.remove.execute({ InstanceProfileName: 'p', RoleName: 'db' })))[0]).toBe(
      'NoSuchEntity',
    );
    await f.remove.execute({ InstanceProfileName: 'p', RoleName: 'web' });
    await f.del.execute({ InstanceProfileName: 'p' });
    expect(f.rows.size).toBe(0);
    expect(await refusal(f.del.execute({ InstanceProfileName: 'p' }))).toEqual([
      'NoSuchEntity',
      'Instance Profile p cannot be found.',
    ]);
  });

  it('answers NoSuchEntity for an unknown role or profile, changing nothing', async () => {
    const f = fixture();
    await f.create.execute({ InstanceProfileName: 'p' });
    expect((await refusal(f.add.execute({ InstanceProfileName: 'p', RoleName: 'nope' })))[0]).toBe(
      'NoSuchEntity',
    );
    expect((await refusal(f.add.execute({ InstanceProfileName: 'q', RoleName: 'web' })))[0]).toBe(
      'NoSuchEntity',
    );
    expect(f.repo.setRole).not.toHaveBeenCalled();
  });

  it('tags as IAM: keys merged in any case, 50 at most, aws: refused, untag of absent keys a no-op', async () => {
    const f = fixture();
    await f.create.execute({ InstanceProfileName: 'p', Tags: [{ Key: 'Team', Value: 'a' }] });
    await f.tag.execute({ InstanceProfileName: 'p', Tags: [{ Key: 'team', Value: 'b' }] });
    expect(f.rows.get('p')?.tags).toEqual([{ Key: 'team', Value: 'b' }]);
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    expect(await refusal(f.tag.execute({ InstanceProfileName: 'p', Tags: many }))).toEqual([
      'LimitExceeded',
      'Cannot exceed quota for TagsPerInstanceProfile: 50',
    ]);
    expect(
      (await refusal(f.tag.execute({ InstanceProfileName: 'p', Tags: [{ Key: 'AWS:x', Value: '' }] })))[0],
    ).toBe('InvalidInput');
    await f.untag.execute({ InstanceProfileName: 'p', TagKeys: ['absent'] });
    expect(f.repo.setTags).toHaveBeenCalledTimes(1);
    await f.untag.execute({ InstanceProfileName: 'p', TagKeys: ['TEAM'] });
    expect(f.rows.get('p')?.tags).toEqual([]);
  });
});
