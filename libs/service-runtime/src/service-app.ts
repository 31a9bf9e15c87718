import { DynamicModule, INestMicroservice, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceName } from '@idfed/contracts';
import { createServerTransport, DeadLetterTable, InProcessServer, TransportConfig } from '@idfed/messaging';
import { ServiceExceptionFilter } from './service-exception.filter';

/**
 * Starts one service as a Nest microservice on the configured bus. The same call serves the
 * distributed mode (one process per service, Kafka) and the embedded one (all in one process).
 */
export async function startServiceApp(
  service: ServiceName,
  module: DynamicModule,
  transport: TransportConfig,
  logger: LoggerService,
): Promise<INestMicroservice> {
  const strategy = createServerTransport(service, transport);
  const app = await NestFactory.createMicroservice(module, { strategy, logger, bufferLogs: false });
  // The in-process bus dead-letters into the service's schema, which exists only once the module
  // (its DataSource) is up; over Kafka the dead letter is a topic (ADR 0012).
  if (strategy instanceof InProcessServer) strategy.recordDeadLettersIn(app.get(DeadLetterTable));
  app.useGlobalFilters(new ServiceExceptionFilter());
  await app.listen();
  return app;
}
