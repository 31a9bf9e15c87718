import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { StoredUser, UsersRepository } from './users.repository';
import { validateUserName } from './user-requests';

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
}
