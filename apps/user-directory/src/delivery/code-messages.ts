import { OutgoingMessage } from './message-sender';

/** Cognito's default verification message, with the code in place of {####}. */
export function confirmationMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  code: string,
  userPoolId: string,
  username: string,
): OutgoingMessage {
  return {
    medium,
    to,
    subject: 'Your verification code',
    text: `Your confirmation code is ${code}`,
    userPoolId,
    username,
  };
}

/** Cognito's default forgot-password message. */
export function passwordResetMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  code: string,
  userPoolId: string,
  username: string,
): OutgoingMessage {
  return {
    medium,
    to,
    subject: 'Your password reset code',
    text: `Your password reset code is ${code}`,
    userPoolId,
    username,
  };
}

/** Cognito's default invitation for a user an administrator created. */
export function invitationMessage(
  medium: 'EMAIL' | 'SMS',
  to: string,
  temporaryPassword: string,
  userPoolId: string,
  username: string,
): OutgoingMessage {
  return {
    medium,
    to,
    subject: 'Your temporary password',
    text: `Your username is ${username} and temporary password is ${temporaryPassword}.`,
    userPoolId,
    username,
  };
}
