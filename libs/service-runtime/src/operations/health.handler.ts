import { Inject, Injectable } from '@nestjs/common';
import { HealthCommands, HealthReport, ServiceName } from '@idfed/contracts';
import { DataSource } from 'typeorm';
import { OperationHandler } from './operation-handler';

/** The name of the service a ServiceModule runs, for providers every service shares. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');

type HealthOperation = (typeof HealthCommands)[ServiceName];

/** Answers `<service>.health`: the service is up when it can reach its own database. */
@Injectable()
export class HealthHandler implements OperationHandler<HealthOperation> {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async execute(): Promise<HealthReport> {
    try {
      await this.dataSource.query('SELECT 1');
      return { service: this.service, database: 'up' };
    } catch (err) {
      return { service: this.service, database: 'down', detail: (err as Error).message };
    }
  }
}
