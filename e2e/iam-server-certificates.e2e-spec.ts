import {
  DeleteServerCertificateCommand,
  GetServerCertificateCommand,
  IAMClient,
  ListServerCertificatesCommand,
  ListServerCertificateTagsCommand,
  TagServerCertificateCommand,
  UntagServerCertificateCommand,
  UpdateServerCertificateCommand,
  UploadServerCertificateCommand,
} from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { samlSigningKey } from '../libs/testing/src/saml-idp';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';
import { databaseUrlOf } from './support/secret-scan';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

type Creds = { accessKeyId: string; secretAccessKey: string };

/** The base64 of a PEM's body on one line: what a leak of the key would contain, however wrapped. */
const pemBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

/**
 * IAM server certificates as the IAM API reference describes them (ADR 0085):
 * UploadServerCertificate ("a public key certificate, a private key, and an optional certificate
 * chain, which should all be PEM-encoded"; MalformedCertificate "malformed or expired",
 * KeyPairMismatch "the public key certificate and the private key do not match"),
 * GetServerCertificate (the certificate and chain, never the key), ListServerCertificates (path
 * prefix, paged, no tags), UpdateServerCertificate (name and path; "permission to change the server
 * certificate with the old name and the new name"), DeleteServerCertificate and the tag operations
 * (ListServerCertificateTags "sorted by tag key"). Certificates and keys are made by openssl here.
 */
describe('IAM server certificates', () => {
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
  const server = samlSigningKey('www.server-cert.test');
  const intermediate = samlSigningKey('ca.server-cert.test');
  const stranger = samlSigningKey('stranger.server-cert.test');
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: databaseUrlOf(system) });
    await db.connect();
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await db.end();
  });

  const upload = (ServerCertificateName: string, extra: Partial<{ Path: string; PrivateKey: string }> = {}) =>
    iam.send(
      new UploadServerCertificateCommand({
        ServerCertificateName,
        CertificateBody: server.certificate,
        PrivateKey: server.privateKey,
        ...extra,
      }),
    );

  async function newUser(statements: object[]) {
    return iamAs((await iamUserWithKey(iam, { prefix: 'sc-user', statements })).credentials);
  }

  it('uploads, reads, lists by path and pages, renames and deletes, never answering the key', async () => {
    const path = `/sc-${unique()}/`;
    const name = `web-${unique()}`;
    const uploaded = await iam.send(
      new UploadServerCertificateCommand({
        ServerCertificateName: name,
        Path: path,
        CertificateBody: server.certificate,
        PrivateKey: server.privateKey,
        CertificateChain: intermediate.certificate,
        Tags: [{ Key: 'team', Value: 'web' }],
      }),
    );
    const meta = uploaded.ServerCertificateMetadata!;
    expect(meta).toMatchObject({
      ServerCertificateName: name,
      Path: path,
      Arn: `arn:aws:iam::${ACCOUNT}:server-certificate${path}${name}`,
    });
    expect(meta.ServerCertificateId).toMatch(/^ASCA[A-Z2-7]{17}$/);
    expect(meta.UploadDate).toBeInstanceOf(Date);
    expect(meta.Expiration!.getTime()).toBeGreaterThan(Date.now());
    expect(uploaded.Tags).toEqual([{ Key: 'team', Value: 'web' }]);
    expect(JSON.stringify(uploaded)).not.toContain(pemBody(server.privateKey).slice(0, 40));

    const got = (
      await iam.send(new GetServerCertificateCommand({ ServerCertificateName: name.toUpperCase() }))
    ).ServerCertificate!;
    expect(got.ServerCertificateMetadata).toEqual(meta);
    expect(got.CertificateBody).toBe(server.certificate);
    expect(got.CertificateChain).toBe(intermediate.certificate);
    expect(got.Tags).toEqual([{ Key: 'team', Value: 'web' }]);
    expect(JSON.stringify(got)).not.toContain(pemBody(server.privateKey).slice(0, 40));

    // At rest the key is sealed: no column of the row holds it.
    const rows = await db.query<{ row: string }>(
      `SELECT row_to_json(c)::text AS row FROM credential_vending.server_certificates c WHERE name = $1`,
      [name],
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].row).not.toContain(pemBody(server.privateKey).slice(0, 40));
    expect(rows.rows[0].row).not.toContain('PRIVATE KEY');

    const others = [`a-${unique()}`, `b-${unique()}`];
    for (const n of others) await upload(n, { Path: `${path}sub/` });
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await iam.send(
        new ListServerCertificatesCommand({ PathPrefix: path, MaxItems: 2, Marker }),
      );
      expect(page.ServerCertificateMetadataList!.length).toBeLessThanOrEqual(2);
      seen.push(...page.ServerCertificateMetadataList!.map((c) => c.ServerCertificateName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    expect(seen).toEqual([name, ...others].sort());

    const renamed = `renamed-${unique()}`;
    await iam.send(
      new UpdateServerCertificateCommand({
        ServerCertificateName: name,
        NewServerCertificateName: renamed,
        NewPath: '/moved/',
      }),
    );
    const moved = (await iam.send(new GetServerCertificateCommand({ ServerCertificateName: renamed })))
      .ServerCertificate!.ServerCertificateMetadata!;
    expect(moved).toMatchObject({
      ServerCertificateId: meta.ServerCertificateId,
      Path: '/moved/',
      Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/moved/${renamed}`,
    });
    await expectAwsError(
      iam.send(new GetServerCertificateCommand({ ServerCertificateName: name })),
      'NoSuchEntityException',
      `The Server Certificate with name ${name} cannot be found.`,
    );
    await expectAwsError(
      iam.send(
        new UpdateServerCertificateCommand({
          ServerCertificateName: renamed,
          NewServerCertificateName: others[0],
        }),
      ),
      'EntityAlreadyExistsException',
    );
    await expectAwsError(upload(others[0].toUpperCase()), 'EntityAlreadyExistsException', {
      message: `The Server Certificate with name ${others[0].toUpperCase()} already exists.`,
    });
    for (const n of [renamed, ...others]) {
      await iam.send(new DeleteServerCertificateCommand({ ServerCertificateName: n }));
    }
    await expectAwsError(
      iam.send(new DeleteServerCertificateCommand({ ServerCertificateName: renamed })),
      'NoSuchEntityException',
    );
  });

  it("refuses someone else's key, malformed PEM and bad names, storing nothing", async () => {
    const name = `bad-${unique()}`;
    await expectAwsError(upload(name, { PrivateKey: stranger.privateKey }), 'KeyPairMismatchException', {
      status: 400,
      message: 'The public key certificate and the private key do not match.',
    });
    await expectAwsError(
      iam.send(
        new UploadServerCertificateCommand({
          ServerCertificateName: name,
          CertificateBody: 'not a certificate',
          PrivateKey: server.privateKey,
        }),
      ),
      'MalformedCertificateException',
      { status: 400 },
    );
    await expectAwsError(upload(name, { PrivateKey: 'not a key at all' }), 'MalformedCertificateException', {
      status: 400,
    });
    await expectAwsError(
      iam.send(
        new UploadServerCertificateCommand({
          ServerCertificateName: name,
          CertificateBody: server.certificate,
          PrivateKey: server.privateKey,
          CertificateChain: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
        }),
      ),
      'MalformedCertificateException',
      { status: 400 },
    );
    await expectAwsError(upload('no spaces allowed'), 'ValidationError');
    await expectAwsError(upload(name, { Path: 'relative' }), 'ValidationError');
    await expectAwsError(
      iam.send(
        new UploadServerCertificateCommand({
          ServerCertificateName: name,
          CertificateBody: server.certificate,
          PrivateKey: server.privateKey,
          Tags: [{ Key: 'aws:x', Value: '' }],
        }),
      ),
      'InvalidInputException',
    );
    await expectAwsError(
      iam.send(new GetServerCertificateCommand({ ServerCertificateName: name })),
      'NoSuchEntityException',
    );
  });

  it('tags as IAM: merge in any case, listed sorted by key, aws: refused, 50 at most', async () => {
    const ServerCertificateName = `tags-${unique()}`;
    await upload(ServerCertificateName);
    await iam.send(
      new TagServerCertificateCommand({
        ServerCertificateName,
        Tags: [
          { Key: 'zone', Value: 'a' },
          { Key: 'app', Value: 'web' },
        ],
      }),
    );
    await iam.send(
      new TagServerCertificateCommand({ ServerCertificateName, Tags: [{ Key: 'ZONE', Value: 'b' }] }),
    );
    const first = await iam.send(
      new ListServerCertificateTagsCommand({ ServerCertificateName, MaxItems: 1 }),
    );
    expect(first).toMatchObject({ IsTruncated: true, Tags: [{ Key: 'ZONE', Value: 'b' }] });
    const rest = await iam.send(
      new ListServerCertificateTagsCommand({ ServerCertificateName, Marker: first.Marker }),
    );
    expect(rest).toMatchObject({ IsTruncated: false, Tags: [{ Key: 'app', Value: 'web' }] });
    await expectAwsError(
      iam.send(
        new TagServerCertificateCommand({ ServerCertificateName, Tags: [{ Key: 'aws:x', Value: '' }] }),
      ),
      'InvalidInputException',
    );
    await expectAwsError(
      iam.send(
        new TagServerCertificateCommand({
          ServerCertificateName,
          Tags: Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: '' })),
        }),
      ),
      'LimitExceededException',
      { status: 409 },
    );
    await iam.send(new UntagServerCertificateCommand({ ServerCertificateName, TagKeys: ['zone', 'absent'] }));
    expect((await iam.send(new ListServerCertificateTagsCommand({ ServerCertificateName }))).Tags).toEqual([
      { Key: 'app', Value: 'web' },
    ]);
    await iam.send(new DeleteServerCertificateCommand({ ServerCertificateName }));
  });

  it('decides an IAM user on the stored path, and a rename on the new name too', async () => {
    const allowed = `/ok-${unique()}/`;
    const inside = `in-${unique()}`;
    const outside = `out-${unique()}`;
    await upload(inside, { Path: allowed });
    await upload(outside, { Path: '/other/' });
    const user = await newUser([
      {
        Effect: 'Allow',
        Action: 'iam:*ServerCertificate*',
        Resource: `arn:aws:iam::${ACCOUNT}:server-certificate${allowed}*`,
      },
    ]);
    expect(
      (await user.send(new GetServerCertificateCommand({ ServerCertificateName: inside }))).ServerCertificate!
        .ServerCertificateMetadata!.Path,
    ).toBe(allowed);
    await expectAwsError(
      user.send(new GetServerCertificateCommand({ ServerCertificateName: outside })),
      'AccessDenied',
      new RegExp(`on resource: arn:aws:iam::${ACCOUNT}:server-certificate/other/${outside}`),
    );
    // Moving it out of the allowed path is decided on the new ARN as well: refused, unchanged.
    await expectAwsError(
      user.send(new UpdateServerCertificateCommand({ ServerCertificateName: inside, NewPath: '/other/' })),
      'AccessDenied',
      new RegExp(`server-certificate/other/${inside}`),
    );
    const renamed = `in2-${unique()}`;
    await user.send(
      new UpdateServerCertificateCommand({
        ServerCertificateName: inside,
        NewServerCertificateName: renamed,
      }),
    );
    await expectAwsError(
      user.send(new DeleteServerCertificateCommand({ ServerCertificateName: outside })),
      'AccessDenied',
    );
    // Uploading into another path is decided on that path.
    await expectAwsError(
      user.send(
        new UploadServerCertificateCommand({
          ServerCertificateName: `u-${unique()}`,
          Path: '/other/',
          CertificateBody: server.certificate,
          PrivateKey: server.privateKey,
        }),
      ),
      'AccessDenied',
    );
    await user.send(new DeleteServerCertificateCommand({ ServerCertificateName: renamed }));
    await iam.send(new DeleteServerCertificateCommand({ ServerCertificateName: outside }));
  });

  it('refuses forged and anonymous uploads', async () => {
    const forged = iamAs({ accessKeyId: admin.accessKeyId, secretAccessKey: `${admin.secretAccessKey}x` });
    const ServerCertificateName = `forged-${unique()}`;
    await expectAwsError(
      forged.send(
        new UploadServerCertificateCommand({
          ServerCertificateName,
          CertificateBody: server.certificate,
          PrivateKey: server.privateKey,
        }),
      ),
      'SignatureDoesNotMatch',
    );
    const anonymous = await fetch(system.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'UploadServerCertificate',
        Version: '2010-05-08',
        ServerCertificateName,
        CertificateBody: server.certificate,
        PrivateKey: server.privateKey,
      }).toString(),
    });
    expect(anonymous.status).toBe(403);
    const text = await anonymous.text();
    expect(text).toMatch(/<Code>MissingAuthenticationToken<\/Code>/);
    expect(text).not.toContain(pemBody(server.privateKey).slice(0, 40));
    await expectAwsError(
      iam.send(new GetServerCertificateCommand({ ServerCertificateName })),
      'NoSuchEntityException',
    );
  });
});
