import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { KeysetPage, Transaction, Transactions } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { StoredUser } from './users.repository';
import { UserLookup } from './user.lookup';

/** IAM's quota of one credential family a user, as LimitExceeded names it, and how to count it. */
export interface CredentialQuota {
  name: string;
  limit: number;
  count(userId: string, tx: Transaction): Promise<number>;
}

/** A user's credential an operation names by id: how to find it, and IAM's NoSuchEntity for it. */
export interface NamedCredential<C> {
  /** Reads in `tx` when given, else outside any transaction. */
  find(userId: string, tx?: Transaction): Promise<C | undefined>;
  notFound(): ServiceError<'NoSuchEntity'>;
}

/** A listing's paging members. */
export interface PageRequest {
  Marker?: string;
  MaxItems?: number;
}

/** A page read, and the members IAM's listings answer beside the family's own list. */
export interface ListedPage<S> {
  page: S[];
  truncation: { IsTruncated: boolean; Marker?: string };
}

/**
 * The steps every family of IAM users' credentials takes alike (access keys, ADR 0033; signing
 * certificates, SSH public keys and service-specific credentials, ADR 0085). The user is the one
 * the request names, or the signer without UserName (UserLookup.requireTarget); a change runs in
 * one transaction holding the user's row lock, so a quota counted in it holds against racing adds
 * and a credential found in it stays the user's; another user's credential id is NoSuchEntity, as
 * an unknown one. Each family keeps its checks, its rows and its answer.
 */
@Injectable()
export class UserCredentialSteps {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly users: UserLookup,
  ) {}

  /** Runs `work` on the user, its row locked until the transaction ends. */
  onLockedUser<T>(
    userName: string | undefined,
    meta: CommandMeta,
    work: (user: StoredUser, tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return this.transactions.run(async (tx) =>
      work(await this.users.requireTarget(userName, meta, tx, true), tx),
    );
  }

  /** Adds one credential with `insert`, unless the user already holds its quota (LimitExceeded). */
  add<T>(
    userName: string | undefined,
    meta: CommandMeta,
    quota: CredentialQuota,
    insert: (user: StoredUser, tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return this.onLockedUser(userName, meta, async (user, tx) => {
      if ((await quota.count(user.userId, tx)) >= quota.limit) {
        throw IamErrors.limitExceeded(quota.name, quota.limit);
      }
      return insert(user, tx);
    });
  }

  /** Acts on the user's own credential of that id; NoSuchEntity when the user has none such. */
  onOwn<C, T>(
    userName: string | undefined,
    meta: CommandMeta,
    credential: NamedCredential<C>,
    act: (found: C, tx: Transaction) => Promise<T>,
  ): Promise<T> {
    return this.onLockedUser(userName, meta, async (user, tx) => {
      const found = await credential.find(user.userId, tx);
      if (!found) throw credential.notFound();
      return act(found, tx);
    });
  }

  /** The user's own credential of that id and the user, read without a lock; NoSuchEntity when none. */
  async readOwn<C>(
    userName: string | undefined,
    meta: CommandMeta,
    credential: NamedCredential<C>,
  ): Promise<{ user: StoredUser; found: C }> {
    const user = await this.users.requireTarget(userName, meta);
    const found = await credential.find(user.userId);
    if (!found) throw credential.notFound();
    return { user, found };
  }

  /** One page of the user's credentials (no lock): the Marker checked first, then the user. */
  async page<S>(
    req: PageRequest & { UserName?: string },
    meta: CommandMeta,
    read: (userId: string, after: string | undefined, max: number) => Promise<KeysetPage<S>>,
  ): Promise<ListedPage<S> & { user: StoredUser }> {
    const after = decodeMarker(req.Marker);
    const user = await this.users.requireTarget(req.UserName, meta);
    return { user, ...listed(await read(user.userId, after, req.MaxItems ?? DEFAULT_MAX_ITEMS)) };
  }

  /** One page of every user's credentials, for listings that may span the account. */
  async pageOfEveryUser<S>(
    req: PageRequest,
    read: (after: string | undefined, max: number) => Promise<KeysetPage<S>>,
  ): Promise<ListedPage<S>> {
    const after = decodeMarker(req.Marker);
    return listed(await read(after, req.MaxItems ?? DEFAULT_MAX_ITEMS));
  }
}

function listed<S>({ page, next }: KeysetPage<S>): ListedPage<S> {
  return {
    page,
    truncation: {
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    },
  };
}

/** IAM's NoSuchEntity for a user's credential: `The <noun> with id <id> cannot be found.` */
export function noSuchCredential(noun: string, id: string): ServiceError<'NoSuchEntity'> {
  return new ServiceError('NoSuchEntity', `The ${noun} with id ${id} cannot be found.`);
}
