import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  DeleteSSHPublicKeyRequest,
  EmptyResult,
  GetSSHPublicKeyRequest,
  ListSSHPublicKeysRequest,
  ListSSHPublicKeysResult,
  SSHPublicKeyResult,
  UpdateSSHPublicKeyRequest,
  UploadSSHPublicKeyRequest,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { newSshPublicKeyId } from '../common/ids';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import {
  CredentialQuota,
  NamedCredential,
  noSuchCredential,
  UserCredentialSteps,
} from '../users/user-credential-steps';
import { parseSshPublicKey } from './ssh-key-encoding';
import { SshPublicKeysRepository, StoredSshKey } from './ssh-public-keys.repository';

/** IAM's quota of SSH public keys a user. */
export const SSH_PUBLIC_KEYS_PER_USER = 5;

// eslint-disable-next-line no-control-regex -- IAM's own character set includes tab, LF and CR
const KEY_TEXT = /^(?:[\u0009\u000A\u000D\u0020-\u00FF]+)$/;
const USER_NAME = { min: 1, max: 64, pattern: /^(?:[\w+=,.@-]+)$/ };
const KEY_ID = { required: true, min: 20, max: 128, pattern: /^(?:[\w]+)$/ };
const STATUSES = ['Active', 'Inactive', 'Expired'] as const;

export const SshPublicKeyErrors = {
  noSuchKey: (id: string): ServiceError<'NoSuchEntity'> => noSuchCredential('Public Key', id),
  duplicate: (): ServiceError<'DuplicateSSHPublicKey'> =>
    new ServiceError(
      'DuplicateSSHPublicKey',
      'The SSH public key is already associated with the specified IAM user.',
    ),
  /** DeleteUser of a user with SSH public keys. */
  userHasKeys: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must delete SSH public keys first.'),
};

/** The user's key of that id, for the shared steps. */
const keyOf = (keys: SshPublicKeysRepository, id: string): NamedCredential<StoredSshKey> => ({
  find: (userId, tx) => keys.find(userId, id, tx),
  notFound: () => SshPublicKeyErrors.noSuchKey(id),
});

const toKey = (userName: string, k: StoredSshKey, body: string) => ({
  UserName: userName,
  SSHPublicKeyId: k.sshPublicKeyId,
  Fingerprint: k.fingerprint,
  SSHPublicKeyBody: body,
  Status: k.status,
  UploadDate: awsTimestamp(k.uploadedAt),
});

/**
 * IAM UploadSSHPublicKey (ADR 0085): an RSA key of 2048 bits or more, ssh-rsa or PEM
 * (ssh-key-encoding.ts), Active, answered in ssh-rsa form with its MD5 fingerprint; the same key
 * twice for a user is DuplicateSSHPublicKey; five a user (LimitExceeded) under the user's row lock.
 */
@Injectable()
export class UploadSSHPublicKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.UploadSSHPublicKey
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(SshPublicKeysRepository) private readonly keys: SshPublicKeysRepository,
  ) {}

  async execute(req: UploadSSHPublicKeyRequest, meta: CommandMeta): Promise<SSHPublicKeyResult> {
    RequestValidator.of(req)
      .string('UserName', { ...USER_NAME, required: true })
      .string('SSHPublicKeyBody', { required: true, min: 1, max: 16384, pattern: KEY_TEXT })
      .check();
    const parsed = parseSshPublicKey(req.SSHPublicKeyBody);
    const quota: CredentialQuota = {
      name: 'SSHPublicKeysPerUser',
      limit: SSH_PUBLIC_KEYS_PER_USER,
      count: (userId, tx) => this.keys.countOf(userId, tx),
    };
    return this.steps.add(req.UserName, meta, quota, async (user, tx) => {
      const stored: StoredSshKey = {
        sshPublicKeyId: newSshPublicKeyId(),
        userId: user.userId,
        body: parsed.ssh,
        fingerprint: parsed.fingerprint,
        status: 'Active',
        uploadedAt: new Date(),
      };
      if ((await this.keys.insert(stored, tx)) === 'duplicate') throw SshPublicKeyErrors.duplicate();
      return { SSHPublicKey: toKey(user.name, stored, stored.body) };
    });
  }
}

/** IAM GetSSHPublicKey: the key in the Encoding asked for (ssh-rsa, or PEM derived from it). */
@Injectable()
export class GetSSHPublicKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetSSHPublicKey
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(SshPublicKeysRepository) private readonly keys: SshPublicKeysRepository,
  ) {}

  async execute(req: GetSSHPublicKeyRequest, meta: CommandMeta): Promise<SSHPublicKeyResult> {
    RequestValidator.of(req)
      .string('UserName', { ...USER_NAME, required: true })
      .string('SSHPublicKeyId', KEY_ID)
      .oneOf('Encoding', ['SSH', 'PEM'], true)
      .check();
    const { user, found } = await this.steps.readOwn(
      req.UserName,
      meta,
      keyOf(this.keys, req.SSHPublicKeyId),
    );
    const body = req.Encoding === 'PEM' ? parseSshPublicKey(found.body).pem : found.body;
    return { SSHPublicKey: toKey(user.name, found, body) };
  }
}

/** IAM ListSSHPublicKeys: ids, statuses and dates of the user's keys (the signer's without UserName). */
@Injectable()
export class ListSSHPublicKeysHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListSSHPublicKeys
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(SshPublicKeysRepository) private readonly keys: SshPublicKeysRepository,
  ) {}

  async execute(req: ListSSHPublicKeysRequest, meta: CommandMeta): Promise<ListSSHPublicKeysResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const { user, page, truncation } = await this.steps.page(req, meta, (userId, after, max) =>
      this.keys.page(userId, after, max),
    );
    return {
      SSHPublicKeys: page.map((k) => ({
        UserName: user.name,
        SSHPublicKeyId: k.sshPublicKeyId,
        Status: k.status,
        UploadDate: awsTimestamp(k.uploadedAt),
      })),
      ...truncation,
    };
  }
}

/** IAM UpdateSSHPublicKey: the status; another user's key id is NoSuchEntity. */
@Injectable()
export class UpdateSSHPublicKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateSSHPublicKey
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(SshPublicKeysRepository) private readonly keys: SshPublicKeysRepository,
  ) {}

  async execute(req: UpdateSSHPublicKeyRequest, meta: CommandMeta): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('UserName', { ...USER_NAME, required: true })
      .string('SSHPublicKeyId', KEY_ID)
      .oneOf('Status', STATUSES, true)
      .check();
    await this.steps.onOwn(req.UserName, meta, keyOf(this.keys, req.SSHPublicKeyId), (k, tx) =>
      this.keys.setStatus(k.sshPublicKeyId, req.Status, tx),
    );
    return {};
  }
}

/** IAM DeleteSSHPublicKey: another user's key id is NoSuchEntity, as an unknown one. */
@Injectable()
export class DeleteSSHPublicKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteSSHPublicKey
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(SshPublicKeysRepository) private readonly keys: SshPublicKeysRepository,
  ) {}

  async execute(req: DeleteSSHPublicKeyRequest, meta: CommandMeta): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('UserName', { ...USER_NAME, required: true })
      .string('SSHPublicKeyId', KEY_ID)
      .check();
    await this.steps.onOwn(req.UserName, meta, keyOf(this.keys, req.SSHPublicKeyId), (k, tx) =>
      this.keys.delete(k.sshPublicKeyId, tx),
    );
    return {};
  }
}
