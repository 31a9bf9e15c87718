import { INestMicroservice, LoggerService } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';
import { startServiceApp } from '@idfed/service-runtime';
import { loadSessionTokenKey } from '@idfed/session-credentials';
import { CredentialVendingModule } from './credential-vending.module';

/** Starts credential vending on the given bus and database; the embedded launcher passes the key it shares with the gateway. */
export function startCredentialVending(
  env: IdfedEnv,
  transport: TransportConfig,
  databaseUrl: string,
  logger: LoggerService,
  sessionTokenKey: Buffer = loadSessionTokenKey(env, (m) => {
    logger.log(m);
  }),
): Promise<INestMicroservice> {
  const module = CredentialVendingModule.register({ env, transport, databaseUrl, sessionTokenKey });
  return startServiceApp('credential-vending', module, transport, logger);
}
