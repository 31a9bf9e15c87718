import { randomBytes } from 'node:crypto';
import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { ManagedPolicyEntity } from '../database/entities';
import { LoginProfilesRepository } from '../account/login-profiles.repository';
import { SigningCertificatesRepository } from '../signing-certificates/signing-certificates.repository';
import { SshPublicKeysRepository } from '../ssh-public-keys/ssh-public-keys.repository';
import { ServiceCredentialsRepository } from '../service-credentials/service-credentials.repository';
import { MfaDevicesRepository } from '../mfa/mfa-devices.repository';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { AccessKeySecrets } from './access-key-secrets';
import { AttachUserPolicyHandler } from './attach-user-policy.handler';
import { CreateAccessKeyHandler } from './create-access-key.handler';
import { CreateUserHandler } from './create-user.handler';
import { DeleteAccessKeyHandler } from './delete-access-key.handler';
import { DeleteUserHandler } from './delete-user.handler';
import { GetAccessKeyLastUsedHandler } from './get-access-key-last-used.handler';
import { GetUserHandler } from './get-user.handler';
import { ListAccessKeysHandler } from './list-access-keys.handler';
import { PutUserPolicyHandler } from './put-user-policy.handler';
import { RecordAccessKeyUseHandler } from './record-access-key-use.handler';
import { UpdateAccessKeyHandler } from './update-access-key.handler';
import { UpdateUserHandler } from './update-user.handler';
import { UserCredentialSteps } from './user-credential-steps';
import { UserLookup } from './user.lookup';
import { StoredAccessKey, StoredUser, UsersRepository } from './users.repository';

const ACCOUNT = '123456789012';
const arns = new IamArns(ACCOUNT);
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;
const secrets = new AccessKeySecrets(randomBytes(32));
/** The admin key: the account root, which has no IAM user of its own. */
const ROOT: CommandMeta = { requestId: 'r', caller: { kind: 'admin', accessKeyId: 'AKIAADMINADMINADMIN0' } };
/** Alice's own key, as the gateway describes an IAM user's call. */
const ALICE: CommandMeta = {
  requestId: 'r',
  caller: {
    kind: 'admin',
    accessKeyId: 'AKIAALICEALICEALICE0',
    principalArn: `arn:aws:iam::${ACCOUNT}:user/Alice`,
    principalId: 'AIDAEXAMPLEEXAMPLE1',
  },
};

const alice: StoredUser = {
  userId: 'AIDAEXAMPLEEXAMPLE1',
  name: 'Alice',
  nameKey: 'alice',
  path: '/',
  arn: arns.user('/', 'Alice'),
  permissionsBoundary: null,
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

const managedPolicy: ManagedPolicyEntity = {
  policyId: 'ANPAEXAMPLEEXAMPLE1',
  name: 'readers',
  nameKey: 'readers',
  path: '/',
  arn: arns.policy('/', 'readers'),
  description: null,
  defaultVersionId: 'v1',
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

/** Every query of the repositories mocked: the handlers' decisions are what is under test. */
function setUp() {
  const users = {
    insert: jest.fn().mockResolvedValue('created'),
    findByName: jest.fn().mockResolvedValue(alice),
    findById: jest.fn().mockResolvedValue(alice),
    accountCreatedAt: jest.fn().mockResolvedValue(new Date('2026-01-02T03:04:05Z')),
    rename: jest.fn().mockResolvedValue('updated'),
    dependents: jest.fn().mockResolvedValue({
      accessKeys: false,
      inlinePolicies: false,
      attachedPolicies: false,
      groups: false,
    }),
    delete: jest.fn().mockResolvedValue(undefined),
    countAccessKeys: jest.fn().mockResolvedValue(0),
    insertAccessKey: jest.fn().mockResolvedValue(undefined),
    accessKeysOf: jest.fn().mockResolvedValue([]),
    findAccessKey: jest.fn().mockResolvedValue(undefined),
    setAccessKeyStatus: jest.fn().mockResolvedValue(true),
    deleteAccessKey: jest.fn().mockResolvedValue(true),
    recordAccessKeyUse: jest.fn().mockResolvedValue(true),
    inlinePolicySizeWithout: jest.fn().mockResolvedValue(0),
    putInlinePolicy: jest.fn().mockResolvedValue(undefined),
    isAttached: jest.fn().mockResolvedValue(false),
    attachedCount: jest.fn().mockResolvedValue(0),
    attach: jest.fn().mockResolvedValue('attached'),
  };
  const policies = { findByArn: jest.fn().mockResolvedValue(managedPolicy) };
  const repository = users as unknown as UsersRepository;
  return {
    users,
    policies,
    repository,
    lookup: new UserLookup(repository),
    steps: new UserCredentialSteps(transactions, new UserLookup(repository)),
    policyLookup: new ManagedPolicyLookup(policies as unknown as ManagedPoliciesRepository, arns),
  };
}

async function errorOf(promise: Promise<unknown>): Promise<{ name?: string; message?: string }> {
  return promise.then(
    () => ({}),
    (err: ServiceError) => ({ name: err.errorName, message: err.message }),
  );
}

/** A user with no login profile (ADR 0084). */
function noLoginProfile(): LoginProfilesRepository {
  return { exists: jest.fn().mockResolvedValue(false) } as unknown as LoginProfilesRepository;
}

/** The signing certificates repository's answer to DeleteUser's question. */
function noSigning(has: boolean) {
  return signingRepository(jest.fn().mockResolvedValue(has));
}

/** The service-specific credentials repository's count for DeleteUser: none. */
function noServiceCredentials(): ServiceCredentialsRepository {
  return { countOf: jest.fn().mockResolvedValue(0) } as unknown as ServiceCredentialsRepository;
}

/** The SSH public keys repository's count for DeleteUser. */
function noSsh(count: number): SshPublicKeysRepository {
  return { countOf: jest.fn().mockResolvedValue(count) } as unknown as SshPublicKeysRepository;
}

function signingRepository(userHas: jest.Mock): SigningCertificatesRepository {
  return { userHas } as unknown as SigningCertificatesRepository;
}

describe('CreateUser', () => {
  it('writes the user under its path with an AIDA id and answers it', async () => {
    const s = setUp();
    const { User } = await new CreateUserHandler(transactions, s.repository, s.policyLookup, arns).execute({
      UserName: 'Bob',
      Path: '/ops/',
      Tags: [{ Key: 'team', Value: 'ops' }],
    });
    expect(User).toMatchObject({
      UserName: 'Bob',
      Path: '/ops/',
      Arn: `arn:aws:iam::${ACCOUNT}:user/ops/Bob`,
    });
    expect(User.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(User.Tags).toEqual([{ Key: 'team', Value: 'ops' }]);
    expect(s.users.insert).toHaveBeenCalledWith(expect.objectContaining({ nameKey: 'bob' }), tx);
  });

  it('refuses a taken name with EntityAlreadyExists in IAM words', async () => {
    const s = setUp();
    s.users.insert.mockResolvedValue('exists');
    expect(
      await errorOf(
        new CreateUserHandler(transactions, s.repository, s.policyLookup, arns).execute({ UserName: 'Bob' }),
      ),
    ).toEqual({ name: 'EntityAlreadyExists', message: 'User with name Bob already exists.' });
  });

  it('refuses a boundary that is no policy of the account, before writing', async () => {
    const s = setUp();
    s.policies.findByArn.mockResolvedValue(undefined);
    const handler = new CreateUserHandler(transactions, s.repository, s.policyLookup, arns);
    const missing = arns.policy('/', 'nothing');
    expect((await errorOf(handler.execute({ UserName: 'Bob', PermissionsBoundary: missing }))).name).toBe(
      'NoSuchEntity',
    );
    expect(s.users.insert).not.toHaveBeenCalled();
  });

  it('refuses a bad name with ValidationError and writes nothing', async () => {
    const s = setUp();
    const handler = new CreateUserHandler(transactions, s.repository, s.policyLookup, arns);
    expect((await errorOf(handler.execute({ UserName: 'no spaces' }))).name).toBe('ValidationError');
    expect((await errorOf(handler.execute({ UserName: 'x'.repeat(65) }))).name).toBe('ValidationError');
    expect(s.users.insert).not.toHaveBeenCalled();
  });
});

describe('GetUser and UpdateUser', () => {
  it('answers NoSuchEntity for an unknown user, in IAM words', async () => {
    const s = setUp();
    s.users.findByName.mockResolvedValue(undefined);
    expect(
      await errorOf(new GetUserHandler(s.lookup, s.repository, arns).execute({ UserName: 'ghost' }, ROOT)),
    ).toEqual({
      name: 'NoSuchEntity',
      message: 'The user with name ghost cannot be found.',
    });
  });

  it('answers the root for the admin key without a name, and the signing user for its own key', async () => {
    const s = setUp();
    const handler = new GetUserHandler(s.lookup, s.repository, arns);
    expect(await handler.execute({}, ROOT)).toEqual({
      User: { UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root`, CreateDate: '2026-01-02T03:04:05Z' },
    });
    expect((await handler.execute({}, ALICE)).User).toMatchObject({
      UserName: 'Alice',
      UserId: alice.userId,
    });
    expect(s.users.findById).toHaveBeenCalledWith(alice.userId, undefined);
    // Its key outliving the user: as a named user not found.
    s.users.findById.mockResolvedValue(undefined);
    expect((await errorOf(handler.execute({}, ALICE))).name).toBe('NoSuchEntity');
  });

  it("acts on the signing user's keys without a name, and refuses the root's", async () => {
    const s = setUp();
    const created = await new CreateAccessKeyHandler(s.steps, s.repository, secrets).execute({}, ALICE);
    expect(created.AccessKey.UserName).toBe('Alice');
    expect(s.users.findByName).toHaveBeenCalledWith('Alice', tx, true);
    expect(
      (await new ListAccessKeysHandler(s.lookup, s.repository).execute({}, ALICE)).AccessKeyMetadata,
    ).toEqual([]);
    expect(
      (await errorOf(new CreateAccessKeyHandler(s.steps, s.repository, secrets).execute({}, ROOT))).name,
    ).toBe('ValidationError');
    expect(s.users.insertAccessKey).toHaveBeenCalledTimes(1);
  });

  it('renames with the ARN following, and refuses a taken new name', async () => {
    const s = setUp();
    const handler = new UpdateUserHandler(transactions, s.lookup, s.repository, arns);
    await handler.execute({ UserName: 'Alice', NewUserName: 'Alicia', NewPath: '/x/' });
    expect(s.users.rename).toHaveBeenCalledWith(
      alice.userId,
      { name: 'Alicia', path: '/x/', arn: arns.user('/x/', 'Alicia') },
      tx,
    );
    s.users.rename.mockResolvedValue('exists');
    expect((await errorOf(handler.execute({ UserName: 'Alice', NewUserName: 'Bob' }))).name).toBe(
      'EntityAlreadyExists',
    );
  });
});

describe('DeleteUser', () => {
  const noMfa = () =>
    ({ userHasDevices: jest.fn().mockResolvedValue(false) }) as unknown as MfaDevicesRepository;

  it.each([
    ['accessKeys', 'Cannot delete entity, must delete access keys first.'],
    ['inlinePolicies', 'Cannot delete entity, must delete policies first.'],
    ['attachedPolicies', 'Cannot delete entity, must detach all policies first.'],
    ['groups', 'Cannot delete entity, must remove user from all groups first.'],
  ])('refuses a user that still has %s with DeleteConflict', async (what, message) => {
    const s = setUp();
    s.users.dependents.mockResolvedValue({
      accessKeys: false,
      inlinePolicies: false,
      attachedPolicies: false,
      groups: false,
      [what]: true,
    });
    expect(
      await errorOf(
        new DeleteUserHandler(
          transactions,
          s.lookup,
          s.repository,
          noMfa(),
          noLoginProfile(),
          noSigning(false),
          noSsh(0),
          noServiceCredentials(),
        ).execute({
          UserName: 'Alice',
        }),
      ),
    ).toEqual({
      name: 'DeleteConflict',
      message,
    });
    expect(s.users.delete).not.toHaveBeenCalled();
  });

  it('deletes a user with nothing left', async () => {
    const s = setUp();
    await new DeleteUserHandler(
      transactions,
      s.lookup,
      s.repository,
      noMfa(),
      noLoginProfile(),
      noSigning(false),
      noSsh(0),
      noServiceCredentials(),
    ).execute({
      UserName: 'alice',
    });
    expect(s.users.delete).toHaveBeenCalledWith(alice.userId, tx);
  });

  it('refuses a user with an MFA device after its access keys, before its policies (ADR 0072)', async () => {
    const s = setUp();
    const mfa = { userHasDevices: jest.fn().mockResolvedValue(true) };
    const handler = new DeleteUserHandler(
      transactions,
      s.lookup,
      s.repository,
      mfa as unknown as MfaDevicesRepository,
      noLoginProfile(),
      noSigning(false),
      noSsh(0),
      noServiceCredentials(),
    );
    const all = { accessKeys: true, inlinePolicies: true, attachedPolicies: true, groups: true };
    s.users.dependents.mockResolvedValue(all);
    expect((await errorOf(handler.execute({ UserName: 'Alice' }))).message).toBe(
      'Cannot delete entity, must delete access keys first.',
    );
    s.users.dependents.mockResolvedValue({ ...all, accessKeys: false });
    expect(await errorOf(handler.execute({ UserName: 'Alice' }))).toEqual({
      name: 'DeleteConflict',
      message: 'Cannot delete entity, must delete MFA device first.',
    });
    expect(mfa.userHasDevices).toHaveBeenCalledWith(alice.userId, tx);
    expect(s.users.delete).not.toHaveBeenCalled();
  });

  it('refuses a user with a login profile before anything else (ADR 0084)', async () => {
    const s = setUp();
    const profiles = { exists: jest.fn().mockResolvedValue(true) };
    const handler = new DeleteUserHandler(
      transactions,
      s.lookup,
      s.repository,
      noMfa(),
      profiles as unknown as LoginProfilesRepository,
      noSigning(false),
      noSsh(0),
      noServiceCredentials(),
    );
    s.users.dependents.mockResolvedValue({
      accessKeys: true,
      inlinePolicies: true,
      attachedPolicies: true,
      groups: true,
    });
    expect(await errorOf(handler.execute({ UserName: 'Alice' }))).toEqual({
      name: 'DeleteConflict',
      message: 'Cannot delete entity, must delete login profile first.',
    });
    expect(profiles.exists).toHaveBeenCalledWith(alice.userId, tx);
    expect(s.users.delete).not.toHaveBeenCalled();
  });
});

describe('DeleteUser and signing certificates (ADR 0085)', () => {
  it('refuses a user with a signing certificate after its access keys, before its MFA devices', async () => {
    const s = setUp();
    const userHas = jest.fn().mockResolvedValue(true);
    const signing = signingRepository(userHas);
    const mfa = { userHasDevices: jest.fn().mockResolvedValue(true) };
    const handler = new DeleteUserHandler(
      transactions,
      s.lookup,
      s.repository,
      mfa as unknown as MfaDevicesRepository,
      noLoginProfile(),
      signing,
      noSsh(1),
      noServiceCredentials(),
    );
    const all = { accessKeys: true, inlinePolicies: true, attachedPolicies: true, groups: true };
    s.users.dependents.mockResolvedValue(all);
    expect((await errorOf(handler.execute({ UserName: 'Alice' }))).message).toBe(
      'Cannot delete entity, must delete access keys first.',
    );
    s.users.dependents.mockResolvedValue({ ...all, accessKeys: false });
    expect(await errorOf(handler.execute({ UserName: 'Alice' }))).toEqual({
      name: 'DeleteConflict',
      message: 'Cannot delete entity, must delete signing certificates first.',
    });
    expect(userHas).toHaveBeenCalledWith(alice.userId, tx);
    expect(s.users.delete).not.toHaveBeenCalled();
  });

  it('refuses a user with an SSH public key after its signing certificates, before its MFA devices', async () => {
    const s = setUp();
    const mfa = { userHasDevices: jest.fn().mockResolvedValue(true) };
    const handler = new DeleteUserHandler(
      transactions,
      s.lookup,
      s.repository,
      mfa as unknown as MfaDevicesRepository,
      noLoginProfile(),
      noSigning(false),
      noSsh(1),
      noServiceCredentials(),
    );
    s.users.dependents.mockResolvedValue({
      accessKeys: false,
      inlinePolicies: true,
      attachedPolicies: true,
      groups: true,
    });
    expect(await errorOf(handler.execute({ UserName: 'Alice' }))).toEqual({
      name: 'DeleteConflict',
      message: 'Cannot delete entity, must delete SSH public keys first.',
    });
    expect(s.users.delete).not.toHaveBeenCalled();
  });
});

describe('access keys', () => {
  it('creates an Active AKIA key, answers the secret once and stores it only sealed', async () => {
    const s = setUp();
    const { AccessKey } = await new CreateAccessKeyHandler(s.steps, s.repository, secrets).execute(
      {
        UserName: 'Alice',
      },
      ROOT,
    );
    expect(AccessKey).toMatchObject({ UserName: 'Alice', Status: 'Active' });
    expect(AccessKey.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(AccessKey.SecretAccessKey).toHaveLength(40);
    const stored = s.users.insertAccessKey.mock.calls[0][0] as StoredAccessKey;
    expect(JSON.stringify(stored)).not.toContain(AccessKey.SecretAccessKey);
    expect(stored.secretEnc.toString('latin1')).not.toContain(AccessKey.SecretAccessKey);
    expect(secrets.open(AccessKey.AccessKeyId, stored.secretEnc)).toBe(AccessKey.SecretAccessKey);
  });

  it('refuses a third key with LimitExceeded (AccessKeysPerUser: 2)', async () => {
    const s = setUp();
    s.users.countAccessKeys.mockResolvedValue(2);
    expect(
      await errorOf(
        new CreateAccessKeyHandler(s.steps, s.repository, secrets).execute(
          {
            UserName: 'Alice',
          },
          ROOT,
        ),
      ),
    ).toEqual({ name: 'LimitExceeded', message: 'Cannot exceed quota for AccessKeysPerUser: 2' });
    expect(s.users.insertAccessKey).not.toHaveBeenCalled();
  });

  it('lists keys without secrets', async () => {
    const s = setUp();
    const key: StoredAccessKey = {
      accessKeyId: 'AKIAEXAMPLEEXAMPLE12',
      userId: alice.userId,
      secretEnc: secrets.seal('AKIAEXAMPLEEXAMPLE12', 's'.repeat(40)),
      status: 'Inactive',
      createdAt: new Date(0),
      lastUsedAt: null,
      lastUsedService: null,
      lastUsedRegion: null,
    };
    s.users.accessKeysOf.mockResolvedValue([key]);
    const answer = await new ListAccessKeysHandler(s.lookup, s.repository).execute(
      { UserName: 'Alice' },
      ROOT,
    );
    expect(answer).toEqual({
      AccessKeyMetadata: [
        {
          UserName: 'Alice',
          AccessKeyId: key.accessKeyId,
          Status: 'Inactive',
          CreateDate: '1970-01-01T00:00:00Z',
        },
      ],
      IsTruncated: false,
    });
  });

  it('answers NoSuchEntity for a key the named user does not have (update and delete)', async () => {
    const s = setUp();
    s.users.setAccessKeyStatus.mockResolvedValue(false);
    s.users.deleteAccessKey.mockResolvedValue(false);
    const id = 'AKIAEXAMPLEEXAMPLE99';
    expect(
      await errorOf(
        new UpdateAccessKeyHandler(s.steps, s.repository).execute(
          {
            UserName: 'Alice',
            AccessKeyId: id,
            Status: 'Inactive',
          },
          ROOT,
        ),
      ),
    ).toEqual({ name: 'NoSuchEntity', message: `The Access Key with id ${id} cannot be found.` });
    expect(
      (
        await errorOf(
          new DeleteAccessKeyHandler(s.steps, s.repository).execute(
            {
              UserName: 'Alice',
              AccessKeyId: id,
            },
            ROOT,
          ),
        )
      ).name,
    ).toBe('NoSuchEntity');
  });

  it('refuses a Status other than Active or Inactive', async () => {
    const s = setUp();
    const handler = new UpdateAccessKeyHandler(s.steps, s.repository);
    const answer = await errorOf(
      handler.execute(
        {
          UserName: 'Alice',
          AccessKeyId: 'AKIAEXAMPLEEXAMPLE12',
          Status: 'Disabled' as 'Active',
        },
        ROOT,
      ),
    );
    expect(answer.name).toBe('ValidationError');
    expect(s.users.setAccessKeyStatus).not.toHaveBeenCalled();
  });

  it('answers GetAccessKeyLastUsed with N/A for a key never used, AccessDenied for an unknown one', async () => {
    const s = setUp();
    const handler = new GetAccessKeyLastUsedHandler(s.repository);
    expect((await errorOf(handler.execute({ AccessKeyId: 'AKIAEXAMPLEEXAMPLE99' }))).name).toBe(
      'AccessDenied',
    );
    s.users.findAccessKey.mockResolvedValue({
      accessKeyId: 'AKIAEXAMPLEEXAMPLE12',
      userId: alice.userId,
      lastUsedAt: null,
    });
    expect(await handler.execute({ AccessKeyId: 'AKIAEXAMPLEEXAMPLE12' })).toEqual({
      UserName: 'Alice',
      AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' },
    });
    s.users.findAccessKey.mockResolvedValue({
      accessKeyId: 'AKIAEXAMPLEEXAMPLE12',
      userId: alice.userId,
      lastUsedAt: new Date('2026-12-07T10:45:00Z'),
      lastUsedService: 'cognito-idp',
      lastUsedRegion: 'eu-west-1',
    });
    expect(await handler.execute({ AccessKeyId: 'AKIAEXAMPLEEXAMPLE12' })).toEqual({
      UserName: 'Alice',
      AccessKeyLastUsed: {
        LastUsedDate: '2026-12-07T10:45:00Z',
        ServiceName: 'cognito-idp',
        Region: 'eu-west-1',
      },
    });
  });

  it('records a reported key use to the minute, never in the future (ADR 0078)', async () => {
    const s = setUp();
    const now = Date.parse('2026-12-07T10:45:59.500Z');
    const handler = new RecordAccessKeyUseHandler(s.repository, () => now);
    const report = { AccessKeyId: 'AKIAEXAMPLEEXAMPLE22', ServiceName: 'sts', Region: 'us-east-1' };
    expect(await handler.execute({ ...report, UsedAt: '2026-12-07T10:44:31.123Z' })).toEqual({
      Recorded: true,
    });
    expect(s.users.recordAccessKeyUse).toHaveBeenLastCalledWith(
      'AKIAEXAMPLEEXAMPLE22',
      new Date('2026-12-07T10:44:00Z'),
      'sts',
      'us-east-1',
    );
    // A gateway clock an hour ahead: the use is now, not in an hour.
    await handler.execute({ ...report, UsedAt: '2026-12-07T11:45:00Z' });
    expect(s.users.recordAccessKeyUse).toHaveBeenLastCalledWith(
      'AKIAEXAMPLEEXAMPLE22',
      new Date('2026-12-07T10:45:00Z'),
      'sts',
      'us-east-1',
    );
    s.users.recordAccessKeyUse.mockResolvedValueOnce(false);
    expect(await handler.execute({ ...report, UsedAt: '2026-12-07T10:00:00Z' })).toEqual({ Recorded: false });
    s.users.recordAccessKeyUse.mockClear();
    for (const bad of [
      { ...report, UsedAt: 'yesterday' },
      { ...report, UsedAt: '2026-12-07T10:00:00Z', AccessKeyId: 'ASIAEXAMPLEEXAMPLE22' },
      { ...report, UsedAt: '2026-12-07T10:00:00Z', ServiceName: "iam'; --" },
      { ...report, UsedAt: '2026-12-07T10:00:00Z', Region: 'x'.repeat(65) },
    ]) {
      await expect(handler.execute(bad)).rejects.toThrow('RecordAccessKeyUse');
    }
    expect(s.users.recordAccessKeyUse).not.toHaveBeenCalled();
  });
});

describe('user policies', () => {
  const allow = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
  });

  it("refuses an inline policy over the user's 2,048-character quota", async () => {
    const s = setUp();
    s.users.inlinePolicySizeWithout.mockResolvedValue(2048 - 10);
    const answer = await errorOf(
      new PutUserPolicyHandler(transactions, s.lookup, s.repository).execute({
        UserName: 'Alice',
        PolicyName: 'p',
        PolicyDocument: allow,
      }),
    );
    expect(answer).toEqual({
      name: 'LimitExceeded',
      message: 'Maximum policy size of 2048 bytes exceeded for user Alice',
    });
    expect(s.users.putInlinePolicy).not.toHaveBeenCalled();
  });

  it('refuses a malformed document with MalformedPolicyDocument', async () => {
    const s = setUp();
    const answer = await errorOf(
      new PutUserPolicyHandler(transactions, s.lookup, s.repository).execute({
        UserName: 'Alice',
        PolicyName: 'p',
        PolicyDocument: '{"Statement":[]',
      }),
    );
    expect(answer.name).toBe('MalformedPolicyDocument');
  });

  it('refuses an eleventh attached policy and an AWS managed one', async () => {
    const s = setUp();
    const handler = new AttachUserPolicyHandler(transactions, s.lookup, s.repository, s.policyLookup);
    s.users.attachedCount.mockResolvedValue(10);
    expect(await errorOf(handler.execute({ UserName: 'Alice', PolicyArn: managedPolicy.arn }))).toEqual({
      name: 'LimitExceeded',
      message: 'Cannot exceed quota for PoliciesPerUser: 10',
    });
    expect(
      (
        await errorOf(
          handler.execute({ UserName: 'Alice', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
        )
      ).name,
    ).toBe('NoSuchEntity');
    expect(s.users.attach).not.toHaveBeenCalled();
  });
});
