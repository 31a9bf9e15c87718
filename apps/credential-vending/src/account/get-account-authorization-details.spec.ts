import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { AuthorizationDetailsRepository, AuthorizationSnapshot } from './authorization-details.repository';
import { GetAccountAuthorizationDetailsHandler } from './get-account-authorization-details.handler';

const tx = {} as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;
const at = new Date('2030-01-01T00:00:00Z');
const arn = (kind: string, name: string) => `arn:aws:iam::123456789012:${kind}/${name}`;
const P = arn('policy', 'p');

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

const handler = (s: AuthorizationSnapshot) =>
  new GetAccountAuthorizationDetailsHandler(transactions, {
    snapshot: jest.fn().mockResolvedValue(s),
  } as unknown as AuthorizationDetailsRepository);

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
