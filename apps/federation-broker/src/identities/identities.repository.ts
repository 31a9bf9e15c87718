import { Inject, Injectable } from '@nestjs/common';
import { isUniqueViolation, keysetPage, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { IdentityEntity, IdentityLoginEntity } from '../database/entities';

/** A login: the provider and the user's id there. */
export interface Login {
  provider: string;
  subject: string;
}

/**
 * Another unit of work linked the login first (the key on pool, provider and subject refused this
 * one). Its transaction is aborted; the caller runs the unit again and finds the winner's link.
 */
export class LoginAlreadyLinkedError extends Error {
  constructor() {
    super('The login was linked concurrently by another unit of work.');
    this.name = 'LoginAlreadyLinkedError';
  }
}

/**
 * Every query of the identities aggregate: an identity (`federation_broker.identities`) and the
 * logins linked to it (`federation_broker.identity_logins`, at most one identity per login of a
 * pool).
 */
@Injectable()
export class IdentitiesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(identity: IdentityEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.insert(IdentityEntity, identity);
  }

  async find(
    identityId: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<IdentityEntity | undefined> {
    return (await tx.findOne(IdentityEntity, { where: { id: identityId } })) ?? undefined;
  }

  /** The identities among `ids` that exist (in any pool). */
  findMany(ids: string[], tx: Transaction = this.dataSource.manager): Promise<IdentityEntity[]> {
    return tx.findBy(
      IdentityEntity,
      ids.map((id) => ({ id })),
    );
  }

  /** Marks the identity changed (a login linked, unlinked or merged into it). */
  async touch(identityId: string, at: Date, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.update(IdentityEntity, { id: identityId }, { updatedAt: at });
  }

  /** Deletes the identity; its logins go with it (the foreign key cascades). */
  async delete(identityId: string, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.delete(IdentityEntity, { id: identityId });
  }

  /** One page of a pool's identities in id order, after the id a page token carried. */
  page(
    poolId: string,
    after: string | undefined,
    max: number,
  ): Promise<{ page: IdentityEntity[]; next?: string }> {
    return keysetPage(
      this.dataSource
        .getRepository(IdentityEntity)
        .createQueryBuilder('i')
        .where('i.pool_id = :poolId', { poolId }),
      'i.id',
      after,
      max,
      (i) => i.id,
    );
  }

  /**
   * The links of those logins in the pool, locked until the transaction ends. The rows are locked
   * in (provider, subject) order whatever order the logins come in, so two units locking
   * overlapping logins cannot each hold one the other waits for.
   */
  lockLogins(poolId: string, logins: Login[], tx: Transaction): Promise<IdentityLoginEntity[]> {
    if (logins.length === 0) return Promise.resolve([]);
    return tx
      .createQueryBuilder(IdentityLoginEntity, 'l')
      .where('l.pool_id = :poolId', { poolId })
      .andWhere(
        `(l.provider, l.subject) IN (${logins.map((_, i) => `(:p${i}, :s${i})`).join(', ')})`,
        Object.fromEntries(
          logins.flatMap((l, i) => [
            [`p${i}`, l.provider],
            [`s${i}`, l.subject],
          ]),
        ),
      )
      .orderBy('l.provider')
      .addOrderBy('l.subject')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** The link of one login in the pool, if any. */
  async findLogin(
    poolId: string,
    login: Login,
    tx: Transaction = this.dataSource.manager,
  ): Promise<IdentityLoginEntity | undefined> {
    const found = await tx.findOne(IdentityLoginEntity, {
      where: { poolId, provider: login.provider, subject: login.subject },
    });
    return found ?? undefined;
  }

  /** Links a login; throws LoginAlreadyLinkedError when a concurrent unit linked it first. */
  async insertLogin(link: IdentityLoginEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    try {
      await tx.insert(IdentityLoginEntity, link);
    } catch (err) {
      if (isUniqueViolation(err)) throw new LoginAlreadyLinkedError();
      throw err;
    }
  }

  /** Removes one link of the identity; false when it was not (or no longer) there. */
  async deleteLogin(
    poolId: string,
    identityId: string,
    login: Login,
    tx: Transaction = this.dataSource.manager,
  ): Promise<boolean> {
    const { provider, subject } = login;
    const result = await tx.delete(IdentityLoginEntity, { poolId, identityId, provider, subject });
    return Boolean(result.affected);
  }

  loginsOf(identityId: string, tx: Transaction = this.dataSource.manager): Promise<IdentityLoginEntity[]> {
    return tx.find(IdentityLoginEntity, { where: { identityId } });
  }

  countLogins(identityId: string, tx: Transaction = this.dataSource.manager): Promise<number> {
    return tx.count(IdentityLoginEntity, { where: { identityId } });
  }

  /** Moves every login of one identity to another (a merge). */
  async moveLogins(fromIdentityId: string, toIdentityId: string, tx: Transaction): Promise<void> {
    await tx.update(IdentityLoginEntity, { identityId: fromIdentityId }, { identityId: toIdentityId });
  }

  /** One page of the subjects an identity has at one provider, in subject order. */
  pageOfSubjects(
    identityId: string,
    provider: string,
    after: string | undefined,
    max: number,
  ): Promise<{ page: IdentityLoginEntity[]; next?: string }> {
    return keysetPage(
      this.dataSource
        .getRepository(IdentityLoginEntity)
        .createQueryBuilder('l')
        .where('l.identity_id = :identityId AND l.provider = :provider', { identityId, provider }),
      'l.subject',
      after,
      max,
      (l) => l.subject,
    );
  }

  /**
   * The links of one user of one of idfed's user pools, in every identity pool: the provider names
   * the user pool (`<issuer host/path>/<userPoolId>` or `cognito-idp.<region>.amazonaws.com/<id>`).
   */
  loginsOfUserPoolUser(userPoolId: string, sub: string, tx: Transaction): Promise<IdentityLoginEntity[]> {
    return tx
      .createQueryBuilder(IdentityLoginEntity, 'l')
      .where('l.subject = :sub AND l.provider LIKE :suffix', { sub, suffix: `%/${userPoolId}` })
      .getMany();
  }
}
