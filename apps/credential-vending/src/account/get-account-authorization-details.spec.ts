import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { RoleEntity } from '../database/entities';
import {
  InstanceProfilesRepository,
  StoredInstanceProfile,
} from '../instance-profiles/instance-profiles.repository';
import { AuthorizationDetailsRepository, AuthorizationSnapshot } from './authorization-details.repository';
import { GetAccountAuthorizationDetailsHandler } from './get-account-authorization-details.handler';

const tx = {} as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;
const at = new Date('2030-01-01T00:00:00Z');
const arn = (kind: string, name: string) => `arn:aws:iam::123456789012:${kind}/${name}`;
const P = arn('policy', 'p');
const TRUST = '{"Statement": []}';

function role(name: string): RoleEntity {
  return {
    roleId: `AROA-${name}`,
    name,
    nameKey: name,
    path: '/',
    arn: arn('role', name),
    assumeRolePolicy: TRUST,
    description: `the ${name} role`,
    maxSessionDuration: 7200,
    tags: [{ Key: 'team', Value: 'red' }],
    permissionsBoundary: P,
    createdAt: at,
    updatedAt: at,
  };
}
function profile(name: string, roleId: string | null): StoredInstanceProfile {
  return {
    instanceProfileId: `AIPA-${name}`,
    name,
    path: '/ec2/',
    arn: arn('instance-profile/ec2', name),
    roleId,
    tags: name === 'a' ? [{ Key: 'k', Value: 'v' }] : [],
    createdAt: at,
  };
}

function snapshot(users = 3): AuthorizationSnapshot {
  return {
    users: Array.from({ length: users }, (_, i) => ({
      id: `AIDA${i}`,
      name: `u${i}`,
      path: '/',
      arn: arn('user', `u${i}`),
      created_at: at,
      permissions_boundary: i === 0 ? P : null,
      tags: [],
    })),
    userPolicies: [{ owner: 'AIDA0', name: 'inline', value: '{"a": 1}' }],
    userAttachments: [{ owner: 'AIDA1', name: 'p', value: P }],
    userGroups: [{ owner: 'AIDA0', name: 'g', value: arn('group', 'g') }],
    groups: [{ id: 'AGPA0', name: 'g', path: '/', arn: arn('group', 'g'), created_at: at }],
    groupPolicies: [],
    groupAttachments: [{ owner: 'AGPA0', name: 'p', value: P }],
    roles: [],
    rolePolicies: [],
    roleAttachments: [],
    policies: [
      {
        id: 'ANPA0',
        name: 'p',
        path: '/',
        arn: P,
        created_at: at,
        updated_at: at,
        default_version_id: 'v2',
        description: null,
      },
    ],
    versions: [
      { policy_id: 'ANPA0', version_id: 'v2', document: '{"b": 2}', created_at: at },
      { policy_id: 'ANPA0', version_id: 'v1', document: '{"c": 3}', created_at: at },
    ],
  };
}

/** The profiles repository answers, of `stored`, those holding the roles it is asked for. */
function profilesOf(stored: StoredInstanceProfile[]) {
  return {
    holdingRoles: jest.fn((ids: readonly string[], _tx: Transaction) =>
      Promise.resolve(stored.filter((p) => p.roleId !== null && ids.includes(p.roleId))),
    ),
  };
}

const handler = (s: AuthorizationSnapshot, profiles = profilesOf([])) =>
  new GetAccountAuthorizationDetailsHandler(
    transactions,
    { snapshot: jest.fn().mockResolvedValue(s) } as unknown as AuthorizationDetailsRepository,
    profiles as unknown as InstanceProfilesRepository,
  );

describe('GetAccountAuthorizationDetails (ADR 0084)', () => {
  it('answers each entity with its relations, documents URL-encoded, policies counted', async () => {
    const out = await handler(snapshot()).execute({});
    expect(out.IsTruncated).toBe(false);
    expect(out.UserDetailList[0]).toMatchObject({
      UserName: 'u0',
      UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: '%7B%22a%22%3A%201%7D' }],
      GroupList: ['g'],
      PermissionsBoundary: {
        PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
        PermissionsBoundaryArn: P,
      },
    });
    expect(out.UserDetailList[1].AttachedManagedPolicies).toEqual([{ PolicyName: 'p', PolicyArn: P }]);
    expect(out.Policies[0]).toMatchObject({
      AttachmentCount: 2,
      PermissionsBoundaryUsageCount: 1,
      PolicyVersionList: [
        { VersionId: 'v2', IsDefaultVersion: true },
        { VersionId: 'v1', IsDefaultVersion: false },
      ],
    });
  });

  it("lists each role's instance profiles with the role, read once for the page's roles", async () => {
    const profiles = profilesOf([profile('a', 'AROA-r1'), profile('b', 'AROA-r1'), profile('c', 'AROA-r3')]);
    const s = { ...snapshot(0), groups: [], policies: [], roles: [role('r1'), role('r2'), role('r3')] };
    const out = await handler(s, profiles).execute({ MaxItems: 2 });
    expect(profiles.holdingRoles).toHaveBeenCalledTimes(1);
    expect(profiles.holdingRoles).toHaveBeenCalledWith(['AROA-r1', 'AROA-r2'], tx);
    const [r1, r2] = out.RoleDetailList;
    expect(r2.InstanceProfileList).toEqual([]);
    expect(r1.InstanceProfileList.map((p) => p.InstanceProfileName)).toEqual(['a', 'b']);
    expect(r1.InstanceProfileList[0]).toEqual({
      Path: '/ec2/',
      InstanceProfileName: 'a',
      InstanceProfileId: 'AIPA-a',
      Arn: arn('instance-profile/ec2', 'a'),
      CreateDate: '2030-01-01T00:00:00Z',
      Tags: [{ Key: 'k', Value: 'v' }],
      Roles: [
        {
          Path: '/',
          RoleName: 'r1',
          RoleId: 'AROA-r1',
          Arn: arn('role', 'r1'),
          CreateDate: '2030-01-01T00:00:00Z',
          AssumeRolePolicyDocument: encodeURIComponent(TRUST),
          Description: 'the r1 role',
          MaxSessionDuration: 7200,
        },
      ],
    });
    expect(r1.InstanceProfileList[1]).not.toHaveProperty('Tags');
    expect(r1).toMatchObject({ RoleId: 'AROA-r1', Tags: [{ Key: 'team', Value: 'red' }] });

    const next = await handler(s, profiles).execute({ MaxItems: 2, Marker: out.Marker });
    expect(next.RoleDetailList[0].InstanceProfileList.map((p) => p.InstanceProfileName)).toEqual(['c']);
    const users = await handler(snapshot(), profiles).execute({ Filter: ['User'] });
    expect(users.RoleDetailList).toEqual([]);
    expect(profiles.holdingRoles).toHaveBeenLastCalledWith([], tx);
  });

  it('filters by entity type and pages in order by an opaque marker', async () => {
    const h = handler(snapshot(5));
    expect(await h.execute({ Filter: ['Group'] })).toMatchObject({
      UserDetailList: [],
      GroupDetailList: [{ GroupName: 'g' }],
      Policies: [],
    });
    const seen: string[] = [];
    let Marker: string | undefined;
    let pages = 0;
    do {
      const page = await h.execute({ MaxItems: 2, Marker });
      seen.push(
        ...page.UserDetailList.map((u) => u.UserName),
        ...page.GroupDetailList.map((g) => g.GroupName),
        ...page.Policies.map((p) => p.PolicyName),
      );
      Marker = page.Marker;
      expect(page.IsTruncated).toBe(Marker !== undefined);
      pages++;
    } while (Marker);
    expect(pages).toBe(4);
    expect(seen).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'g', 'p']);
  });

  it('refuses a marker it did not give and an unknown entity type', async () => {
    for (const req of [{ Marker: 'forged' }, { Filter: ['Users'] }, { MaxItems: 0 }]) {
      const err = await handler(snapshot())
        .execute(req as never)
        .catch((e: ServiceError) => e);
      expect(err).toBeInstanceOf(ServiceError);
      expect((err as ServiceError).errorName).toBe('ValidationError');
    }
  });
});
