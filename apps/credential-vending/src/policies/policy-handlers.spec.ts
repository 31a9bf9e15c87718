import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { ManagedPolicyEntity } from '../database/entities';
import { CreatePolicyHandler } from './create-policy.handler';
import { CreatePolicyVersionHandler } from './create-policy-version.handler';
import { DeletePolicyHandler } from './delete-policy.handler';
import { DeletePolicyVersionHandler } from './delete-policy-version.handler';
import { SetDefaultPolicyVersionHandler } from './set-default-policy-version.handler';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';

const arns = new IamArns('123456789012');
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: (work: (t: Transaction) => Promise<unknown>) => work(tx),
} as unknown as Transactions;
const DOCUMENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

const stored: ManagedPolicyEntity = {
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

function repository() {
  const mock = {
    insert: jest.fn().mockResolvedValue('created'),
    findByArn: jest.fn().mockResolvedValue(stored),
    isInUse: jest.fn().mockResolvedValue(false),
    delete: jest.fn().mockResolvedValue(undefined),
    defaultDocuments: jest.fn().mockResolvedValue([]),
    versionsOf: jest.fn().mockResolvedValue([{ versionId: 'v1', createdAt: new Date(0) }]),
    addVersion: jest.fn(async (_id: string, v: { number: number }) => `v${v.number}`),
    deleteVersion: jest.fn().mockResolvedValue(true),
    setDefaultVersion: jest.fn().mockResolvedValue(undefined),
    findVersion: jest.fn().mockResolvedValue(undefined),
  };
  const typed = mock as unknown as ManagedPoliciesRepository;
  return { mock, typed, lookup: new ManagedPolicyLookup(typed, arns) };
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

describe('CreatePolicy', () => {
  it('inserts the policy with its document as the default version v1, in one unit of work', async () => {
    const { mock, typed } = repository();
    const answer = await new CreatePolicyHandler(transactions, typed, arns).execute({
      PolicyName: 'Writers',
      PolicyDocument: DOCUMENT,
    });
    expect(mock.insert).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Writers', nameKey: 'writers', defaultVersionId: 'v1' }),
      DOCUMENT,
      tx,
    );
    expect(answer.Policy).toMatchObject({
      PolicyName: 'Writers',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
    });
  });

  it('is EntityAlreadyExists when the name is taken', async () => {
    const { mock, typed } = repository();
    mock.insert.mockResolvedValue('exists');
    const create = new CreatePolicyHandler(transactions, typed, arns).execute({
      PolicyName: 'readers',
      PolicyDocument: DOCUMENT,
    });
    expect(await errorName(create)).toBe('EntityAlreadyExists');
  });
});

describe('DeletePolicy', () => {
  it('deletes the locked policy when no role has it attached', async () => {
    const { mock, typed, lookup } = repository();
    await new DeletePolicyHandler(transactions, typed, lookup).execute({ PolicyArn: stored.arn });
    expect(mock.findByArn).toHaveBeenCalledWith(stored.arn, tx, true);
    expect(mock.delete).toHaveBeenCalledWith(stored.policyId, tx);
  });

  it('is DeleteConflict while versions besides the default remain, as IAM', async () => {
    const { mock, typed, lookup } = repository();
    mock.versionsOf.mockResolvedValue([
      { versionId: 'v2', createdAt: new Date(0) },
      { versionId: 'v1', createdAt: new Date(0) },
    ]);
    const remove = new DeletePolicyHandler(transactions, typed, lookup).execute({ PolicyArn: stored.arn });
    expect(await errorName(remove)).toBe('DeleteConflict');
    expect(mock.delete).not.toHaveBeenCalled();
  });

  it('is DeleteConflict while the policy is attached', async () => {
    const { mock, typed, lookup } = repository();
    mock.isInUse.mockResolvedValue(true);
    const remove = new DeletePolicyHandler(transactions, typed, lookup).execute({ PolicyArn: stored.arn });
    expect(await errorName(remove)).toBe('DeleteConflict');
    expect(mock.delete).not.toHaveBeenCalled();
  });

  it('is NoSuchEntity for an AWS managed policy, without a query', async () => {
    const { mock, typed, lookup } = repository();
    const remove = new DeletePolicyHandler(transactions, typed, lookup).execute({
      PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    });
    expect(await errorName(remove)).toBe('NoSuchEntity');
    expect(mock.findByArn).not.toHaveBeenCalled();
  });
});

describe('session policies by ARN', () => {
  it('answers the default documents in the order asked, NoSuchEntity naming the first unknown ARN', async () => {
    const { mock, lookup } = repository();
    const other = arns.policy('/', 'other');
    mock.defaultDocuments.mockResolvedValue([
      { arn: other, document: '{"other":1}' },
      { arn: stored.arn, document: '{"readers":1}' },
    ]);
    expect(await lookup.documents([stored.arn, other])).toEqual(['{"readers":1}', '{"other":1}']);
    const missing = arns.policy('/', 'missing');
    await expect(lookup.documents([stored.arn, missing])).rejects.toMatchObject({
      errorName: 'NoSuchEntity',
      message: expect.stringContaining(missing) as string,
    });
  });
});

describe('policy versions', () => {
  const versions = (...ids: string[]) => ids.map((versionId) => ({ versionId, createdAt: new Date(0) }));

  it('numbers a new version one above the highest the policy ever had, under the lock', async () => {
    const { mock, typed, lookup } = repository();
    mock.findByArn.mockResolvedValue({ ...stored, lastVersionNumber: 4 });
    mock.versionsOf.mockResolvedValue(versions('v4', 'v1'));
    const answer = await new CreatePolicyVersionHandler(transactions, typed, lookup).execute({
      PolicyArn: stored.arn,
      PolicyDocument: DOCUMENT,
      SetAsDefault: true,
    });
    expect(mock.findByArn).toHaveBeenCalledWith(stored.arn, tx, true);
    expect(mock.addVersion).toHaveBeenCalledWith(
      stored.policyId,
      expect.objectContaining({ number: 5, document: DOCUMENT, setAsDefault: true }),
      tx,
    );
    expect(answer.PolicyVersion).toMatchObject({ VersionId: 'v5', IsDefaultVersion: true });
    expect(answer.PolicyVersion.Document).toBeUndefined();
  });

  it('refuses a sixth version with LimitExceeded and a malformed document before any lock', async () => {
    const { mock, typed, lookup } = repository();
    mock.versionsOf.mockResolvedValue(versions('v5', 'v4', 'v3', 'v2', 'v1'));
    const create = (PolicyDocument: string) =>
      new CreatePolicyVersionHandler(transactions, typed, lookup).execute({
        PolicyArn: stored.arn,
        PolicyDocument,
      });
    expect(await errorName(create(DOCUMENT))).toBe('LimitExceeded');
    mock.findByArn.mockClear();
    expect(await errorName(create('{"Version":"2012-10-17","Statement":[{"Effect":"Maybe"}]}'))).toBe(
      'MalformedPolicyDocument',
    );
    expect(mock.findByArn).not.toHaveBeenCalled();
    expect(mock.addVersion).not.toHaveBeenCalled();
  });

  it('will not delete the default version, and names an unknown one NoSuchEntity', async () => {
    const { mock, typed, lookup } = repository();
    const remove = (VersionId: string) =>
      new DeletePolicyVersionHandler(transactions, typed, lookup).execute({
        PolicyArn: stored.arn,
        VersionId,
      });
    expect(await errorName(remove('v1'))).toBe('DeleteConflict');
    expect(mock.deleteVersion).not.toHaveBeenCalled();
    mock.deleteVersion.mockResolvedValue(false);
    expect(await errorName(remove('v9'))).toBe('NoSuchEntity');
    expect(await errorName(remove('version-2'))).toBe('ValidationError');
  });

  it('sets only a version that exists as the default', async () => {
    const { mock, typed, lookup } = repository();
    mock.versionsOf.mockResolvedValue(versions('v2', 'v1'));
    const set = (VersionId: string) =>
      new SetDefaultPolicyVersionHandler(transactions, typed, lookup).execute({
        PolicyArn: stored.arn,
        VersionId,
      });
    expect(await errorName(set('v3'))).toBe('NoSuchEntity');
    expect(mock.setDefaultVersion).not.toHaveBeenCalled();
    await set('v2');
    expect(mock.setDefaultVersion).toHaveBeenCalledWith(stored.policyId, 'v2', expect.any(Date), tx);
  });
});
