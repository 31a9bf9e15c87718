import { randomBytes } from 'node:crypto';
import { INestMicroservice, Logger, LoggerService } from '@nestjs/common';
import { dataPath, IdfedEnv, readOrCreateSecretFile } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';
import { startServiceApp } from '@idfed/service-runtime';
import { DevMailboxSender } from './delivery/dev-mailbox.sender';
import { MessageSender } from './delivery/message-sender';
import { SmtpSender } from './delivery/smtp.sender';
import { UserDirectoryModule } from './user-directory.module';

/** The key that seals signing keys and client secrets: configuration, or a 0600 file made on first start. */
export function loadKeyEncryptionKey(
  env: IdfedEnv,
  logger: LoggerService = new Logger('UserDirectory'),
): Buffer {
  if (env.keyEncryptionKey) return env.keyEncryptionKey;
  const path = dataPath(env.dataDir, 'key-encryption-key');
  const { value, created } = readOrCreateSecretFile(path, () => randomBytes(32).toString('base64'));
  if (created)
    logger.log(
      `generated a key-encryption key at ${path} (set IDFED_KEY_ENCRYPTION_KEY to manage it yourself)`,
    );
  return Buffer.from(value, 'base64');
}

export function messageSenderFor(env: IdfedEnv): MessageSender {
  const mailbox = new DevMailboxSender(dataPath(env.dataDir, 'mailbox.jsonl'));
  return env.smtpUrl ? new SmtpSender(env.smtpUrl, env.mailFrom, mailbox) : mailbox;
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
