import type { OAuthBrandingLook } from '@idfed/contracts';
import {
  assetOf,
  brandingCss,
  brandingLook,
  colorSchemeOf,
  languagesOf,
  linkFor,
  termsLinksFor,
} from './managed-login-look';

const DARK_PALETTE =
  'body{background-color:#0f1b2aff;color:#b6bec9ff}main{background-color:#0f1b2aff;border:1px solid #424650ff}' +
  'h1{color:#d1d5dbff}.textDescription-customizable{color:#b6bec9ff}' +
  'button{background-color:#539fe5ff;color:#000716ff;border:0}button:hover{background-color:#89bdeeff;color:#000716ff}' +
  'a{color:#539fe5ff}a:hover{color:#89bdeeff}button:active{background-color:#539fe5ff;color:#000716ff}' +
  'label{color:#d1d5dbff}input{background-color:#0f1b2aff;border:1px solid #5f6b7aff}' +
  'input::placeholder{color:#8d99a8ff}input:focus,button:focus-visible,a:focus-visible{outline:2px solid #539fe5ff}' +
  '.idp{background-color:#0f1b2aff;border-color:#c6c6cdff;color:#c6c6cdff}' +
  '.idp:hover{background-color:#192534ff;border-color:#89bdeeff;color:#89bdeeff}';
const scheme = (colorSchemeMode: unknown) => ({ categories: { global: { colorSchemeMode } } });
const url = (asset?: { Category: string; ColorMode: string }) =>
  asset && `/p/${asset.Category}/${asset.ColorMode}`;
const styleWith = (settings: Record<string, unknown>, assets: [string, string][]): OAuthBrandingLook => ({
  ManagedLoginBrandingId: 'id',
  Version: '1',
  Settings: settings,
  Assets: assets.map(([Category, ColorMode]) => ({ Category, ColorMode, Extension: 'PNG' })),
});

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
    expect(brandingCss(undefined, { light: '/x/a");}body{color:red' })).toBe('');
  });

  it('adds the background image by its same-origin URL', () => {
    expect(brandingCss({}, { light: '/us-east-1_a/managed-login/assets/id/PAGE_BACKGROUND/LIGHT?v=1' })).toBe(
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

  it('reads colorSchemeMode, LIGHT for anything but the three values', () => {
    expect(colorSchemeOf(undefined)).toBe('LIGHT');
    expect(colorSchemeOf(scheme('DARK'))).toBe('DARK');
    expect(colorSchemeOf(scheme('DYNAMIC'))).toBe('DYNAMIC');
    expect(colorSchemeOf(scheme('LIGHT'))).toBe('LIGHT');
    expect(colorSchemeOf(scheme('dark'))).toBe('LIGHT');
    expect(colorSchemeOf(scheme('DARK;}body{color:red'))).toBe('LIGHT');
    expect(colorSchemeOf(scheme(['DARK']))).toBe('LIGHT');
    expect(colorSchemeOf({ categories: 'DARK' })).toBe('LIGHT');
  });

  it('renders a DARK style in its dark palette, on the dark defaults where it sets none', () => {
    expect(brandingCss(scheme('DARK'))).toBe(`:root{color-scheme:dark}${DARK_PALETTE}`);
    const css = brandingCss(
      {
        ...scheme('DARK'),
        components: {
          pageBackground: { darkMode: { color: '000000ff' }, lightMode: { color: 'ffffffff' } },
          primaryButton: { darkMode: { hover: { textColor: 'AABBCC' } } },
        },
        componentClasses: { link: { darkMode: { defaults: { textColor: '112233ff' } } } },
      },
      { light: '/p/PAGE_BACKGROUND/LIGHT', dark: '/p/PAGE_BACKGROUND/DARK' },
    );
    expect(css).toContain(
      'body{background-color:#000000ff;color:#b6bec9ff;background-image:url("/p/PAGE_BACKGROUND/DARK");background-size:cover}',
    );
    expect(css).toContain('button:hover{background-color:#89bdeeff;color:#aabbcc}');
    expect(css).toContain('a{color:#112233ff}');
    expect(css).not.toContain('ffffffff');
    expect(css).not.toContain('LIGHT');
  });

  it('renders a DYNAMIC style light, and dark under prefers-color-scheme: dark', () => {
    const css = brandingCss(
      { ...scheme('DYNAMIC'), components: { pageBackground: { lightMode: { color: 'ffffff' } } } },
      { light: '/p/PAGE_BACKGROUND/LIGHT' },
    );
    expect(css).toBe(
      ':root{color-scheme:light dark}' +
        'body{background-color:#ffffff;background-image:url("/p/PAGE_BACKGROUND/LIGHT");background-size:cover}' +
        `@media (prefers-color-scheme:dark){${DARK_PALETTE.replace('color:#b6bec9ff}', 'color:#b6bec9ff;background-image:none}')}}`,
    );
  });

  it('reads link colours from componentClasses, as Cognito writes them, and from components as idfed did', () => {
    expect(
      brandingCss({ componentClasses: { link: { lightMode: { defaults: { textColor: '010203' } } } } }),
    ).toBe('a{color:#010203}');
    expect(brandingCss({ components: { link: { lightMode: { hover: { textColor: '010203' } } } } })).toBe(
      'a:hover{color:#010203}',
    );
  });

  it('never lets a dark colour or a dark image URL carry CSS or markup', () => {
    const css = brandingCss(
      {
        ...scheme('DYNAMIC'),
        components: {
          pageBackground: { darkMode: { color: 'red;}</style><script>alert(1)</script>' } },
          form: { darkMode: { backgroundColor: '000000ff;background:url(//evil)' } },
          pageText: { darkMode: { headingColor: ['ffffff'] } },
        },
        componentClasses: { focusState: { darkMode: { borderColor: 'ffffff}body{display:none' } } },
      },
      { dark: '/x/a");}body{background:url(//evil.example)' },
    );
    expect(css).toBe(`:root{color-scheme:light dark}@media (prefers-color-scheme:dark){${DARK_PALETTE}}`);
    expect(css).not.toMatch(/[<>"]|evil|<script|display:none|;background:/);
  });

  it('rounds the form, buttons and inputs by their radius in pixels, whatever the scheme, numbers only', () => {
    const shapes = {
      components: { form: { borderRadius: 16 } },
      componentClasses: { buttons: { borderRadius: 8.5 }, input: { borderRadius: 0 } },
    };
    expect(brandingCss(shapes)).toBe(
      'main{border-radius:16px}button{border-radius:8.5px}input{border-radius:0px}',
    );
    expect(brandingCss({ ...shapes, ...scheme('DYNAMIC') })).toMatch(
      /^:root\{color-scheme:light dark\}main\{border-radius:16px\}button\{border-radius:8.5px\}input\{border-radius:0px\}@media/,
    );
    expect(
      brandingCss({
        components: { form: { borderRadius: '8px;}body{display:none' } },
        componentClasses: { buttons: { borderRadius: 1e9 }, input: { borderRadius: -1 } },
      }),
    ).toBe('');
  });

  it('picks a dark or browser-adaptive image for dark, never a light one', () => {
    const branding = styleWith({}, [
      ['FORM_LOGO', 'LIGHT'],
      ['PAGE_HEADER_LOGO', 'DARK'],
      ['PAGE_BACKGROUND', 'DYNAMIC'],
    ]);
    expect(assetOf(branding, ['FORM_LOGO', 'PAGE_HEADER_LOGO'], 'dark')?.Category).toBe('PAGE_HEADER_LOGO');
    expect(assetOf(branding, ['FORM_LOGO', 'PAGE_HEADER_LOGO'], 'light')?.Category).toBe('FORM_LOGO');
    expect(assetOf(branding, ['PAGE_BACKGROUND'], 'dark')?.ColorMode).toBe('DYNAMIC');
    expect(assetOf(styleWith({}, [['FAVICON_ICO', 'LIGHT']]), ['FAVICON_ICO'], 'dark')).toBeUndefined();
  });

  it("shows a style's images of its scheme: light, dark, or both by the browser's", () => {
    const assets: [string, string][] = [
      ['FORM_LOGO', 'LIGHT'],
      ['FORM_LOGO', 'DARK'],
      ['PAGE_BACKGROUND', 'DARK'],
      ['FAVICON_ICO', 'DYNAMIC'],
    ];
    const light = brandingLook(styleWith(scheme('LIGHT'), assets), url);
    expect(light).toEqual({
      brandingCss: '',
      logoUrl: '/p/FORM_LOGO/LIGHT',
      faviconUrl: '/p/FAVICON_ICO/DYNAMIC',
    });
    const dark = brandingLook(styleWith(scheme('DARK'), assets), url);
    expect(dark.logoUrl).toBe('/p/FORM_LOGO/DARK');
    expect(dark.faviconUrl).toBe('/p/FAVICON_ICO/DYNAMIC');
    expect(dark.brandingCss).toContain('background-image:url("/p/PAGE_BACKGROUND/DARK")');
    const dynamic = brandingLook(styleWith(scheme('DYNAMIC'), assets), url);
    expect(dynamic.logoUrl).toBeUndefined();
    expect(dynamic.logoByScheme).toEqual({ light: '/p/FORM_LOGO/LIGHT', dark: '/p/FORM_LOGO/DARK' });
    expect(dynamic.faviconUrl).toBe('/p/FAVICON_ICO/DYNAMIC');
    expect(dynamic.brandingCss).toMatch(
      /^:root\{color-scheme:light dark\}@media \(prefers-color-scheme:dark\)\{body\{[^}]*background-image:url\("\/p\/PAGE_BACKGROUND\/DARK"\)/,
    );
    // A logo of one scheme only: shown in that scheme alone.
    expect(brandingLook(styleWith(scheme('DYNAMIC'), [['FORM_LOGO', 'DARK']]), url)).toEqual({
      brandingCss: expect.any(String) as string,
      logoByScheme: { dark: '/p/FORM_LOGO/DARK' },
    });
    expect(brandingLook(styleWith(scheme('DARK'), [['FORM_LOGO', 'LIGHT']]), url).logoUrl).toBeUndefined();
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
