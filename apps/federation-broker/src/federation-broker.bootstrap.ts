import { INestMicroservice, LoggerService } from '@nestjs/common';
import { IdfedEnv, loadConfiguredKey } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';
import { startServiceApp } from '@idfed/service-runtime';
import { FederationBrokerModule } from './federation-broker.module';

export function startFederationBroker(
  env: IdfedEnv,
  transport: TransportConfig,
  databaseUrl: string,
  logger: LoggerService,
): Promise<INestMicroservice> {
  // The same key-encryption key as the user directory: one secret to manage per deployment.
  const keyEncryptionKey = loadConfiguredKey({
    configured: env.keyEncryptionKey,
    dataDir: env.dataDir,
    file: 'key-encryption-key',
    variable: 'IDFED_KEY_ENCRYPTION_KEY',
    log: (message) => {
      logger.log(message);
    },
  });
  const module = FederationBrokerModule.register({ env, transport, databaseUrl, keyEncryptionKey });
  return startServiceApp('federation-broker', module, transport, logger);
}
