import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { samlSigningKey } from '../../../../libs/testing/src/saml-idp';
import { UserCredentialSteps } from '../users/user-credential-steps';
import { UserLookup } from '../users/user.lookup';
import {
  DeleteSigningCertificateHandler,
  UpdateSigningCertificateHandler,
  UploadSigningCertificateHandler,
} from './signing-certificate.handlers';
import { SigningCertificatesRepository, StoredSigningCertificate } from './signing-certificates.repository';

const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: (work: (t: Transaction) => Promise<unknown>) => work(tx),
} as unknown as Transactions;
const meta = {
  requestId: 'r',
  caller: { kind: 'admin', accessKeyId: 'AKIAADMIN' },
} as unknown as CommandMeta;
const alice = { userId: 'AIDAALICE', name: 'alice' };
const certificate = samlSigningKey('signing.handlers.test').certificate;

function fixture(count: number, insert: 'created' | 'duplicate' = 'created') {
  const users = { requireTarget: jest.fn(() => Promise.resolve(alice)) };
  const repo = {
    countOf: jest.fn(() => Promise.resolve(count)),
    insert: jest.fn((_c: StoredSigningCertificate) => Promise.resolve(insert)),
    find: jest.fn(() => Promise.resolve(undefined)),
    setStatus: jest.fn(),
    delete: jest.fn(),
  };
  const steps = new UserCredentialSteps(transactions, users as unknown as UserLookup);
  const r = repo as unknown as SigningCertificatesRepository;
  return {
    users,
    repo,
    upload: new UploadSigningCertificateHandler(steps, r),
    update: new UpdateSigningCertificateHandler(steps, r),
    del: new DeleteSigningCertificateHandler(steps, r),
  };
}

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => [e.errorName, e.message],
  );

describe('signing certificate handlers', () => {
  it('uploads an Active certificate for the target user, under its row lock, keyed by its SHA-256', async () => {
    const f = fixture(1);
    const { Certificate } = await f.upload.execute({ CertificateBody: certificate }, meta);
    expect(f.users.requireTarget).toHaveBeenCalledWith(undefined, meta, tx, true);
    expect(Certificate).toMatchObject({ UserName: 'alice', Status: 'Active', CertificateBody: certificate });
    expect(Certificate.CertificateId).toMatch(/^[A-Z2-7]{32}$/);
    expect(f.repo.insert.mock.calls[0][0].fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses a third certificate, a duplicate and malformed PEM', async () => {
    expect(await refusal(fixture(2).upload.execute({ CertificateBody: certificate }, meta))).toEqual([
      'LimitExceeded',
      'Cannot exceed quota for SigningCertificatesPerUser: 2',
    ]);
    expect(
      (await refusal(fixture(0, 'duplicate').upload.execute({ CertificateBody: certificate }, meta)))[0],
    ).toBe('DuplicateCertificate');
    const f = fixture(0);
    expect((await refusal(f.upload.execute({ CertificateBody: 'nope' }, meta)))[0]).toBe(
      'MalformedCertificate',
    );
    expect(f.repo.insert).not.toHaveBeenCalled();
  });

  it("answers NoSuchEntity for an id not the user's, changing nothing", async () => {
    const f = fixture(0);
    const CertificateId = 'A'.repeat(32);
    expect(
      await refusal(f.update.execute({ UserName: 'alice', CertificateId, Status: 'Inactive' }, meta)),
    ).toEqual(['NoSuchEntity', `The Certificate with id ${CertificateId} cannot be found.`]);
    expect((await refusal(f.del.execute({ UserName: 'alice', CertificateId }, meta)))[0]).toBe(
      'NoSuchEntity',
    );
    expect(f.repo.find).toHaveBeenCalledWith('AIDAALICE', CertificateId, tx);
    expect(f.repo.setStatus).not.toHaveBeenCalled();
    expect(f.repo.delete).not.toHaveBeenCalled();
  });
});
