import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta } from '@idfed/contracts';
import { Transaction } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { StoredUser, UsersRepository } from './users.repository';
import { requireNamedUser, validateUserName } from './user-requests';

/** Finds the user an operation names (case-insensitively, as IAM), or fails with NoSuchEntity. */
@Injectable()
export class UserLookup {
  constructor(@Inject(UsersRepository) private readonly users: UsersRepository) {}

  /** `lock` holds the user's row until the unit of work ends. */
  async require(userName: string, tx?: Transaction, lock = false): Promise<StoredUser> {
    validateUserName({ UserName: userName });
    const user = await this.users.findByName(userName, tx, lock);
    if (!user) throw IamErrors.noSuchUser(userName);
    return user;
  }

  /**
   * The user an operation whose UserName is optional acts on: the named one, else the IAM user
   * whose key signed the request (IAM: "If you do not specify a user name, IAM determines the user
   * name implicitly based on the Amazon Web Services access key ID used to sign the request").
   * Undefined for the account root (the admin key), which has no IAM user.
   */
  async target(
    userName: string | undefined,
    meta: Pick<CommandMeta, 'caller'>,
    tx?: Transaction,
    lock = false,
  ): Promise<StoredUser | undefined> {
    if (userName !== undefined) return this.require(userName, tx, lock);
    const caller = meta.caller;
    const userId =
      caller.kind === 'admin' && caller.principalId?.startsWith('AIDA') ? caller.principalId : undefined;
    if (!userId) return undefined;
    const self = await this.users.findById(userId, tx);
    // A user deleted since its key was checked: as if named and not found.
    if (!self)
      throw IamErrors.noSuchUser(
        caller.kind === 'admin' ? (caller.principalArn?.split('/').pop() ?? userId) : userId,
      );
    return lock ? this.require(self.name, tx, true) : self;
  }

  /** target(), for the operations the root cannot take without a UserName (ValidationError). */
  async requireTarget(
    userName: string | undefined,
    meta: Pick<CommandMeta, 'caller'>,
    tx?: Transaction,
    lock = false,
  ): Promise<StoredUser> {
    const user = await this.target(userName, meta, tx, lock);
    if (!user) requireNamedUser(undefined);
    return user!;
  }
}
