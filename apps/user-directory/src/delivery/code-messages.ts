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
