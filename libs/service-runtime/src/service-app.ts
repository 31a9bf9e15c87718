import { DynamicModule, INestMicroservice, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceName } from '@idfed/contracts';
import { createServerTransport, TransportConfig } from '@idfed/messaging';
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
  const app = await NestFactory.createMicroservice(module, {
    strategy: createServerTransport(service, transport),
    logger,
    bufferLogs: false,
  });
  app.useGlobalFilters(new ServiceExceptionFilter());
  await app.listen();
  return app;
}
