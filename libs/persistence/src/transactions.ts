import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work's handle. Use cases only pass it along: repositories given it take part in its
 * transaction, and so does the outbox. Nothing outside a repository calls a method on it.
 */
export type Transaction = EntityManager;

/**
 * Runs one unit of work in one database transaction, so a use case can change several aggregates
 * (and write their events to the outbox) all or nothing without touching TypeORM. Unit tests
 * replace it with `{ run: (work) => work(tx) }`.
 */
@Injectable()
export class Transactions {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
