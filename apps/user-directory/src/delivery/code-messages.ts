import { PoolConfig } from '../pools/pool-config';
import { OutgoingMessage } from './message-sender';

/** The pool a message is sent for: its id, and its SmsConfiguration for an SMS. */
export interface SendingPool {
  id: string;
  config: Pick<PoolConfig, 'mfa'>;
}

/** The parts of every message that name its pool; an SMS carries the pool's SmsConfiguration. */
export function poolParts(
  medium: 'EMAIL' | 'SMS',
  pool: SendingPool,
): Pick<OutgoingMessage, 'userPoolId' | 'smsConfiguration'> {
  const smsConfiguration = medium === 'SMS' ? pool.config.mfa?.sms?.SmsConfiguration : undefined;
  return { userPoolId: pool.id, ...(smsConfiguration ? { smsConfiguration } : {}) };
}

/** Cognito's default verification message, with the code in place of {####}. */
export function confirmationMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  code: string,
  pool: SendingPool,
  username: string,
): OutgoingMessage {
  return {
    medium,
    to,
    subject: 'Your verification code',
    text: `Your confirmation code is ${code}`,
    ...poolParts(medium, pool),
    username,
  };
}

/** Cognito's default forgot-password message. */
export function passwordResetMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  code: string,
  pool: SendingPool,
  username: string,
): OutgoingMessage {
  return {
    medium,
    to,
    subject: 'Your password reset code',
    text: `Your password reset code is ${code}`,
    ...poolParts(medium, pool),
    username,
  };
}

/** Cognito's default invitation for a user an administrator created. */
export function invitationMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  temporaryPassword: string,
  pool: SendingPool,
  username: string,
): OutgoingMessage {
  return {
    medium,
    to,
    subject: 'Your temporary password',
    text: `Your username is ${username} and temporary password is ${temporaryPassword}.`,
    ...poolParts(medium, pool),
    username,
  };
}
