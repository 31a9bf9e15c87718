import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteSigningCertificateCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  IAMClient,
  ListSigningCertificatesCommand,
  PutUserPolicyCommand,
  UpdateSigningCertificateCommand,
  UploadSigningCertificateCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { samlSigningKey } from '../libs/testing/src/saml-idp';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

type Creds = { accessKeyId: string; secretAccessKey: string };

/**
 * IAM users' X.509 signing certificates as the IAM API reference describes them (ADR 0085):
 * UploadSigningCertificate ("its default status is Active"; "If the UserName is not specified,
 * the IAM user name is determined implicitly based on the ... access key ID used to sign the
 * request"; DuplicateCertificate "the same certificate is associated with an IAM user in the
 * account"), ListSigningCertificates, UpdateSigningCertificate (active / disabled),
 * DeleteSigningCertificate, and DeleteUser ("Before attempting to delete a user, remove ... Signing
 * certificate"). Certificates are made by openssl here.
 */
describe('IAM signing certificates', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: IAMClient[] = [];
  const iamAs = (credentials: Creds) => {
    const c = new IAMClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const iam = iamAs(admin);
  const unique = () => randomBytes(4).toString('hex');
  const cert = () => samlSigningKey(`signer-${unique()}.test`).certificate;

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function newUser() {
    const UserName = `sign-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    return UserName;
  }

  it('uploads Active certificates, two a user, lists, disables and deletes them', async () => {
    const UserName = await newUser();
    const body = cert();
    const { Certificate } = await iam.send(
      new UploadSigningCertificateCommand({ UserName, CertificateBody: body }),
    );
    expect(Certificate).toMatchObject({ UserName, CertificateBody: body, Status: 'Active' });
    expect(Certificate!.CertificateId).toMatch(/^\w{24,128}$/);
    expect(Certificate!.UploadDate).toBeInstanceOf(Date);
    const second = (
      await iam.send(new UploadSigningCertificateCommand({ UserName, CertificateBody: cert() }))
    ).Certificate!;
    await expectAwsError(
      iam.send(new UploadSigningCertificateCommand({ UserName, CertificateBody: cert() })),
      'LimitExceededException',
      { status: 409, message: 'Cannot exceed quota for SigningCertificatesPerUser: 2' },
    );

    await iam.send(
      new UpdateSigningCertificateCommand({
        UserName,
        CertificateId: Certificate!.CertificateId,
        Status: 'Inactive',
      }),
    );
    const first = await iam.send(new ListSigningCertificatesCommand({ UserName, MaxItems: 1 }));
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(new ListSigningCertificatesCommand({ UserName, Marker: first.Marker }));
    const all = [...first.Certificates!, ...rest.Certificates!];
    expect(all.map((c) => [c.CertificateId, c.Status]).sort()).toEqual(
      [
        [Certificate!.CertificateId, 'Inactive'],
        [second.CertificateId, 'Active'],
      ].sort(),
    );

    await expectAwsError(iam.send(new DeleteUserCommand({ UserName })), 'DeleteConflictException', {
      status: 409,
      message: 'Cannot delete entity, must delete signing certificates first.',
    });
    for (const c of all) {
      await iam.send(new DeleteSigningCertificateCommand({ UserName, CertificateId: c.CertificateId }));
    }
    expect((await iam.send(new ListSigningCertificatesCommand({ UserName }))).Certificates).toEqual([]);
    await iam.send(new DeleteUserCommand({ UserName }));
  });

  it("refuses a duplicate, malformed PEM and another user's certificate id", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const body = cert();
    const { Certificate } = await iam.send(
      new UploadSigningCertificateCommand({ UserName: alice, CertificateBody: body }),
    );
    await expectAwsError(
      iam.send(new UploadSigningCertificateCommand({ UserName: bob, CertificateBody: body })),
      'DuplicateCertificateException',
      { status: 409 },
    );
    await expectAwsError(
      iam.send(new UploadSigningCertificateCommand({ UserName: bob, CertificateBody: 'not a certificate' })),
      'MalformedCertificateException',
      { status: 400 },
    );
    await expectAwsError(
      iam.send(
        new UploadSigningCertificateCommand({ UserName: `gone-${unique()}`, CertificateBody: cert() }),
      ),
      'NoSuchEntityException',
    );
    // Alice's certificate id, re-targeted at Bob: answered as an unknown id, Alice's unchanged.
    const id = Certificate!.CertificateId!;
    const unknown = `The Certificate with id ${id} cannot be found.`;
    await expectAwsError(
      iam.send(new UpdateSigningCertificateCommand({ UserName: bob, CertificateId: id, Status: 'Inactive' })),
      'NoSuchEntityException',
      unknown,
    );
    await expectAwsError(
      iam.send(new DeleteSigningCertificateCommand({ UserName: bob, CertificateId: id })),
      'NoSuchEntityException',
      unknown,
    );
    expect(
      (await iam.send(new ListSigningCertificatesCommand({ UserName: alice }))).Certificates,
    ).toMatchObject([{ CertificateId: id, Status: 'Active' }]);
    await expectAwsError(
      iam.send(
        new UpdateSigningCertificateCommand({ UserName: alice, CertificateId: 'short', Status: 'Active' }),
      ),
      'ValidationError',
    );
    await expectAwsError(
      iam.send(
        new UpdateSigningCertificateCommand({
          UserName: alice,
          CertificateId: id,
          Status: 'Disabled' as 'Active',
        }),
      ),
      'ValidationError',
    );
  });

  it("lets a user manage its own certificates without UserName, and refuses another user's", async () => {
    const UserName = await newUser();
    const other = await newUser();
    await iam.send(
      new PutUserPolicyCommand({
        UserName,
        PolicyName: 'own-certificates',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'iam:*SigningCertificate*',
              Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
            },
          ],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    const self = iamAs({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const { Certificate } = await self.send(new UploadSigningCertificateCommand({ CertificateBody: cert() }));
    expect(Certificate!.UserName).toBe(UserName);
    expect(
      (await self.send(new ListSigningCertificatesCommand({}))).Certificates!.map((c) => c.CertificateId),
    ).toEqual([Certificate!.CertificateId]);
    await expectAwsError(
      self.send(new UploadSigningCertificateCommand({ UserName: other, CertificateBody: cert() })),
      'AccessDenied',
      new RegExp(`iam:UploadSigningCertificate on resource: arn:aws:iam::${ACCOUNT}:user/${other}`),
    );
    expect((await iam.send(new ListSigningCertificatesCommand({ UserName: other }))).Certificates).toEqual(
      [],
    );
    // The admin key is the root, which has no IAM user: UserName is required of it.
    await expectAwsError(iam.send(new ListSigningCertificatesCommand({})), 'ValidationError');
    await self.send(new DeleteSigningCertificateCommand({ CertificateId: Certificate!.CertificateId }));
    await iam.send(new DeleteAccessKeyCommand({ UserName, AccessKeyId: key.AccessKeyId }));
    await iam.send(new DeleteUserPolicyCommand({ UserName, PolicyName: 'own-certificates' }));
    await iam.send(new DeleteUserCommand({ UserName }));
  });

  it('refuses forged calls', async () => {
    const forged = iamAs({ accessKeyId: admin.accessKeyId, secretAccessKey: `${admin.secretAccessKey}x` });
    const UserName = await newUser();
    await expectAwsError(
      forged.send(new UploadSigningCertificateCommand({ UserName, CertificateBody: cert() })),
      'SignatureDoesNotMatch',
    );
    expect((await iam.send(new ListSigningCertificatesCommand({ UserName }))).Certificates).toEqual([]);
  });
});
