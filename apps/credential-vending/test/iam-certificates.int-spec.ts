import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { ServiceError } from '@idfed/messaging';
import { samlSigningKey } from '../../../libs/testing/src/saml-idp';
import { IamArns } from '../src/common/arns';
import { newRoleId, newUserId } from '../src/common/ids';
import { AddRoleToInstanceProfileHandler } from '../src/instance-profiles/add-role-to-instance-profile.handler';
import { CreateInstanceProfileHandler } from '../src/instance-profiles/create-instance-profile.handler';
import { DeleteRoleHandler } from '../src/roles/delete-role.handler';
import { RolesRepository } from '../src/roles/roles.repository';
import { UploadServerCertificateHandler } from '../src/server-certificates/upload-server-certificate.handler';
import { UploadSigningCertificateHandler } from '../src/signing-certificates/signing-certificate.handlers';
import { UsersRepository } from '../src/users/users.repository';
import { ACCOUNT, createServiceDatabase, serviceModule, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);
const admin = { requestId: 'r', caller: { kind: 'admin' as const, accessKeyId: 'AKIAADMINADMINADMIN0' } };
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [] });

/** Instance profiles and certificates on a real PostgreSQL (ADR 0085): the quotas under races. */
describe('IAM instance profiles and certificates on PostgreSQL', () => {
  let db: ServiceDatabase;
  let module: TestingModule;
  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  const outcomes = async (work: Promise<unknown>[]) =>
    (await Promise.allSettled(work)).map((r) =>
      r.status === 'fulfilled' ? 'ok' : ((r.reason as ServiceError).errorName ?? String(r.reason)),
    );

  beforeAll(async () => {
    db = await createServiceDatabase();
    module = await serviceModule(db.ds);
  });

  afterAll(async () => {
    await module?.close();
    await db?.drop();
  });

  async function newRole(): Promise<string> {
    const name = unique('role');
    const now = new Date();
    await module.get(RolesRepository).insert({
      roleId: newRoleId(),
      name,
      nameKey: name.toLowerCase(),
      path: '/',
      arn: arns.role('/', name),
      assumeRolePolicy: TRUST,
      description: null,
      maxSessionDuration: 3600,
      tags: [],
      createdAt: now,
      updatedAt: now,
    });
    return name;
  }

  it('lets one of eight racing AddRoleToInstanceProfile calls in, and DeleteRole of it conflict', async () => {
    const InstanceProfileName = unique('profile');
    await module.get(CreateInstanceProfileHandler).execute({ InstanceProfileName });
    const roles = await Promise.all(Array.from({ length: 8 }, () => newRole()));
    const add = module.get(AddRoleToInstanceProfileHandler);
    const results = await outcomes(roles.map((RoleName) => add.execute({ InstanceProfileName, RoleName })));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'LimitExceeded')).toHaveLength(7);
    const added = roles[results.indexOf('ok')];
    expect(await outcomes([module.get(DeleteRoleHandler).execute({ RoleName: added })])).toEqual([
      'DeleteConflict',
    ]);
  });

  it('lets one of eight users take a signing certificate racing for it', async () => {
    const users = module.get(UsersRepository);
    const names = Array.from({ length: 8 }, () => unique('user'));
    for (const name of names) {
      const now = new Date();
      await users.insert({
        userId: newUserId(),
        name,
        nameKey: name.toLowerCase(),
        path: '/',
        arn: arns.user('/', name),
        permissionsBoundary: null,
        tags: [],
        createdAt: now,
        updatedAt: now,
      });
    }
    const { certificate } = samlSigningKey('race.signing.test');
    const upload = module.get(UploadSigningCertificateHandler);
    const results = await outcomes(
      names.map((UserName) => upload.execute({ UserName, CertificateBody: certificate }, admin)),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'DuplicateCertificate')).toHaveLength(7);
  });

  it('holds the account to 20 server certificates under eight racing uploads', async () => {
    const { certificate, privateKey } = samlSigningKey('race.server.test');
    const upload = module.get(UploadServerCertificateHandler);
    const existing = Number(
      (
        await db.ds.query<{ n: string }[]>('SELECT count(*) AS n FROM credential_vending.server_certificates')
      )[0].n,
    );
    for (let i = existing; i < 18; i++) {
      await upload.execute({
        ServerCertificateName: unique('cert'),
        CertificateBody: certificate,
        PrivateKey: privateKey,
      });
    }
    const results = await outcomes(
      Array.from({ length: 8 }, () =>
        upload.execute({
          ServerCertificateName: unique('cert'),
          CertificateBody: certificate,
          PrivateKey: privateKey,
        }),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(2);
    expect(results.filter((r) => r === 'LimitExceeded')).toHaveLength(6);
  });
});
