import { Inject, Injectable } from '@nestjs/common';
import { CreateUserRequest, CredentialVendingOperations, UserResult } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { newUserId } from '../common/ids';
import { Patterns, RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { validateUserName } from './user-requests';
import { toUser } from './user-shape';
import { StoredUser, UsersRepository } from './users.repository';
import { refuseReservedTagKeys } from '../common/iam-tags';

@Injectable()
export class CreateUserHandler implements OperationHandler<typeof CredentialVendingOperations.CreateUser> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(req: CreateUserRequest): Promise<UserResult> {
    validateUserName(req);
    RequestValidator.of(req)
      .string('Path', { min: 1, max: 512, pattern: Patterns.path })
      .string('PermissionsBoundary', { min: 20, max: 2048 })
      .tags()
      .check();
    refuseReservedTagKeys(req.Tags);
    const path = req.Path ?? '/';
    const now = new Date();
    const user: StoredUser = {
      userId: newUserId(),
      name: req.UserName,
      nameKey: req.UserName.toLowerCase(),
      path,
      arn: this.arns.user(path, req.UserName),
      permissionsBoundary: req.PermissionsBoundary ?? null,
      tags: (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' })),
      createdAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (tx) => {
      // The boundary's row is locked (shared with DeletePolicy's check) until the user is written.
      if (req.PermissionsBoundary !== undefined)
        await this.policies.requireByArn(req.PermissionsBoundary, tx, true);
      if ((await this.users.insert(user, tx)) === 'exists') throw IamErrors.userExists(req.UserName);
    });
    return { User: toUser(user) };
  }
}
