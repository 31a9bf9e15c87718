import { createTransport, Transporter } from 'nodemailer';
import { MessageSender, OutgoingMessage } from './message-sender';
import { DevMailboxSender } from './dev-mailbox.sender';

/**
 * Sends email through the SMTP server of IDFED_SMTP_URL. SMS has no provider yet: those messages
 * go to the dev mailbox so that a phone-verifying pool still works on one machine.
 */
export class SmtpSender implements MessageSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly smsFallback: DevMailboxSender,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.medium === 'SMS') return this.smsFallback.send(message);
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  }
}
