import { aPool } from '../../test/support/users-doubles';
import {
  confirmationLink,
  DEFAULT_LINK_MESSAGE,
  hostedBaseOf,
  signUpConfirmationMessage,
} from './confirmation-links';

describe('confirmation links (ADR 0062)', () => {
  const config = { publicUrl: 'http://localhost:8080', authDomainSuffix: 'auth.localhost' };

  it("point at the pool's prefix domain, its custom domain, or the path form", () => {
    expect(hostedBaseOf(config, 'us-east-1_X', { domain: 'my-app' })).toBe(
      'http://my-app.auth.localhost:8080',
    );
    expect(
      hostedBaseOf({ publicUrl: 'https://id.example.com', authDomainSuffix: 'auth.example.com' }, 'p', {
        domain: 'my-app',
      }),
    ).toBe('https://my-app.auth.example.com');
    expect(
      hostedBaseOf(config, 'p', {
        domain: 'login.example.com',
        customDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/x' },
      }),
    ).toBe('https://login.example.com');
    expect(hostedBaseOf(config, 'us-east-1_X', undefined)).toBe('http://localhost:8080/us-east-1_X');
  });

  it("carry Cognito's three parameters, encoded", () => {
    expect(confirmationLink('https://d', 'c1', 'ann+1@example.com', '012345')).toBe(
      'https://d/confirmUser?client_id=c1&user_name=ann%2B1%40example.com&confirmation_code=012345',
    );
  });

  const link = { base: 'https://d', clientId: 'c1' };
  const url = 'https://d/confirmUser?client_id=c1&user_name=ann&confirmation_code=123456';

  it("replace the code in a link pool's email, with Cognito's default text when it gives none", () => {
    const pool = aPool({ verificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } });
    const message = signUpConfirmationMessage('EMAIL', 'ann@example.com', '123456', pool, 'ann', link);
    expect(message.subject).toBe('Your verification link');
    expect(message.text).toBe(DEFAULT_LINK_MESSAGE.replace('{##Verify Email##}', `Verify Email <${url}>`));
    expect(message.text).not.toMatch(/code is/);
  });

  it('keep the code by SMS, and in a pool that confirms by code', () => {
    const pool = aPool({ verificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' } });
    expect(signUpConfirmationMessage('SMS', '+15550100', '123456', pool, 'ann', link).text).toBe(
      'Your confirmation code is 123456',
    );
    const byCode = aPool({});
    expect(
      signUpConfirmationMessage('EMAIL', 'ann@example.com', '123456', byCode, 'ann', undefined).text,
    ).toBe('Your confirmation code is 123456');
  });
});
