import { PoolConfig } from '../pools/pool-config';
import { MessageTrigger, OutgoingMessage } from './message-sender';

/** Who a message is for and why, as the message triggers are told (ADR 0043). */
export type MessageContext = Omit<MessageTrigger, 'code' | 'lambdaConfig'>;

/** The pool a message is sent for: its id, its SmsConfiguration for an SMS, its message templates. */
export interface SendingPool {
  id: string;
  config: Pick<PoolConfig, 'mfa' | 'verificationMessageTemplate' | 'inviteMessageTemplate' | 'lambdaConfig'>;
}

/** The parts of every message that name its pool; an SMS carries the pool's SmsConfiguration. */
export function poolParts(
  medium: 'EMAIL' | 'SMS',
  pool: SendingPool,
): Pick<OutgoingMessage, 'userPoolId' | 'smsConfiguration'> {
  const smsConfiguration = medium === 'SMS' ? pool.config.mfa?.sms?.SmsConfiguration : undefined;
  return { userPoolId: pool.id, ...(smsConfiguration ? { smsConfiguration } : {}) };
}

/**
 * The `trigger` part of a message whose pool configures a message trigger (CustomMessage or a custom
 * sender, ADR 0043) and whose sender said why it is sent; nothing otherwise.
 */
export function triggerPart(
  pool: SendingPool,
  code: string,
  context: MessageContext | undefined,
): Pick<OutgoingMessage, 'trigger'> {
  const lambdaConfig = pool.config.lambdaConfig;
  if (!context || !lambdaConfig) return {};
  if (!lambdaConfig.CustomMessage && !lambdaConfig.CustomEmailSender && !lambdaConfig.CustomSMSSender)
    return {};
  return { trigger: { ...context, code, lambdaConfig } };
}

/** A template's placeholders filled in: `{####}` the code (or password), `{username}` the user. */
function filled(template: string, code: string, username: string): string {
  return template.split('{####}').join(code).split('{username}').join(username);
}

/**
 * The verification message (sign-up confirmation, attribute verification): the pool's
 * VerificationMessageTemplate (`EmailMessage` / `EmailSubject`, `SmsMessage`) with the code in
 * place of {####}, else Cognito's default. A link pool's sign-up and resent confirmations are
 * `signUpConfirmationMessage`'s (users/confirmation-links.ts); its other messages carry the code,
 * as Cognito's do.
 */
export function confirmationMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  code: string,
  pool: SendingPool,
  username: string,
  context?: MessageContext,
): OutgoingMessage {
  const template = pool.config.verificationMessageTemplate;
  const given = medium === 'EMAIL' ? template?.EmailMessage : template?.SmsMessage;
  return {
    medium,
    to,
    subject: (medium === 'EMAIL' ? template?.EmailSubject : undefined) ?? 'Your verification code',
    text: given ? filled(given, code, username) : `Your confirmation code is ${code}`,
    ...poolParts(medium, pool),
    username,
    ...triggerPart(pool, code, context),
  };
}

/** Cognito's default forgot-password message. */
export function passwordResetMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  code: string,
  pool: SendingPool,
  username: string,
  context?: MessageContext,
): OutgoingMessage {
  return {
    medium,
    to,
    subject: 'Your password reset code',
    text: `Your password reset code is ${code}`,
    ...poolParts(medium, pool),
    username,
    ...triggerPart(pool, code, context),
  };
}

/**
 * The invitation of a user an administrator created: the pool's
 * `AdminCreateUserConfig.InviteMessageTemplate` ({username}, and {####} for the temporary
 * password), else Cognito's default.
 */
export function invitationMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  temporaryPassword: string,
  pool: SendingPool,
  username: string,
  context?: MessageContext,
): OutgoingMessage {
  const template = pool.config.inviteMessageTemplate;
  const given = medium === 'EMAIL' ? template?.EmailMessage : template?.SMSMessage;
  return {
    medium,
    to,
    subject: (medium === 'EMAIL' ? template?.EmailSubject : undefined) ?? 'Your temporary password',
    text: given
      ? filled(given, temporaryPassword, username)
      : `Your username is ${username} and temporary password is ${temporaryPassword}.`,
    ...poolParts(medium, pool),
    username,
    ...triggerPart(pool, temporaryPassword, context),
  };
}
