import { Controller, Inject, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { HealthCommands, HealthReport, ServiceName } from '@idfed/contracts';
import { DataSource } from 'typeorm';

/** Answers `<service>.health`: the service is up when it can reach its own database. */
export function healthHandlersFor(service: ServiceName): Type<unknown> {
  @Controller()
  class HealthHandlers {
    constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

    @MessagePattern(HealthCommands[service].pattern)
    async health(): Promise<HealthReport> {
      try {
        await this.dataSource.query('SELECT 1');
        return { service, database: 'up' };
      } catch (err) {
        return { service, database: 'down', detail: (err as Error).message };
      }
    }
  }
  return HealthHandlers;
}
