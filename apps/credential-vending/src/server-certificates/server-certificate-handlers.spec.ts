import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { samlSigningKey } from '../../../../libs/testing/src/saml-idp';
import { IamArns } from '../common/arns';
import { ListServerCertificateTagsHandler } from './server-certificate-tags.handlers';
import { ServerCertificateKeys } from './server-certificate-keys';
import { ServerCertificatesRepository, StoredServerCertificate } from './server-certificates.repository';
import { ServerCertificateLookup } from './server-certificates';
import { UpdateServerCertificateHandler } from './update-server-certificate.handler';
import { UploadServerCertificateHandler } from './upload-server-certificate.handler';

const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: (work: (t: Transaction) => Promise<unknown>) => work(tx),
} as unknown as Transactions;
const arns = new IamArns('123456789012');
const keys = new ServerCertificateKeys(Buffer.alloc(32, 1));
const server = samlSigningKey('www.handlers.test');
const stranger = samlSigningKey('stranger.handlers.test');

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => [e.errorName, e.message],
  );

function upload(outcome: 'created' | 'exists' | 'quota') {
  const repo = { insert: jest.fn((_c: StoredServerCertificate, _quota: number) => Promise.resolve(outcome)) };
  const handler = new UploadServerCertificateHandler(
    transactions,
    arns,
    repo as unknown as ServerCertificatesRepository,
    keys,
  );
  return { repo, handler };
}

describe('UploadServerCertificate', () => {
  const req = {
    ServerCertificateName: 'web',
    Path: '/lb/',
    CertificateBody: server.certificate,
    PrivateKey: server.privateKey,
  };

  it('stores the key sealed under the new id, within the quota of 20, and never answers it', async () => {
    const f = upload('created');
    const answer = await f.handler.execute(req);
    const [stored, quota] = f.repo.insert.mock.calls[0];
    expect(quota).toBe(20);
    expect(stored.privateKeyEnc.toString('latin1')).not.toContain('PRIVATE KEY');
    expect(keys.open(stored.serverCertificateId, stored.privateKeyEnc)).toBe(server.privateKey);
    expect(answer.ServerCertificateMetadata).toMatchObject({
      ServerCertificateName: 'web',
      Path: '/lb/',
      ServerCertificateId: stored.serverCertificateId,
      Arn: 'arn:aws:iam::123456789012:server-certificate/lb/web',
    });
    expect(JSON.stringify(answer)).not.toContain('PRIVATE KEY');
  });

  it('answers EntityAlreadyExists and LimitExceeded as the repository decides', async () => {
    expect(await refusal(upload('exists').handler.execute(req))).toEqual([
      'EntityAlreadyExists',
      'The Server Certificate with name web already exists.',
    ]);
    expect(await refusal(upload('quota').handler.execute(req))).toEqual([
      'LimitExceeded',
      'Cannot exceed quota for ServerCertificatesPerAccount: 20',
    ]);
  });

  it("refuses someone else's key before writing anything, the key never in the message", async () => {
    const f = upload('created');
    const [name, message] = await refusal(f.handler.execute({ ...req, PrivateKey: stranger.privateKey }));
    expect(name).toBe('KeyPairMismatch');
    expect(message).not.toContain('PRIVATE KEY');
    expect(f.repo.insert).not.toHaveBeenCalled();
  });

  it('refuses a malformed private key with ValidationError that does not echo it', async () => {
    const f = upload('created');
    const [name, message] = await refusal(
      f.handler.execute({ ...req, PrivateKey: 'key\u0001with a control' }),
    );
    expect(name).toBe('ValidationError');
    expect(message).not.toContain('with a control');
  });
});

describe('UpdateServerCertificate and ListServerCertificateTags', () => {
  const stored = {
    serverCertificateId: 'ASCA1',
    name: 'web',
    path: '/lb/',
    arn: 'arn:aws:iam::123456789012:server-certificate/lb/web',
    certificateBody: server.certificate,
    certificateChain: null,
    expiration: new Date(0),
    tags: [
      { Key: 'zone', Value: 'a' },
      { Key: 'app', Value: 'b' },
    ],
    uploadedAt: new Date(0),
  };
  function fixture(renamed: 'renamed' | 'exists') {
    const repo = {
      findByName: jest.fn(() => Promise.resolve(stored)),
      rename: jest.fn(() => Promise.resolve(renamed)),
    };
    const certificates = repo as unknown as ServerCertificatesRepository;
    const lookup = new ServerCertificateLookup(certificates);
    return {
      repo,
      update: new UpdateServerCertificateHandler(transactions, arns, lookup, certificates),
      tags: new ListServerCertificateTagsHandler(lookup),
    };
  }

  it('renames and moves under the row lock, the ARN following; nothing to change is no write', async () => {
    const f = fixture('renamed');
    await f.update.execute({ ServerCertificateName: 'WEB', NewPath: '/x/' });
    expect(f.repo.findByName).toHaveBeenCalledWith('WEB', tx, true);
    expect(f.repo.rename).toHaveBeenCalledWith(
      'ASCA1',
      'web',
      '/x/',
      'arn:aws:iam::123456789012:server-certificate/x/web',
      tx,
    );
    await f.update.execute({ ServerCertificateName: 'web' });
    expect(f.repo.rename).toHaveBeenCalledTimes(1);
  });

  it('answers EntityAlreadyExists for a name another certificate has', async () => {
    expect(
      (
        await refusal(
          fixture('exists').update.execute({ ServerCertificateName: 'web', NewServerCertificateName: 'api' }),
        )
      )[0],
    ).toBe('EntityAlreadyExists');
  });

  it('lists the tags sorted by key, as the reference says', async () => {
    expect((await fixture('renamed').tags.execute({ ServerCertificateName: 'web' })).Tags).toEqual([
      { Key: 'app', Value: 'b' },
      { Key: 'zone', Value: 'a' },
    ]);
  });
});
