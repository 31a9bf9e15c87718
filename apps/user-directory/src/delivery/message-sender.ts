import { LambdaConfigType, SmsConfigurationType } from '@idfed/contracts';

/** Why a message is sent, as Cognito's trigger sources name it (`CustomMessage_<source>`). */
export type MessageSource =
  | 'SignUp'
  | 'AdminCreateUser'
  | 'ResendCode'
  | 'ForgotPassword'
  | 'UpdateUserAttribute'
  | 'VerifyUserAttribute'
  | 'Authentication';

/**
 * What a message's triggers (CustomMessage, CustomEmailSender, CustomSMSSender; ADR 0043) need.
 * Only on messages of a pool that configures one of them; the sender that acts on it strips it,
 * so it is never delivered, written to the mailbox or logged (it carries the code).
 */
export interface MessageTrigger {
  source: MessageSource;
  /** The code (or temporary password) the message carries in place of `{####}`. */
  code: string;
  clientId: string;
  userAttributes: Record<string, string>;
  clientMetadata?: Record<string, string>;
  lambdaConfig: LambdaConfigType;
  /**
   * The confirmation link of a link pool's sign-up message (ADR 0071): CustomMessage is told
   * `linkParameter` and its `{##text##}` becomes this link. It carries the code.
   */
  link?: string;
}

/** A message carrying a code to a user: email, or SMS where the pool verifies phone numbers. */
export interface OutgoingMessage {
  medium: 'EMAIL' | 'SMS';
  to: string;
  subject: string;
  text: string;
  /** An HTML body (ADR 0071): a link message's, sent with `text` as its plain-text alternative. */
  html?: string;
  userPoolId: string;
  username: string;
  /** The pool's SmsConfiguration, for an SMS: its SnsRegion selects where SNS is called. */
  smsConfiguration?: SmsConfigurationType;
  /** The pool's message triggers and what they are told (ADR 0043); absent when it has none. */
  trigger?: MessageTrigger;
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
