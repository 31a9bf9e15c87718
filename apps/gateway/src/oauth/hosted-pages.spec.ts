import { createHash } from 'node:crypto';
import {
  confirmByLinkPage,
  errorPage,
  forgotPasswordPage,
  pageCsp,
  safeCss,
  signInPage,
  signUpPage,
} from './hosted-pages';

const styles = (html: string) => [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const signIn = (look?: { css?: string; logoUrl?: string }) =>
  signInPage({ action: '/p/login?x=1', csrf: 'c'.repeat(32), clientName: 'app', look });

describe('hosted pages: UI customization', () => {
  const css = '.submitButton-customizable { background-color: #ff0000; } .label-customizable{color:blue}';

  it('puts the CSS after the page style, on elements that carry Cognito classes', () => {
    const html = signIn({ css });
    const [own, custom] = styles(html);
    expect(custom).toBe(css);
    expect(html.indexOf(own)).toBeLessThan(html.indexOf(custom));
    for (const cls of [
      'background-customizable',
      'submitButton-customizable',
      'inputField-customizable',
      'label-customizable',
      'textDescription-customizable',
    ]) {
      expect(html).toContain(`class="${cls}"`);
    }
  });

  it('allows exactly the two style elements by hash and no script', () => {
    const html = signIn({ css });
    const csp = pageCsp({ css });
    for (const text of styles(html)) expect(csp).toContain(hashOf(text));
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/img-src 'self'/);
    // Without a customization only the page's own style is allowed.
    expect(pageCsp().match(/sha256-/g)).toHaveLength(1);
    expect(pageCsp({ css: 'x' })).not.toBe(pageCsp({ css: 'y' }));
  });

  it.each([
    '.logo-customizable{color:red}</style><script>alert(1)</script>',
    '.logo-customizable{color:red}</STYLE >',
    '<!-- .logo-customizable{color:red}',
  ])('never lets CSS out of its style element: %s', (bad) => {
    expect(safeCss(bad)).toBeUndefined();
    const html = signIn({ css: bad });
    expect(styles(html)).toHaveLength(1);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('id="ui-customization"');
    expect(pageCsp({ css: bad }).match(/sha256-/g)).toHaveLength(1);
  });

  it('shows the logo in a banner, its URL escaped', () => {
    const html = signIn({ logoUrl: '/p/ui-customization/logo/ALL?v=1&x="><b>' });
    expect(html).toContain(
      '<div class="banner-customizable"><img class="logo-customizable" src="/p/ui-customization/logo/ALL?v=1&#38;x=&#34;&#62;&#60;b&#62;" alt="Logo"></div>',
    );
    expect(signIn()).not.toContain('logo-customizable');
  });

  it('applies the look on the other pages too, and not on error pages', () => {
    const html = forgotPasswordPage({ action: '/p/forgotPassword', csrf: 'c', look: { css, logoUrl: '/l' } });
    expect(styles(html)[1]).toBe(css);
    expect(html).toContain('src="/l"');
    expect(styles(errorPage('invalid_request', 'x'))).toHaveLength(1);
  });
});

describe('hosted pages: the link sign-up page (ADR 0071)', () => {
  it('says where the link went, escaped, with no form to fill', () => {
    const html = confirmByLinkPage({ destination: '<b>a***@e***</b>' });
    expect(html).toContain('<h1>Check your email</h1>');
    expect(html).toContain('We have sent a link to &#60;b&#62;a***@e***&#60;/b&#62;.');
    expect(html).not.toMatch(/<form|<input/);
    expect(confirmByLinkPage({})).toContain('We have sent a link. Follow the link');
  });
});

describe('hosted pages: managed login branding and terms (ADR 0082)', () => {
  const signUp = (look: Parameters<typeof signUpPage>[0]['look']) =>
    signUpPage({ action: '/p/signup', csrf: 'c', clientName: 'app', attributes: [], look });

  it('links the terms documents under the sign-up form, escaped', () => {
    const html = signUp({
      terms: { termsOfUse: 'https://example.com/t?a=1&b="><script>', privacyPolicy: 'https://example.com/p' },
    });
    expect(html).toContain(
      '<a id="termsOfUseLink" href="https://example.com/t?a=1&#38;b=&#34;&#62;&#60;script&#62;" target="_blank" rel="noopener noreferrer">Terms of use</a>',
    );
    expect(html).toContain('id="privacyPolicyLink" href="https://example.com/p"');
    expect(html).not.toContain('<script>');
    expect(signUp(undefined)).not.toContain('termsLinks');
  });

  it('adds the branding rules in their own style element, allowed by hash', () => {
    const look = {
      brandingCss: 'body{background-color:#112233ff}',
      faviconUrl: '/p/managed-login/assets/i/FAVICON_ICO/LIGHT?v=1',
    };
    const html = signUp(look);
    expect(html).toContain('<style id="managed-login-branding">body{background-color:#112233ff}</style>');
    expect(html).toContain('<link rel="icon" href="/p/managed-login/assets/i/FAVICON_ICO/LIGHT?v=1">');
    const hash = createHash('sha256').update(look.brandingCss, 'utf8').digest('base64');
    expect(pageCsp(look)).toContain(`'sha256-${hash}'`);
    expect(pageCsp({ brandingCss: '</style><script>' }).match(/sha256-/g)).toHaveLength(1);
  });

  it("shows a browser-adaptive branding's logo and favicon of each scheme, without script", () => {
    const html = signUp({
      brandingCss: ':root{color-scheme:light dark}',
      logoByScheme: { light: '/p/FORM_LOGO/LIGHT?v=1', dark: '/p/FORM_LOGO/DARK?v=1&x="><b>' },
      faviconByScheme: { light: '/p/FAVICON_ICO/LIGHT?v=1', dark: '/p/FAVICON_SVG/DARK?v=1' },
    });
    expect(html).toContain(
      '<div class="banner-customizable"><picture><source media="(prefers-color-scheme: dark)" srcset="/p/FORM_LOGO/DARK?v=1&#38;x=&#34;&#62;&#60;b&#62;"><img class="logo-customizable" src="/p/FORM_LOGO/LIGHT?v=1" alt="Logo"></picture></div>',
    );
    expect(html).toContain(
      '<link rel="icon" href="/p/FAVICON_ICO/LIGHT?v=1" media="(prefers-color-scheme: light)"><link rel="icon" href="/p/FAVICON_SVG/DARK?v=1" media="(prefers-color-scheme: dark)">',
    );
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script');
    // A logo of one scheme only is hidden by the page's own style in the other.
    const darkOnly = signUp({ brandingCss: '', logoByScheme: { dark: '/p/FORM_LOGO/DARK' } });
    expect(darkOnly).toContain(
      '<div class="banner-customizable dark-only"><picture><img class="logo-customizable" src="/p/FORM_LOGO/DARK" alt="Logo"></picture></div>',
    );
    expect(styles(darkOnly)[0]).toContain('@media (prefers-color-scheme:light){.dark-only{display:none}}');
    expect(signUp({ brandingCss: '', faviconByScheme: { light: '/p/FAVICON_ICO/LIGHT' } })).toContain(
      '<link rel="icon" href="/p/FAVICON_ICO/LIGHT" media="(prefers-color-scheme: light)">',
    );
  });
});
