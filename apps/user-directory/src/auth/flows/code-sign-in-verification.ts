import { Inject, Injectable } from '@nestjs/common';
import { Transactions } from '@idfed/persistence';
import { UserEntity } from '../../database/entities';
import { UserLookup } from '../../users/user-lookup';
import { UsersRepository } from '../../users/users.repository';
import { isVerified } from '../../users/verified-flag';

/**
 * A first-factor code sign-in (USER_AUTH's EMAIL_OTP or SMS_OTP) proves the user holds the email
 * or phone the code went to, so that attribute becomes verified, as Cognito marks it (ADR 0062).
 * MFA codes after a password do not: they go only to an already verified attribute.
 */
@Injectable()
export class CodeSignInVerification {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
  ) {}

  /** The user with `attribute` verified (written when it was not); unchanged when another user holds it as an alias. */
  async verified(user: UserEntity, attribute: 'email' | 'phone_number'): Promise<UserEntity> {
    const flag = `${attribute}_verified`;
    if (!user.attributes[attribute] || isVerified(user.attributes[flag])) return user;
    return this.transactions.run(async (tx) => {
      const locked = await this.lookup.lockUser(user.sub, tx);
      // Changed since the code went out: only the value the code reached is verified.
      if (locked.attributes[attribute] !== user.attributes[attribute] || isVerified(locked.attributes[flag]))
        return locked;
      const attributes = { ...locked.attributes, [flag]: 'true' };
      // A verified email or phone is an alias where the pool has one (ADR 0044); if another user
      // already signs in with it, the sign-in still succeeds and the flag stays as it was.
      const written = await this.users.updateClaiming(locked.sub, { attributes, updatedAt: new Date() }, tx);
      return written === 'alias-exists' ? locked : { ...locked, attributes };
    });
  }
}
