import { createTransport, Transporter } from 'nodemailer';
import { MessageSender, OutgoingMessage } from './message-sender';

/** Sends email through the SMTP server of IDFED_SMTP_URL (SMS goes to the SMS sender instead). */
export class SmtpSender implements MessageSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      // With both, nodemailer sends multipart/alternative: the HTML, and the text for readers without it.
      ...(message.html !== undefined ? { html: message.html } : {}),
    });
  }
}
