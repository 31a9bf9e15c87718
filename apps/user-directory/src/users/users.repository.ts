import { Inject, Injectable } from '@nestjs/common';
import { isUniqueViolation, KeysetPage, keysetPage, Transaction } from '@idfed/persistence';
import { DataSource, IsNull, SelectQueryBuilder } from 'typeorm';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { storedPoolConfig } from '../database/stored-config';
import { PoolConfig } from '../pools/pool-config';
import { likePrefix, UserFilter } from './list-users-filter';
import { aliasKey, usernameKey } from './user-keys';

/** What a user's row may be changed to; sub, pool and username never change. */
export type UserChanges = Partial<Omit<UserEntity, 'sub' | 'poolId' | 'username' | 'usernameKey'>>;

/** The SQL expression a searchable attribute is compared with. */
function columnOf(filter: UserFilter): string {
  switch (filter.attribute) {
    case 'username':
      return 'u.username_key';
    case 'sub':
      return 'u.sub::text';
    case 'cognito:user_status':
      return 'u.status';
    case 'status':
      return `(CASE WHEN u.enabled THEN 'Enabled' ELSE 'Disabled' END)`;
    // Only names of SEARCHABLE_ATTRIBUTES reach the SQL text, each listed here.
    case 'email':
    case 'phone_number':
    case 'name':
    case 'given_name':
    case 'family_name':
    case 'preferred_username':
      return `u.attributes ->> '${filter.attribute}'`;
  }
}

/** The unique indexes of the sign-in aliases of `AliasAttributes` pools (migration 1764115201800). */
const ALIAS_INDEXES = ['users_pool_email_alias', 'users_pool_phone_alias', 'users_pool_preferred_alias'];

/**
 * Narrows `qb` (users as `u`) to the user `name` names: by username or, in pools that sign in with
 * email or phone, by that alias; in pools with `AliasAttributes` also by a verified email or phone
 * number or a preferred_username (ADR 0044; the columns a trigger keeps, folded in SQL as the
 * trigger folds them). A username wins over an alias, an email or phone over a preferred_username,
 * should one string name two users.
 */
function namedBy<Q extends SelectQueryBuilder<UserEntity>>(qb: Q, config: PoolConfig, name: string): Q {
  const params = { key: usernameKey(config, name), alias: aliasKey(name), name };
  if (config.aliasAttributes.length === 0) {
    qb.andWhere('(u.username_key = :key OR u.alias_key = :alias)', params);
    return qb;
  }
  const preferred = config.caseSensitive ? ':name' : 'lower(:name)';
  qb.andWhere(
    `(u.username_key = :key OR u.alias_key = :alias OR u.email_alias = lower(:name)
      OR u.phone_alias = lower(:name) OR u.preferred_alias = ${preferred})`,
    params,
  )
    .orderBy(
      `CASE WHEN u.username_key = :key OR u.alias_key = :alias THEN 0
            WHEN u.preferred_alias IS NOT DISTINCT FROM ${preferred} THEN 2 ELSE 1 END`,
    )
    .limit(1);
  return qb;
}

/**
 * Every query of the users aggregate (`user_directory.users`): lookups by name, alias or sub (with
 * the row lock a read-modify-write takes), inserts and updates that name a unique-key collision
 * instead of throwing it, and ListUsers' pages.
 */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * The user a client names: by username or, in pools that sign in with email or phone, by that
   * alias. The sign-in paths run this on every attempt; `forUpdate` (inside a transaction) holds
   * the row until commit.
   */
  async findByName(
    poolId: string,
    config: PoolConfig,
    username: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<UserEntity | undefined> {
    const qb = tx.createQueryBuilder(UserEntity, 'u').where('u.pool_id = :poolId', { poolId });
    namedBy(qb, config, username);
    if (forUpdate) qb.setLock('pessimistic_write');
    return (await qb.getOne()) ?? undefined;
  }

  /**
   * A password sign-in's lookup: the user as `findByName` finds them, and their pool's settings as
   * they are now, in the same statement. MFA must see the pool afresh (ADR 0015), not the client
   * cache; reading it with the user saves the sign-in a statement (ADR 0022).
   */
  async findForSignIn(
    poolId: string,
    config: PoolConfig,
    username: string,
  ): Promise<{ user: UserEntity; poolConfig: PoolConfig } | undefined> {
    const qb = this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(UserPoolEntity, 'p', 'p.id = u.pool_id')
      .addSelect('p.config', 'pool_config')
      .where('u.pool_id = :poolId', { poolId });
    const { entities, raw } = await namedBy(qb, config, username).getRawAndEntities<{
      pool_config: PoolConfig;
    }>();
    const user = entities[0];
    if (!user) return undefined;
    return { user, poolConfig: storedPoolConfig(raw[0].pool_config) };
  }

  /** The user with this sub, or undefined; `forUpdate` holds the row until commit. */
  async findBySub(
    sub: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<UserEntity | undefined> {
    const user = await tx.findOne(UserEntity, {
      where: { sub },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return user ?? undefined;
  }

  /**
   * Inserts a new user: 'exists' when the pool already has its username or alias (the unique keys
   * decide, so of concurrent sign-ups with one name exactly one is created). After 'exists' the
   * transaction `tx` is aborted: the caller ends it.
   */
  async insert(user: UserEntity, tx: Transaction): Promise<'created' | 'exists'> {
    try {
      await tx.insert(UserEntity, user);
      return 'created';
    } catch (err) {
      if (isUniqueViolation(err)) return 'exists';
      throw err;
    }
  }

  /**
   * As `insert`, naming a sign-in alias (ADR 0044) another user of the pool holds as
   * 'alias-exists' rather than 'exists'.
   */
  async insertClaiming(user: UserEntity, tx: Transaction): Promise<'created' | 'exists' | 'alias-exists'> {
    try {
      await tx.insert(UserEntity, user);
      return 'created';
    } catch (err) {
      if (ALIAS_INDEXES.some((index) => isUniqueViolation(err, index))) return 'alias-exists';
      if (isUniqueViolation(err)) return 'exists';
      throw err;
    }
  }

  /**
   * ForceAliasCreation (ADR 0044): another user of the pool holding `value` as their verified
   * email (phone) alias loses it as Cognito takes it from them: their flag becomes `false`, so the
   * trigger drops the alias. Run in the claiming transaction, before the claim is written.
   */
  async releaseAlias(
    poolId: string,
    sub: string,
    attribute: 'email' | 'phone_number',
    value: string,
    tx: Transaction,
  ): Promise<void> {
    const column = attribute === 'email' ? 'email_alias' : 'phone_alias';
    await tx.query(
      `UPDATE user_directory.users
          SET attributes = attributes || jsonb_build_object($4::text, 'false'), updated_at = now()
        WHERE pool_id = $1 AND sub <> $2 AND ${column} = lower($3)`,
      [poolId, sub, value, `${attribute}_verified`],
    );
  }

  /** As `update`, naming a sign-in alias another user holds (ADR 0044) as 'alias-exists' (`tx` is then aborted). */
  async updateClaiming(
    sub: string,
    changes: UserChanges,
    tx: Transaction,
  ): Promise<'updated' | 'alias-exists'> {
    try {
      await tx.update(UserEntity, { sub }, changes);
      return 'updated';
    } catch (err) {
      if (ALIAS_INDEXES.some((index) => isUniqueViolation(err, index))) return 'alias-exists';
      throw err;
    }
  }

  async update(sub: string, changes: UserChanges, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.update(UserEntity, { sub }, changes);
  }

  /**
   * Stores attributes and the sign-in alias that follows them: 'alias-exists' when another user of
   * the pool signs in with that alias already (then `tx` is aborted: the caller ends it).
   */
  async updateAttributes(
    sub: string,
    state: Pick<UserEntity, 'attributes' | 'aliasKey' | 'updatedAt' | 'pendingAttributes'>,
    tx: Transaction,
  ): Promise<'updated' | 'alias-exists'> {
    try {
      await tx.update(UserEntity, { sub }, state);
      return 'updated';
    } catch (err) {
      if (isUniqueViolation(err)) return 'alias-exists';
      throw err;
    }
  }

  /**
   * Replaces a password stored before ADR 0006 with its sealed verifier, unless a verifier was
   * stored meanwhile (a concurrent change of password wins).
   */
  async upgradeLegacyPassword(
    sub: string,
    stored: Pick<UserEntity, 'passwordHash' | 'srpSalt' | 'srpVerifierEnc'>,
  ): Promise<void> {
    await this.dataSource.manager.update(UserEntity, { sub, srpVerifierEnc: IsNull() }, stored);
  }

  /** Deletes the user; codes, refresh tokens and group memberships go with it (ON DELETE CASCADE). */
  async delete(sub: string, tx: Transaction): Promise<void> {
    await tx.delete(UserEntity, { sub });
  }

  /**
   * One page of a pool's users in sub order after `after`, matching `filter` (its value compared
   * as given: a username already folded as the pool stores it; a prefix taken literally).
   */
  page(
    poolId: string,
    filter: UserFilter | undefined,
    after: string | undefined,
    limit: number,
  ): Promise<KeysetPage<UserEntity>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .where('u.pool_id = :poolId', { poolId });
    if (filter) {
      qb.andWhere(`${columnOf(filter)} ${filter.prefix ? 'LIKE' : '='} :value`, {
        value: filter.prefix ? likePrefix(filter.value) : filter.value,
      });
    }
    return keysetPage(qb, 'u.sub', after, limit, (u) => u.sub);
  }
}
