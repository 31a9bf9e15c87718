import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { UserPoolUserStateEntity } from '../database/entities';

/** A change the user directory reported about a user; what it leaves out stays as it was. */
export interface UserStateChange {
  disabled?: boolean;
  deleted?: boolean;
  tokensValidAfter?: Date;
}

/**
 * What the broker knows of user-pool users from the user directory's events
 * (`federation_broker.user_pool_user_states`): deleted, disabled, signed out since when. The
 * identity pools' ServerSideTokenCheck reads it.
 */
@Injectable()
export class UserPoolUserStatesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(
    userPoolId: string,
    sub: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<UserPoolUserStateEntity | undefined> {
    return (await tx.findOne(UserPoolUserStateEntity, { where: { userPoolId, sub } })) ?? undefined;
  }

  /**
   * Merges a change into what the broker knows of a user, in one statement. A user's events come on
   * several topics and apply concurrently (AdminDisableUser sends a sign-out and a disable at once):
   * reading the row and then writing it back let one event overwrite the other's change, and the
   * fault suite found disables lost that way. Revocation times only move forward, so a late or
   * replayed older event cannot undo a newer sign-out; a deleted user stays deleted.
   */
  async merge(
    userPoolId: string,
    sub: string,
    change: UserStateChange,
    tx: Transaction = this.dataSource.manager,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO federation_broker.user_pool_user_states AS s
              (user_pool_id, sub, deleted, disabled, tokens_valid_after, updated_at)
       VALUES ($1, $2, COALESCE($3::boolean, false), COALESCE($4::boolean, false), $5::timestamptz, now())
       ON CONFLICT (user_pool_id, sub) DO UPDATE SET
         deleted = s.deleted OR EXCLUDED.deleted,
         disabled = COALESCE($4::boolean, s.disabled),
         tokens_valid_after = GREATEST(s.tokens_valid_after, EXCLUDED.tokens_valid_after),
         updated_at = now()`,
      [userPoolId, sub, change.deleted ?? null, change.disabled ?? null, change.tokensValidAfter ?? null],
    );
  }
}
