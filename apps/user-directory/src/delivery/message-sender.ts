import { SmsConfigurationType } from '@idfed/contracts';

/** A message carrying a code to a user: email, or SMS where the pool verifies phone numbers. */
export interface OutgoingMessage {
  medium: 'EMAIL' | 'SMS';
  to: string;
  subject: string;
  text: string;
  userPoolId: string;
  username: string;
  /** The pool's SmsConfiguration, for an SMS: its SnsRegion selects where SNS is called. */
  smsConfiguration?: SmsConfigurationType;
}

/** Where codes go: SMTP in real use, a mailbox file on one machine. Chosen by configuration. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

export const MESSAGE_SENDER = Symbol('MESSAGE_SENDER');

/**
 * Where SMS messages go (ADR 0022): the dev mailbox, or an SMS provider's HTTP API. A send that
 * resolves was accepted by the provider; one that rejects was not, and its error names the
 * provider's answer, never the message (which carries a code).
 */
export interface SmsSender {
  send(message: OutgoingMessage): Promise<void>;
}

/** Email to the email sender (SMTP or the mailbox), SMS to the SMS sender. */
export class RoutingSender implements MessageSender {
  constructor(
    private readonly email: MessageSender,
    private readonly sms: SmsSender,
  ) {}

  send(message: OutgoingMessage): Promise<void> {
    return message.medium === 'SMS' ? this.sms.send(message) : this.email.send(message);
  }
}
