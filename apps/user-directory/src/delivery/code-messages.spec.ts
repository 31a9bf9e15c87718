import { confirmationMessage, invitationMessage, SendingPool } from './code-messages';

const bare: SendingPool = { id: 'us-east-1_AbC123', config: {} };
const templated: SendingPool = {
  id: 'us-east-1_AbC123',
  config: {
    verificationMessageTemplate: {
      EmailMessage: 'Hello {username}, use {####} to confirm.',
      EmailSubject: 'Confirm your account',
      SmsMessage: 'Code: {####}',
      DefaultEmailOption: 'CONFIRM_WITH_CODE',
    },
    inviteMessageTemplate: {
      EmailMessage: 'Welcome {username}: your password is {####}',
      EmailSubject: 'Welcome aboard',
      SMSMessage: 'User {username} password {####}',
    },
  },
};

describe('message templates', () => {
  it("sends Cognito's default verification and invitation messages when the pool has no template", () => {
    expect(confirmationMessage('EMAIL', 'ann@example.com', '123456', bare, 'ann')).toMatchObject({
      subject: 'Your verification code',
      text: 'Your confirmation code is 123456',
    });
    expect(invitationMessage('SMS', '+15555550100', 'Temp-1234', bare, 'ann').text).toBe(
      'Your username is ann and temporary password is Temp-1234.',
    );
  });

  it('fills the VerificationMessageTemplate of the medium: {####} the code, {username} the user', () => {
    expect(confirmationMessage('EMAIL', 'ann@example.com', '123456', templated, 'ann')).toMatchObject({
      subject: 'Confirm your account',
      text: 'Hello ann, use 123456 to confirm.',
    });
    expect(confirmationMessage('SMS', '+15555550100', '654321', templated, 'ann').text).toBe('Code: 654321');
  });

  it('fills the InviteMessageTemplate of the medium with the username and temporary password', () => {
    expect(invitationMessage('EMAIL', 'ann@example.com', 'Temp-1234', templated, 'ann')).toMatchObject({
      subject: 'Welcome aboard',
      text: 'Welcome ann: your password is Temp-1234',
    });
    expect(invitationMessage('SMS', '+15555550100', 'Temp-1234', templated, 'ann').text).toBe(
      'User ann password Temp-1234',
    );
  });
});
