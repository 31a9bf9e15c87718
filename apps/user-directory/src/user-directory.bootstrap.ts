import { INestMicroservice, Logger, LoggerService } from '@nestjs/common';
import { dataPath, IdfedEnv, loadConfiguredKey } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';
import { startServiceApp } from '@idfed/service-runtime';
import { DevMailboxSender } from './delivery/dev-mailbox.sender';
import { MessageSender, RoutingSender, SmsSender } from './delivery/message-sender';
import { SmtpSender } from './delivery/smtp.sender';
import { SnsSmsSender } from './delivery/sns-sms.sender';
import { UserDirectoryModule } from './user-directory.module';

/** The key that seals signing keys and client secrets: configuration, or a 0600 file made on first start. */
export function loadKeyEncryptionKey(
  env: IdfedEnv,
  logger: LoggerService = new Logger('UserDirectory'),
): Buffer {
  return loadConfiguredKey({
    configured: env.keyEncryptionKey,
    dataDir: env.dataDir,
    file: 'key-encryption-key',
    variable: 'IDFED_KEY_ENCRYPTION_KEY',
    log: (message) => {
      logger.log(message);
    },
  });
}

/** Email through SMTP or the dev mailbox; SMS through SNS or the dev mailbox (ADR 0022). */
export function messageSenderFor(env: IdfedEnv): MessageSender {
  const mailbox = new DevMailboxSender(dataPath(env.dataDir, 'mailbox.jsonl'));
  const email = env.smtpUrl ? new SmtpSender(env.smtpUrl, env.mailFrom) : mailbox;
  return new RoutingSender(email, smsSenderFor(env, mailbox));
}

function smsSenderFor(env: IdfedEnv, mailbox: DevMailboxSender): SmsSender {
  if (env.sms.sender === 'mailbox') return mailbox;
  return new SnsSmsSender({
    baseUrl: env.sms.snsBaseUrl,
    defaultRegion: env.sms.snsRegion ?? env.region,
    // loadEnv refuses IDFED_SMS_SENDER=sns without both.
    accessKeyId: env.sms.snsAccessKeyId!,
    secretAccessKey: env.sms.snsSecretAccessKey!,
  });
}

export function startUserDirectory(
  env: IdfedEnv,
  transport: TransportConfig,
  databaseUrl: string,
  logger: LoggerService,
): Promise<INestMicroservice> {
  const module = UserDirectoryModule.register({
    env,
    transport,
    databaseUrl,
    keyEncryptionKey: loadKeyEncryptionKey(env, logger),
    sender: messageSenderFor(env),
  });
  return startServiceApp('user-directory', module, transport, logger);
}
