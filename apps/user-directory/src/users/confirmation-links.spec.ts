import { aPool } from '../../test/support/users-doubles';
import {
  confirmationLink,
  DEFAULT_LINK_MESSAGE,
  linkBodies,
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

  it('point at a custom domain on the port it is served on publicly (IDFED_CUSTOM_DOMAIN_PUBLIC_PORT)', () => {
    const custom = {
      domain: 'login.example.com',
      customDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/x' },
    };
    expect(hostedBaseOf({ ...config, customDomainPublicPort: 443 }, 'p', custom)).toBe(
      'https://login.example.com',
    );
    expect(hostedBaseOf({ ...config, customDomainPublicPort: 8443 }, 'p', custom)).toBe(
      'https://login.example.com:8443',
    );
    // The prefix domain keeps the public URL's port: the setting is the custom domains' only.
    expect(hostedBaseOf({ ...config, customDomainPublicPort: 8443 }, 'p', { domain: 'my-app' })).toBe(
      'http://my-app.auth.localhost:8080',
    );
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
    expect(message.html).toBe(
      'Please click the link below to verify your email address. ' +
        `<a href="${url.replace(/&/g, '&amp;')}">Verify Email</a>`,
    );
  });

  it('send the HTML as the pool wrote it, escaping the username and the link (ADR 0071)', () => {
    const tricky = 'https://d/confirmUser?client_id=c1&user_name=%22%3E&confirmation_code=1';
    expect(
      linkBodies('<h1>Hi {username}</h1> {##Go <b>now</b>##}, or {##here##}', tricky, '<img src=x>"', '1'),
    ).toEqual({
      html:
        '<h1>Hi &lt;img src=x&gt;&quot;</h1> ' +
        '<a href="https://d/confirmUser?client_id=c1&amp;user_name=%22%3E&amp;confirmation_code=1">Go <b>now</b></a>, ' +
        'or <a href="https://d/confirmUser?client_id=c1&amp;user_name=%22%3E&amp;confirmation_code=1">here</a>',
      text: `<h1>Hi <img src=x>"</h1> Go <b>now</b> <${tricky}>, or here <${tricky}>`,
    });
    // A username that looks like a link placeholder stays text: the links are placed first.
    expect(linkBodies('{username} {##a##}', 'https://d/x', '{##b##}', '1').html).toBe(
      '{##b##} <a href="https://d/x">a</a>',
    );
    // `{####}` is no link: a template's code placeholder still gets the code.
    expect(linkBodies('{####} {##a##}', 'https://d/x', 'ann', '123456').text).toBe('123456 a <https://d/x>');
  });

  it('tell the message triggers the link, and only for an email', () => {
    const pool = aPool({
      verificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' },
      lambdaConfig: { CustomMessage: 'arn:aws:lambda:us-east-1:123456789012:function:m' },
    });
    const context = { source: 'SignUp' as const, clientId: 'c1', userAttributes: {} };
    expect(
      signUpConfirmationMessage('EMAIL', 'ann@example.com', '123456', pool, 'ann', link, context).trigger
        ?.link,
    ).toBe(url);
    expect(
      signUpConfirmationMessage('SMS', '+15550100', '123456', pool, 'ann', link, context).trigger?.link,
    ).toBeUndefined();
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
