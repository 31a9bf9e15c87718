import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { PasswordColumns, PasswordCredentials } from './password-credentials';
import { PasswordHistoryRepository } from './password-history.repository';

/** What the history needs of a pool: its id (the verifiers' seal) and its password policy. */
export interface HistoryPool {
  id: string;
  config: Pick<PoolConfig, 'passwordPolicy'>;
}

/**
 * `PasswordPolicy.PasswordHistorySize` (ADR 0057): a new password may not be one of the user's
 * last N. The current password is the first of the N, the N - 1 before it are kept in
 * `password_history` in the form the current one is kept in (SRP salt and sealed verifier), so a
 * database dump gives a guesser nothing easier than the current password does. A pool with no
 * history size (0) keeps none and refuses nothing.
 */
@Injectable()
export class PasswordHistory {
  constructor(
    @Inject(PasswordHistoryRepository) private readonly history: PasswordHistoryRepository,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
  ) {}

  /** How many passwords, the current one included, a new password must differ from. */
  static size(pool: HistoryPool): number {
    return pool.config.passwordPolicy.PasswordHistorySize ?? 0;
  }

  /**
   * PasswordHistoryPolicyViolationException when `password` is the user's current password or one
   * of the N - 1 before it. Called before the write's transaction (each comparison is one SRP
   * verifier computation), after the caller proved it may set the password.
   */
  async refuseReuse(pool: HistoryPool, user: UserEntity, password: string): Promise<void> {
    const size = PasswordHistory.size(pool);
    if (size <= 0) return;
    const candidates: PasswordColumns[] = this.credentials.hasPassword(user) ? [user] : [];
    for (const previous of await this.history.recent(user.sub, size - 1)) {
      candidates.push({ ...previous, username: user.username });
    }
    for (const candidate of candidates) {
      if (await this.credentials.verify(pool.id, candidate, password)) {
        throw CognitoErrors.passwordHistoryViolation();
      }
    }
  }

  /**
   * In the write's transaction, with the user row locked: the password being replaced joins the
   * history, which is pruned to N - 1 (the new password is the N-th).
   */
  async remember(pool: HistoryPool, replaced: UserEntity, tx: Transaction): Promise<void> {
    const keep = Math.max(PasswordHistory.size(pool) - 1, 0);
    if (keep > 0 && !this.credentials.hasPassword(replaced)) return;
    await this.history.add(
      replaced.sub,
      pool.id,
      {
        passwordHash: replaced.passwordHash,
        srpSalt: replaced.srpSalt,
        srpVerifierEnc: replaced.srpVerifierEnc,
      },
      keep,
      new Date(),
      tx,
    );
  }
}
