import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MessageSender, OutgoingMessage, SmsSender } from './message-sender';

/**
 * The embedded default's mailbox: one JSON line per message in a file of the data directory
 * (created 0600), where a developer or a test reads the code. Not a log: it is the delivery. It is
 * also the SMS sender's dev driver: an SMS is a line with `"medium":"SMS"` and the phone number.
 */
export class DevMailboxSender implements MessageSender, SmsSender {
  constructor(private readonly path: string) {}

  async send(message: OutgoingMessage): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await appendFile(
      this.path,
      `${JSON.stringify({ ...withoutSmsConfiguration(message), sentAt: new Date().toISOString() })}\n`,
      {
        mode: 0o600,
      },
    );
  }
}

function withoutSmsConfiguration(message: OutgoingMessage): Omit<OutgoingMessage, 'smsConfiguration'> {
  const { smsConfiguration: _ignored, ...rest } = message;
  return rest;
}
