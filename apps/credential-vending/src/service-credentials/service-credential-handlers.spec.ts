import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { UserCredentialSteps } from '../users/user-credential-steps';
import { UserLookup } from '../users/user.lookup';
import {
  CreateServiceSpecificCredentialHandler,
  ResetServiceSpecificCredentialHandler,
  UpdateServiceSpecificCredentialHandler,
} from './service-credential.handlers';
import { ServiceCredentialsRepository, StoredServiceCredential } from './service-credentials.repository';
import { ServicePasswords } from './service-passwords';

const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: (work: (t: Transaction) => Promise<unknown>) => work(tx),
} as unknown as Transactions;
const meta = {
  requestId: 'r',
  caller: { kind: 'admin', accessKeyId: 'AKIAADMIN' },
} as unknown as CommandMeta;
const passwords = new ServicePasswords(Buffer.alloc(32, 3));
const alice = { userId: 'AIDAALICE', name: 'alice' };
const listed = {
  credentialId: 'ACCAEXAMPLEEXAMPLE12',
  userId: alice.userId,
  userName: 'alice',
  serviceName: 'codecommit.amazonaws.com',
  serviceUserName: 'alice-at-123456789012',
  status: 'Active' as const,
  createdAt: new Date(0),
};

function fixture(count: number, found = true) {
  const users = { requireTarget: jest.fn(() => Promise.resolve(alice)) };
  const repo = {
    countOf: jest.fn(() => Promise.resolve(count)),
    insert: jest.fn((_c: StoredServiceCredential) => Promise.resolve()),
    find: jest.fn(() => Promise.resolve(found ? listed : undefined)),
    setPassword: jest.fn((_id: string, _digest: Buffer) => Promise.resolve()),
    setStatus: jest.fn(),
  };
  const steps = new UserCredentialSteps(transactions, users as unknown as UserLookup);
  const r = repo as unknown as ServiceCredentialsRepository;
  return {
    repo,
    create: new CreateServiceSpecificCredentialHandler(steps, new IamArns('123456789012'), r, passwords),
    reset: new ResetServiceSpecificCredentialHandler(steps, r, passwords),
    update: new UpdateServiceSpecificCredentialHandler(steps, r),
  };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => [e.errorName, e.message],
  );

describe('service-specific credential handlers', () => {
  it('answers a generated password once and stores only its digest, bound to the credential id', async () => {
    const f = fixture(1);
    const { ServiceSpecificCredential: c } = await f.create.execute(
      { UserName: 'alice', ServiceName: 'codecommit.amazonaws.com' },
      meta,
    );
    expect(c).toMatchObject({
      UserName: 'alice',
      ServiceUserName: 'alice-at-123456789012',
      Status: 'Active',
    });
    expect(c.ServicePassword).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(c.ServiceSpecificCredentialId).toMatch(/^ACCA[A-Z2-7]{17}$/);
    const stored = f.repo.insert.mock.calls[0][0];
    expect(
      stored.passwordDigest.equals(passwords.digest(c.ServiceSpecificCredentialId, c.ServicePassword!)),
    ).toBe(true);
    expect(stored.passwordDigest.toString('latin1')).not.toContain(c.ServicePassword);
    expect(passwords.digest('ACCAOTHER', c.ServicePassword!).equals(stored.passwordDigest)).toBe(false);
    expect(f.repo.countOf).toHaveBeenCalledWith(alice.userId, 'codecommit.amazonaws.com', tx);
  });

  it('refuses a third credential for one service, and services without such credentials', async () => {
    expect(
      await refusal(
        fixture(2).create.execute({ UserName: 'alice', ServiceName: 'cassandra.amazonaws.com' }, meta),
      ),
    ).toEqual(['LimitExceeded', 'Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2']);
    for (const ServiceName of ['s3.amazonaws.com', 'codecommit', 'bedrock.amazonaws.com']) {
      const f = fixture(0);
      expect((await refusal(f.create.execute({ UserName: 'alice', ServiceName }, meta)))[0]).toBe(
        'NotSupportedService',
      );
      expect(f.repo.insert).not.toHaveBeenCalled();
    }
  });

  it("resets to a new password with a new digest; an id not the user's is NoSuchEntity", async () => {
    const f = fixture(0);
    const { ServiceSpecificCredential: c } = await f.reset.execute(
      { ServiceSpecificCredentialId: listed.credentialId },
      meta,
    );
    const [id, digest] = f.repo.setPassword.mock.calls[0];
    expect(id).toBe(listed.credentialId);
    expect(digest.equals(passwords.digest(listed.credentialId, c.ServicePassword!))).toBe(true);
    const gone = fixture(0, false);
    expect(
      (await refusal(gone.reset.execute({ ServiceSpecificCredentialId: listed.credentialId }, meta)))[0],
    ).toBe('NoSuchEntity');
    expect(
      (
        await refusal(
          gone.update.execute({ ServiceSpecificCredentialId: listed.credentialId, Status: 'Inactive' }, meta),
        )
      )[0],
    ).toBe('NoSuchEntity');
    expect(gone.repo.setPassword).not.toHaveBeenCalled();
    expect(gone.repo.setStatus).not.toHaveBeenCalled();
  });
});
