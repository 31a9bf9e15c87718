import {
  CreateUserCommand,
  DeleteSSHPublicKeyCommand,
  DeleteUserCommand,
  GetSSHPublicKeyCommand,
  IAMClient,
  ListSSHPublicKeysCommand,
  UpdateSSHPublicKeyCommand,
  UploadSSHPublicKeyCommand,
} from '@aws-sdk/client-iam';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';

/** A new RSA public key: its PEM, OpenSSH's ssh-rsa line and MD5 fingerprint (ssh-keygen). */
function rsaKey(bits = 2048) {
  const pem = generateKeyPairSync('rsa', { modulusLength: bits })
    .publicKey.export({ format: 'pem', type: 'spki' })
    .toString();
  const dir = mkdtempSync(join(tmpdir(), 'idfed-ssh-e2e-'));
  try {
    writeFileSync(join(dir, 'key.pem'), pem);
    const ssh = execFileSync('ssh-keygen', ['-i', '-m', 'PKCS8', '-f', join(dir, 'key.pem')])
      .toString()
      .trim();
    writeFileSync(join(dir, 'key.pub'), `${ssh}\n`);
    const listed = execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', join(dir, 'key.pub')]).toString();
    return { pem, ssh, md5: /MD5:([0-9a-f:]+)/.exec(listed)![1] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * IAM users' SSH public keys as the IAM API reference describes them (ADR 0085): "must be encoded
 * in ssh-rsa format or PEM format. The minimum bit-length of the public key is 2048 bits";
 * GetSSHPublicKey's `Encoding` SSH or PEM; `Fingerprint` "The MD5 message digest of the SSH public
 * key"; DuplicateSSHPublicKey "already associated with the specified IAM user"; DeleteUser's
 * "Before attempting to delete a user, remove ... SSH public key".
 */
describe('IAM SSH public keys', () => {
  const system = e2eSystem();
  const iam = new IAMClient({
    region: REGION,
    endpoint: system.endpoint,
    credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    maxAttempts: 1,
  });
  const unique = () => randomBytes(4).toString('hex');

  afterAll(() => iam.destroy());

  async function newUser() {
    const UserName = `ssh-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    return UserName;
  }

  it('uploads ssh-rsa and PEM keys, answers both encodings and the MD5 fingerprint, five a user', async () => {
    const UserName = await newUser();
    const key = rsaKey();
    const { SSHPublicKey } = await iam.send(
      new UploadSSHPublicKeyCommand({ UserName, SSHPublicKeyBody: `${key.ssh} me@laptop` }),
    );
    expect(SSHPublicKey).toMatchObject({
      UserName,
      Fingerprint: key.md5,
      SSHPublicKeyBody: key.ssh,
      Status: 'Active',
    });
    const id = SSHPublicKey!.SSHPublicKeyId!;
    expect(id).toMatch(/^APKA[A-Z2-7]{17}$/);
    const asPem = await iam.send(
      new GetSSHPublicKeyCommand({ UserName, SSHPublicKeyId: id, Encoding: 'PEM' }),
    );
    expect(asPem.SSHPublicKey!.SSHPublicKeyBody).toBe(key.pem);
    const asSsh = await iam.send(
      new GetSSHPublicKeyCommand({ UserName, SSHPublicKeyId: id, Encoding: 'SSH' }),
    );
    expect(asSsh.SSHPublicKey!.SSHPublicKeyBody).toBe(key.ssh);

    // The same key again, in the other encoding, is still the same key.
    await expectAwsError(
      iam.send(new UploadSSHPublicKeyCommand({ UserName, SSHPublicKeyBody: key.pem })),
      'DuplicateSSHPublicKeyException',
      { status: 400 },
    );
    for (let i = 0; i < 4; i++) {
      await iam.send(new UploadSSHPublicKeyCommand({ UserName, SSHPublicKeyBody: rsaKey().pem }));
    }
    await expectAwsError(
      iam.send(new UploadSSHPublicKeyCommand({ UserName, SSHPublicKeyBody: rsaKey().ssh })),
      'LimitExceededException',
      { status: 409, message: 'Cannot exceed quota for SSHPublicKeysPerUser: 5' },
    );

    await iam.send(new UpdateSSHPublicKeyCommand({ UserName, SSHPublicKeyId: id, Status: 'Inactive' }));
    const first = await iam.send(new ListSSHPublicKeysCommand({ UserName, MaxItems: 3 }));
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(new ListSSHPublicKeysCommand({ UserName, Marker: first.Marker }));
    const all = [...first.SSHPublicKeys!, ...rest.SSHPublicKeys!];
    expect(all).toHaveLength(5);
    expect(all.find((k) => k.SSHPublicKeyId === id)!.Status).toBe('Inactive');

    await expectAwsError(iam.send(new DeleteUserCommand({ UserName })), 'DeleteConflictException', {
      status: 409,
      message: 'Cannot delete entity, must delete SSH public keys first.',
    });
    for (const k of all) {
      await iam.send(new DeleteSSHPublicKeyCommand({ UserName, SSHPublicKeyId: k.SSHPublicKeyId }));
    }
    await iam.send(new DeleteUserCommand({ UserName }));
  });

  it("refuses short, foreign-format and malformed keys, and another user's key id", async () => {
    const alice = await newUser();
    const bob = await newUser();
    await expectAwsError(
      iam.send(new UploadSSHPublicKeyCommand({ UserName: alice, SSHPublicKeyBody: rsaKey(1024).ssh })),
      'InvalidPublicKeyException',
      { status: 400 },
    );
    const ed25519 = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'pem', type: 'spki' })
      .toString();
    await expectAwsError(
      iam.send(new UploadSSHPublicKeyCommand({ UserName: alice, SSHPublicKeyBody: ed25519 })),
      'UnrecognizedPublicKeyEncodingException',
      { status: 400 },
    );
    await expectAwsError(
      iam.send(
        new UploadSSHPublicKeyCommand({ UserName: alice, SSHPublicKeyBody: 'ssh-rsa AAAAB3NzaC1yc2E=' }),
      ),
      'InvalidPublicKeyException',
      { status: 400 },
    );
    const key = rsaKey();
    const id = (await iam.send(new UploadSSHPublicKeyCommand({ UserName: alice, SSHPublicKeyBody: key.ssh })))
      .SSHPublicKey!.SSHPublicKeyId!;
    // The same key for another user is another user's key: accepted.
    await iam.send(new UploadSSHPublicKeyCommand({ UserName: bob, SSHPublicKeyBody: key.ssh }));
    const unknown = `The Public Key with id ${id} cannot be found.`;
    await expectAwsError(
      iam.send(new GetSSHPublicKeyCommand({ UserName: bob, SSHPublicKeyId: id, Encoding: 'SSH' })),
      'NoSuchEntityException',
      unknown,
    );
    await expectAwsError(
      iam.send(new UpdateSSHPublicKeyCommand({ UserName: bob, SSHPublicKeyId: id, Status: 'Inactive' })),
      'NoSuchEntityException',
      unknown,
    );
    await expectAwsError(
      iam.send(new DeleteSSHPublicKeyCommand({ UserName: bob, SSHPublicKeyId: id })),
      'NoSuchEntityException',
      unknown,
    );
    const kept = await iam.send(
      new GetSSHPublicKeyCommand({ UserName: alice, SSHPublicKeyId: id, Encoding: 'SSH' }),
    );
    expect(kept.SSHPublicKey!.Status).toBe('Active');
    await expectAwsError(
      iam.send(new GetSSHPublicKeyCommand({ UserName: alice, SSHPublicKeyId: id, Encoding: 'DER' as 'PEM' })),
      'ValidationError',
    );
  });
});
