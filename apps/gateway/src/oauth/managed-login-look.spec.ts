import { assetOf, brandingCss, languagesOf, linkFor, termsLinksFor } from './managed-login-look';

describe('managed login look', () => {
  it('turns the light-mode colours idfed renders into CSS', () => {
    const css = brandingCss({
      components: {
        pageBackground: { lightMode: { color: '112233FF' } },
        primaryButton: { lightMode: { defaults: { backgroundColor: '445566', textColor: 'ffffffff' } } },
        form: { lightMode: { borderColor: '00000080' } },
      },
    });
    expect(css).toBe(
      'body{background-color:#112233ff}main{border:1px solid #00000080}button{background-color:#445566;color:#ffffffff;border:0}',
    );
  });

  it('leaves out anything that is not a hex colour, whatever was stored', () => {
    expect(
      brandingCss({
        components: {
          pageBackground: { lightMode: { color: 'red;}</style><script>' } },
          pageText: { lightMode: { headingColor: { nested: true } } },
        },
      }),
    ).toBe('');
    expect(brandingCss(undefined, '/x/a");}body{color:red')).toBe('');
  });

  it('adds the background image by its same-origin URL', () => {
    expect(brandingCss({}, '/us-east-1_a/managed-login/assets/id/PAGE_BACKGROUND/LIGHT?v=1')).toBe(
      'body{background-image:url("/us-east-1_a/managed-login/assets/id/PAGE_BACKGROUND/LIGHT?v=1");background-size:cover}',
    );
  });

  it('picks a light or browser-adaptive image of the first category found', () => {
    const branding = {
      ManagedLoginBrandingId: 'id',
      Version: '1',
      Assets: [
        { Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'PNG' },
        { Category: 'PAGE_HEADER_LOGO', ColorMode: 'DYNAMIC', Extension: 'SVG' },
      ],
    };
    expect(assetOf(branding, ['FORM_LOGO', 'PAGE_HEADER_LOGO'])?.Category).toBe('PAGE_HEADER_LOGO');
    expect(assetOf(branding, ['PAGE_BACKGROUND'])).toBeUndefined();
  });

  it("reads the user's languages from lang, then Accept-Language by weight", () => {
    expect(languagesOf('es', 'fr;q=0.5, de, en;q=0.8')).toEqual([
      'cognito:spanish',
      'cognito:german',
      'cognito:english',
      'cognito:french',
    ]);
    expect(languagesOf(null, 'zh-TW,zh-CN;q=0.9,pt-BR;q=0.1')).toEqual([
      'cognito:chinese-traditional',
      'cognito:chinese-simplified',
      'cognito:portuguese-brazil',
    ]);
    expect(languagesOf(null, undefined)).toEqual([]);
  });

  it("links the user's language, else the default, and never a link that is not https", () => {
    const links = {
      'cognito:default': 'https://example.com/terms',
      'cognito:spanish': 'https://example.com/es/terms',
      'cognito:french': 'javascript:alert(1)',
    };
    expect(linkFor(links, ['cognito:spanish'])).toBe('https://example.com/es/terms');
    expect(linkFor(links, ['cognito:german'])).toBe('https://example.com/terms');
    expect(linkFor(links, ['cognito:french'])).toBe('https://example.com/terms');
    expect(
      termsLinksFor(
        { 'terms-of-use': links, 'privacy-policy': { 'cognito:spanish': 'https://p.example/es' } },
        ['cognito:german'],
      ),
    ).toBeUndefined();
    expect(
      termsLinksFor(
        { 'terms-of-use': links, 'privacy-policy': { 'cognito:spanish': 'https://p.example/es' } },
        ['cognito:spanish'],
      ),
    ).toEqual({ termsOfUse: 'https://example.com/es/terms', privacyPolicy: 'https://p.example/es' });
  });
});
