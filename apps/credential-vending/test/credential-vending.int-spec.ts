import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommandMeta } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { SessionTokenCodec } from '@idfed/session-credentials';
import { IamArns } from '../src/common/arns';
import { AddClientIDToOpenIDConnectProviderHandler } from '../src/oidc-providers/add-client-id-to-open-id-connect-provider.handler';
import { CreateOpenIDConnectProviderHandler } from '../src/oidc-providers/create-open-id-connect-provider.handler';
import { GetOpenIDConnectProviderHandler } from '../src/oidc-providers/get-open-id-connect-provider.handler';
import { OidcProviderLookup } from '../src/oidc-providers/oidc-provider.lookup';
import { RemoveClientIDFromOpenIDConnectProviderHandler } from '../src/oidc-providers/remove-client-id-from-open-id-connect-provider.handler';
import { CreatePolicyHandler } from '../src/policies/create-policy.handler';
import { GetPolicyHandler } from '../src/policies/get-policy.handler';
import { ListRevocationsHandler } from '../src/revocations/list-revocations.handler';
import { RevocationsRepository } from '../src/revocations/revocations.repository';
import { RevokeRoleSessionsHandler } from '../src/revocations/revoke-role-sessions.handler';
import { AttachRolePolicyHandler } from '../src/roles/attach-role-policy.handler';
import { CreateRoleHandler } from '../src/roles/create-role.handler';
import { DeleteRoleHandler } from '../src/roles/delete-role.handler';
import { DeleteRolePolicyHandler } from '../src/roles/delete-role-policy.handler';
import { DetachRolePolicyHandler } from '../src/roles/detach-role-policy.handler';
import { GetRolePermissionsHandler } from '../src/roles/get-role-permissions.handler';
import { ListRolePoliciesHandler } from '../src/roles/list-role-policies.handler';
import { PutRolePolicyHandler } from '../src/roles/put-role-policy.handler';
import { RoleLookup } from '../src/roles/role.lookup';
import { AssumeRoleUseCase } from '../src/sts/assume-role.use-case';
import { ACCOUNT, createServiceDatabase, serviceModule, ServiceDatabase } from './support/service-database';

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ServiceError) return err.getError() as { name: string; message: string };
    throw err;
  }
  throw new Error('expected a ServiceError');
}

const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const trust = (principal: object, action = 'sts:AssumeRole') =>
  policy({ Effect: 'Allow', Principal: principal, Action: action });

/** Credential vending's services against a real PostgreSQL, in a database of their own. */
describe('credential vending on PostgreSQL', () => {
  let db: ServiceDatabase;
  let ds: DataSource;
  let codec: SessionTokenCodec;
  let roles: {
    create: (r: Parameters<CreateRoleHandler['execute']>[0]) => ReturnType<CreateRoleHandler['execute']>;
    delete: (roleName: string) => ReturnType<DeleteRoleHandler['execute']>;
  };
  let policies: {
    create: (r: Parameters<CreatePolicyHandler['execute']>[0]) => ReturnType<CreatePolicyHandler['execute']>;
    get: (arn: string) => ReturnType<GetPolicyHandler['execute']>;
  };
  let rolePolicies: {
    put: (r: Parameters<PutRolePolicyHandler['execute']>[0]) => ReturnType<PutRolePolicyHandler['execute']>;
    list: (
      r: Parameters<ListRolePoliciesHandler['execute']>[0],
    ) => ReturnType<ListRolePoliciesHandler['execute']>;
    delete: (
      r: Parameters<DeleteRolePolicyHandler['execute']>[0],
    ) => ReturnType<DeleteRolePolicyHandler['execute']>;
    attach: (
      r: Parameters<AttachRolePolicyHandler['execute']>[0],
    ) => ReturnType<AttachRolePolicyHandler['execute']>;
    detach: (
      r: Parameters<DetachRolePolicyHandler['execute']>[0],
    ) => ReturnType<DetachRolePolicyHandler['execute']>;
    permissions: (roleArn: string) => ReturnType<GetRolePermissionsHandler['execute']>;
  };
  let providers: {
    create: (
      r: Parameters<CreateOpenIDConnectProviderHandler['execute']>[0],
    ) => ReturnType<CreateOpenIDConnectProviderHandler['execute']>;
    get: (arn: string) => ReturnType<GetOpenIDConnectProviderHandler['execute']>;
    addClientId: (
      r: Parameters<AddClientIDToOpenIDConnectProviderHandler['execute']>[0],
    ) => ReturnType<AddClientIDToOpenIDConnectProviderHandler['execute']>;
    removeClientId: (
      r: Parameters<RemoveClientIDFromOpenIDConnectProviderHandler['execute']>[0],
    ) => ReturnType<RemoveClientIDFromOpenIDConnectProviderHandler['execute']>;
    findByIssuer: OidcProviderLookup['findByIssuer'];
  };
  let revocations: {
    revoke: (
      r: Parameters<RevokeRoleSessionsHandler['execute']>[0],
      correlationId: string,
    ) => ReturnType<RevokeRoleSessionsHandler['execute']>;
    list: () => ReturnType<ListRevocationsHandler['execute']>;
  };
  let assumeRole: AssumeRoleUseCase;
  let now = Date.now();
  const arns = new IamArns(ACCOUNT);
  const admin: CommandMeta = { requestId: randomUUID(), caller: { kind: 'admin', accessKeyId: 'AKIAADMIN' } };

  beforeAll(async () => {
    db = await createServiceDatabase();
    ds = db.ds;
    const module = await serviceModule(ds);
    codec = module.get(SessionTokenCodec);
    const meta = (correlationId: string = randomUUID()): CommandMeta => ({
      ...admin,
      requestId: correlationId,
    });
    roles = {
      create: (r) => module.get(CreateRoleHandler).execute(r),
      delete: (RoleName) => module.get(DeleteRoleHandler).execute({ RoleName }),
    };
    policies = {
      create: (r) => module.get(CreatePolicyHandler).execute(r),
      get: (PolicyArn) => module.get(GetPolicyHandler).execute({ PolicyArn }),
    };
    rolePolicies = {
      put: (r) => module.get(PutRolePolicyHandler).execute(r),
      list: (r) => module.get(ListRolePoliciesHandler).execute(r),
      delete: (r) => module.get(DeleteRolePolicyHandler).execute(r),
      attach: (r) => module.get(AttachRolePolicyHandler).execute(r),
      detach: (r) => module.get(DetachRolePolicyHandler).execute(r),
      permissions: (RoleArn) => module.get(GetRolePermissionsHandler).execute({ RoleArn }),
    };
    providers = {
      create: (r) => module.get(CreateOpenIDConnectProviderHandler).execute(r),
      get: (arn) => module.get(GetOpenIDConnectProviderHandler).execute({ OpenIDConnectProviderArn: arn }),
      addClientId: (r) => module.get(AddClientIDToOpenIDConnectProviderHandler).execute(r),
      removeClientId: (r) => module.get(RemoveClientIDFromOpenIDConnectProviderHandler).execute(r),
      findByIssuer: (iss) => module.get(OidcProviderLookup).findByIssuer(iss),
    };
    // Revocations on a clock the spec moves; everything else on the real one.
    const revoke = new RevokeRoleSessionsHandler(
      module.get(Transactions),
      module.get(RevocationsRepository),
      module.get(RoleLookup),
      module.get(OutboxService),
      () => now,
    );
    const listRevocations = new ListRevocationsHandler(module.get(RevocationsRepository), () => now);
    revocations = {
      revoke: (r, correlationId) => revoke.execute(r, meta(correlationId)),
      list: () => listRevocations.execute(),
    };
    assumeRole = module.get(AssumeRoleUseCase);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('counts every inline policy of a role against the 10,240-character quota', async () => {
    await roles.create({ RoleName: 'big', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) });
    const doc = (n: number) =>
      policy({ Sid: 'x'.repeat(n), Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    await rolePolicies.put({ RoleName: 'big', PolicyName: 'one', PolicyDocument: doc(6000) });
    await rolePolicies.put({ RoleName: 'big', PolicyName: 'one', PolicyDocument: doc(6100) }); // a replacement
    const err = await errorOf(
      rolePolicies.put({ RoleName: 'big', PolicyName: 'two', PolicyDocument: doc(5000) }),
    );
    expect(err).toEqual({
      name: 'LimitExceeded',
      message: 'Maximum policy size of 10240 bytes exceeded for role big',
    });
    expect((await rolePolicies.list({ RoleName: 'big' })).PolicyNames).toEqual(['one']);
  });

  it('attaches at most 10 managed policies, attaching twice is a no-op, detaching an unattached one is NoSuchEntity', async () => {
    await roles.create({ RoleName: 'attached', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) });
    const arnsCreated: string[] = [];
    for (let i = 0; i < 11; i++) {
      const { Policy } = await policies.create({
        PolicyName: `p${i}`,
        PolicyDocument: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      });
      arnsCreated.push(Policy.Arn);
    }
    for (const arn of arnsCreated.slice(0, 10))
      await rolePolicies.attach({ RoleName: 'attached', PolicyArn: arn });
    await rolePolicies.attach({ RoleName: 'attached', PolicyArn: arnsCreated[0] });
    expect(
      (await errorOf(rolePolicies.attach({ RoleName: 'attached', PolicyArn: arnsCreated[10] }))).name,
    ).toBe('LimitExceeded');
    expect(
      (await errorOf(rolePolicies.detach({ RoleName: 'attached', PolicyArn: arnsCreated[10] }))).name,
    ).toBe('NoSuchEntity');
    expect((await policies.get(arnsCreated[0])).Policy.AttachmentCount).toBe(1);
    const permissions = await rolePolicies.permissions(arns.role('/', 'attached'));
    expect(permissions.Policies).toHaveLength(10);
    expect((await errorOf(policies.get(`arn:aws:iam::aws:policy/AdministratorAccess`))).name).toBe(
      'NoSuchEntity',
    );
  });

  it('validates OIDC provider URLs and keeps the client id list tidy', async () => {
    expect((await errorOf(providers.create({ Url: 'http://idp.example.com' }))).name).toBe('InvalidInput');
    expect(
      (await errorOf(providers.create({ Url: 'https://idp.example.com', ThumbprintList: ['abc'] }))).name,
    ).toBe('ValidationError');
    const { OpenIDConnectProviderArn: arn } = await providers.create({
      Url: 'https://idp.example.com/tenant/',
      ClientIDList: ['a', 'a', 'b'],
    });
    expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/idp.example.com/tenant`);
    await providers.removeClientId({ OpenIDConnectProviderArn: arn, ClientID: 'zzz' });
    await providers.removeClientId({ OpenIDConnectProviderArn: arn, ClientID: 'a' });
    expect((await providers.get(arn)).ClientIDList).toEqual(['b']);
    expect(await providers.findByIssuer('https://idp.example.com/tenant')).toBeDefined();
    expect(await providers.findByIssuer('http://idp.example.com/tenant')).toBeUndefined();
  });

  it('records revocations that only move forward, lists the ones that still matter, with an event', async () => {
    await roles.create({ RoleName: 'revoked', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) });
    await roles.create({ RoleName: 'long-ago', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) });
    now = Date.parse('2030-01-01T12:00:00Z');
    const first = await revocations.revoke({ RoleName: 'revoked' }, 'c1');
    expect(first).toEqual({ RoleArn: arns.role('/', 'revoked'), RevokedBefore: '2030-01-01T12:00:00Z' });
    const earlier = await revocations.revoke(
      { RoleName: 'revoked', RevokedBefore: '2030-01-01T11:00:00Z' },
      'c2',
    );
    expect(earlier.RevokedBefore).toBe('2030-01-01T12:00:00Z');
    await revocations.revoke({ RoleName: 'long-ago', RevokedBefore: '2029-12-31T22:00:00Z' }, 'c3');
    expect(
      (
        await errorOf(
          revocations.revoke({ RoleName: 'revoked', RevokedBefore: '2030-01-02T00:00:00Z' }, 'c4'),
        )
      ).name,
    ).toBe('ValidationError');
    expect((await revocations.list()).Revocations).toEqual([
      { RoleArn: arns.role('/', 'revoked'), RevokedBefore: '2030-01-01T12:00:00.000Z' },
    ]);
    const events = await ds.query<{ key: string; payload: { revokedBefore: string } }[]>(
      `SELECT topic, key, payload FROM credential_vending.outbox WHERE topic = 'credential-vending.role-sessions.revoked.v1' ORDER BY id`,
    );
    expect(events.map((e) => e.payload.revokedBefore)).toEqual([
      '2030-01-01T12:00:00.000Z',
      '2030-01-01T12:00:00.000Z',
      '2029-12-31T22:00:00.000Z',
    ]);
    now = Date.now();
  });

  it('AssumeRole: the admin key is the account root; a session needs its role policy unless the trust names its role', async () => {
    await roles.create({ RoleName: 'source', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) });
    await roles.create({
      RoleName: 'target',
      AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }),
    });
    const asAdmin = await assumeRole.execute(
      { RoleArn: arns.role('/', 'source'), RoleSessionName: 'root-session' },
      admin,
    );
    const session = codec.open(asAdmin.Credentials.SessionToken);
    expect(session).toMatchObject({
      roleArn: arns.role('/', 'source'),
      subject: `arn:aws:iam::${ACCOUNT}:root`,
    });
    const chained: CommandMeta = {
      requestId: randomUUID(),
      caller: {
        kind: 'temporary',
        accessKeyId: session.accessKeyId,
        principalArn: asAdmin.AssumedRoleUser.Arn,
        session: {
          roleArn: session.roleArn,
          roleId: session.roleId,
          sessionName: session.sessionName,
          issuedAt: new Date(session.issuedAt).toISOString(),
          expiresAt: new Date(session.expiresAt).toISOString(),
        },
      },
    };
    // The target trusts the account: the source role's own policies must allow sts:AssumeRole.
    const denied = await errorOf(
      assumeRole.execute({ RoleArn: arns.role('/', 'target'), RoleSessionName: 'chain' }, chained),
    );
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toContain(
      `is not authorized to perform: sts:AssumeRole on resource: ${arns.role('/', 'target')}`,
    );
    await rolePolicies.put({
      RoleName: 'source',
      PolicyName: 'chain',
      PolicyDocument: policy({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: arns.role('/', 'target'),
      }),
    });
    const out = await assumeRole.execute(
      { RoleArn: arns.role('/', 'target'), RoleSessionName: 'chain' },
      chained,
    );
    expect(codec.open(out.Credentials.SessionToken)).toMatchObject({
      chained: true,
      subject: asAdmin.AssumedRoleUser.Arn,
    });

    // The source role deleted and recreated under its name: the old session is nobody.
    await rolePolicies.delete({ RoleName: 'source', PolicyName: 'chain' });
    await roles.delete('source');
    await roles.create({ RoleName: 'source', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) });
    expect(
      (
        await errorOf(
          assumeRole.execute({ RoleArn: arns.role('/', 'target'), RoleSessionName: 'chain' }, chained),
        )
      ).name,
    ).toBe('AccessDenied');

    const issued = await ds.query<{ payload: Record<string, unknown> }[]>(
      `SELECT payload FROM credential_vending.outbox WHERE topic = 'credential-vending.credentials.issued.v1'`,
    );
    expect(issued.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(issued)).not.toContain(asAdmin.Credentials.SecretAccessKey);
    expect(JSON.stringify(issued)).not.toContain(asAdmin.Credentials.SessionToken);
  });
});
