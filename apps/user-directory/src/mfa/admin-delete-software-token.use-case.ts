import { Inject, Injectable } from '@nestjs/common';
import { AdminDeleteSoftwareTokenRequest, UserDirectoryOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from '../users/user-lookup';
import { UserMfaRepository } from './user-mfa.repository';

/**
 * AdminDeleteSoftwareToken: the user's TOTP factor is forgotten (the verified secret and one
 * AssociateSoftwareToken handed out), so a lost authenticator no longer signs in and a new one can
 * be associated. A user without one is answered as one with: there is nothing left to delete.
 */
@Injectable()
export class AdminDeleteSoftwareTokenUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminDeleteSoftwareToken
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserMfaRepository) private readonly rows: UserMfaRepository,
  ) {}

  async execute(req: AdminDeleteSoftwareTokenRequest): Promise<Record<string, never>> {
    await this.transactions.run(async (tx) => {
      const { user } = await this.lookup.requireAdminUser(req, tx);
      await this.rows.deleteSoftwareToken(user.sub, new Date(), tx);
    });
    return {};
  }
}
