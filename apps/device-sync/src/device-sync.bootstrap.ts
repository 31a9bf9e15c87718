import { INestMicroservice, LoggerService } from '@nestjs/common';
import { IdfedEnv, loadConfiguredKey } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';
import { startServiceApp } from '@idfed/service-runtime';
import { DeviceSyncModule } from './device-sync.module';

export function startDeviceSync(
  env: IdfedEnv,
  transport: TransportConfig,
  databaseUrl: string,
  logger: LoggerService,
): Promise<INestMicroservice> {
  // The deployment's key-encryption key, as the user directory and the broker use it: it seals
  // devices' push tokens.
  const keyEncryptionKey = loadConfiguredKey({
    configured: env.keyEncryptionKey,
    dataDir: env.dataDir,
    file: 'key-encryption-key',
    variable: 'IDFED_KEY_ENCRYPTION_KEY',
    log: (message) => {
      logger.log(message);
    },
  });
  const module = DeviceSyncModule.register({ env, transport, databaseUrl, keyEncryptionKey });
  return startServiceApp('device-sync', module, transport, logger);
}
