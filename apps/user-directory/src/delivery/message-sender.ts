/** A message carrying a code to a user: email, or SMS where the pool verifies phone numbers. */
export interface OutgoingMessage {
  medium: 'EMAIL' | 'SMS';
  to: string;
  subject: string;
  text: string;
  userPoolId: string;
  username: string;
}

/** Where codes go: SMTP in real use, a mailbox file on one machine. Chosen by configuration. */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
}

export const MESSAGE_SENDER = Symbol('MESSAGE_SENDER');
