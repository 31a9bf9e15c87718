import {
  CognitoIdentityProviderClient,
  CreateManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingCommand,
  UpdateManagedLoginBrandingCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { DocumentType } from '@smithy/types';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { launchBrowser } from './support/browser';
import { browse, CookieJar, createOAuthPool, OAuthPool } from './support/hosted-ui';

/** A plain SVG image whose width tells which one the page shows. */
const svgOf = (width: number, fill: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="4"><rect width="${width}" height="4" fill="${fill}"/></svg>`,
  );
const LIGHT_LOGO = svgOf(11, '#eeeeee');
const DARK_LOGO = svgOf(22, '#111111');
const BACKGROUND = svgOf(40, '#cccccc');

/** Both palettes, in the branding editor's document (hex without `#`). */
const PALETTES = {
  components: {
    pageBackground: { lightMode: { color: 'fafafa' }, darkMode: { color: '101418' } },
    form: {
      borderRadius: 16,
      lightMode: { backgroundColor: 'ffffff', borderColor: 'c0c0c0' },
      darkMode: { backgroundColor: '202830', borderColor: '405060' },
    },
    pageText: { lightMode: { headingColor: '111111' }, darkMode: { headingColor: 'eeeeee' } },
    primaryButton: {
      lightMode: { defaults: { backgroundColor: 'ff9900', textColor: '000000' } },
      darkMode: { defaults: { backgroundColor: '00aa55', textColor: 'ffffff' } },
    },
  },
  componentClasses: {
    inputLabel: { lightMode: { textColor: '333333' }, darkMode: { textColor: 'cccccc' } },
  },
};
const withScheme = (colorSchemeMode: string) => ({
  ...PALETTES,
  categories: { global: { colorSchemeMode } },
});
const LIGHT_SEEN = {
  body: 'rgb(250, 250, 250)',
  main: 'rgb(255, 255, 255)',
  heading: 'rgb(17, 17, 17)',
  button: 'rgb(255, 153, 0)',
  buttonText: 'rgb(0, 0, 0)',
  label: 'rgb(51, 51, 51)',
  radius: '16px',
};
const DARK_SEEN = {
  body: 'rgb(16, 20, 24)',
  main: 'rgb(32, 40, 48)',
  heading: 'rgb(238, 238, 238)',
  button: 'rgb(0, 170, 85)',
  buttonText: 'rgb(255, 255, 255)',
  label: 'rgb(204, 204, 204)',
  radius: '16px',
};

/**
 * Managed login colour schemes (ADR 0092) in a real Chromium with `prefers-color-scheme` emulated:
 * a LIGHT style is light and a DARK one dark whatever the browser prefers, a DYNAMIC one follows
 * it; each shows the colours and the images of its scheme, under the pages' CSP. Bad dark values
 * and schemes are refused by the API and never reach a page.
 */
describe('managed login colour schemes', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let context: BrowserContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    ({ context, close } = await launchBrowser());
  });
  afterAll(async () => {
    admin.destroy();
    await close();
  });

  async function styled(colorSchemeMode: string): Promise<{ pool: OAuthPool; brandingId: string }> {
    const pool = await createOAuthPool(admin, system.endpoint);
    const branding = await admin.send(
      new CreateManagedLoginBrandingCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.publicClientId,
        Settings: withScheme(colorSchemeMode),
        Assets: [
          { Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'SVG', Bytes: LIGHT_LOGO },
          { Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'SVG', Bytes: DARK_LOGO },
          { Category: 'PAGE_BACKGROUND', ColorMode: 'LIGHT', Extension: 'SVG', Bytes: BACKGROUND },
          { Category: 'FAVICON_SVG', ColorMode: 'DYNAMIC', Extension: 'SVG', Bytes: LIGHT_LOGO },
        ],
      }),
    );
    return { pool, brandingId: branding.ManagedLoginBranding!.ManagedLoginBrandingId! };
  }

  const loginUrl = (pool: OAuthPool) =>
    `${pool.issuer}/login?${new URLSearchParams({
      response_type: 'code',
      client_id: pool.publicClientId,
      redirect_uri: pool.redirectUri,
      scope: 'openid',
    }).toString()}`;

  /** What the page shows once its logo is loaded (strings: this spec is compiled without the DOM's types). */
  async function seen(page: Page, logoMode: string): Promise<Record<string, unknown>> {
    // Polled from here: the page's CSP lets no string be evaluated inside it (waitForFunction would).
    await eventually(async () =>
      expect(
        await page.evaluate(`(() => { const img = document.querySelector('img.logo-customizable');
          return img !== null && img.complete && img.currentSrc.includes('/FORM_LOGO/${logoMode}'); })()`),
      ).toBe(true),
    );
    return page.evaluate(`(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      const banner = document.querySelector('.banner-customizable');
      return {
        scheme: getComputedStyle(document.documentElement).colorScheme,
        body: style('body').backgroundColor,
        main: style('main').backgroundColor,
        heading: style('h1').color,
        button: style('.submitButton-customizable').backgroundColor,
        buttonText: style('.submitButton-customizable').color,
        label: style('.label-customizable').color,
        radius: style('main').borderTopLeftRadius,
        background: style('body').backgroundImage,
        logoShown: getComputedStyle(banner).display !== 'none',
        logoWidth: document.querySelector('img.logo-customizable').naturalWidth,
        icons: [...document.querySelectorAll('link[rel=icon]')].map((l) => l.getAttribute('href').split('?')[0]),
      };
    })()`);
  }

  async function open(
    pool: OAuthPool,
    colorScheme: 'light' | 'dark',
  ): Promise<{ page: Page; violations: string[] }> {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.emulateMedia({ colorScheme });
    await page.goto(loginUrl(pool));
    return { page, violations };
  }

  const asset = (pool: OAuthPool, id: string, category: string, mode: string) =>
    `/${pool.poolId}/managed-login/assets/${id}/${category}/${mode}`;

  it('keeps a LIGHT style light, with its light images, whatever the browser prefers', async () => {
    const { pool, brandingId } = await styled('LIGHT');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, violations } = await open(pool, colorScheme);
      expect(await seen(page, 'LIGHT')).toEqual({
        scheme: 'normal',
        ...LIGHT_SEEN,
        background: expect.stringContaining(
          `${asset(pool, brandingId, 'PAGE_BACKGROUND', 'LIGHT')}?v=`,
        ) as string,
        logoShown: true,
        logoWidth: 11,
        icons: [asset(pool, brandingId, 'FAVICON_SVG', 'DYNAMIC')],
      });
      expect(violations).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('shows a DARK style dark, with its dark images and no light one, whatever the browser prefers', async () => {
    const { pool, brandingId } = await styled('DARK');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, violations } = await open(pool, colorScheme);
      expect(await seen(page, 'DARK')).toEqual({
        scheme: 'dark',
        ...DARK_SEEN,
        // The style has a light background image only: not shown in dark.
        background: 'none',
        logoShown: true,
        logoWidth: 22,
        icons: [asset(pool, brandingId, 'FAVICON_SVG', 'DYNAMIC')],
      });
      // Links take Cognito's default dark colour where the style sets none.
      expect(await page.evaluate(`getComputedStyle(document.querySelector('a')).color`)).toBe(
        'rgb(83, 159, 229)',
      );
      expect(violations).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('follows the browser for a DYNAMIC style: colours, logo and background of each scheme', async () => {
    const { pool, brandingId } = await styled('DYNAMIC');
    const { page, violations } = await open(pool, 'light');
    const common = {
      scheme: 'light dark',
      logoShown: true,
      icons: [asset(pool, brandingId, 'FAVICON_SVG', 'DYNAMIC')],
    };
    expect(await seen(page, 'LIGHT')).toEqual({
      ...common,
      ...LIGHT_SEEN,
      background: expect.stringContaining(
        `${asset(pool, brandingId, 'PAGE_BACKGROUND', 'LIGHT')}?v=`,
      ) as string,
      logoWidth: 11,
    });
    // The same page, the browser switched to dark: no reload, no script.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seen(page, 'DARK')).toEqual({ ...common, ...DARK_SEEN, background: 'none', logoWidth: 22 });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await seen(page, 'LIGHT')).toMatchObject({ ...LIGHT_SEEN, logoWidth: 11 });
    expect(violations).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows a DYNAMIC style logo of one scheme in that scheme only', async () => {
    const pool = await createOAuthPool(admin, system.endpoint);
    await admin.send(
      new CreateManagedLoginBrandingCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.publicClientId,
        Settings: { categories: { global: { colorSchemeMode: 'DYNAMIC' } } },
        Assets: [{ Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'SVG', Bytes: DARK_LOGO }],
      }),
    );
    const { page } = await open(pool, 'dark');
    expect(await seen(page, 'DARK')).toMatchObject({
      logoShown: true,
      logoWidth: 22,
      body: 'rgb(15, 27, 42)',
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(
      `getComputedStyle(document.querySelector('.banner-customizable')).display === 'none'`,
    );
    expect(await page.evaluate(`getComputedStyle(document.body).backgroundColor`)).toBe('rgb(244, 245, 247)');
    await page.close();
  }, 120_000);

  it('refuses a dark colour or a scheme carrying CSS or markup, and the page never shows it', async () => {
    const { pool, brandingId } = await styled('DYNAMIC');
    const before = (
      await admin.send(
        new DescribeManagedLoginBrandingCommand({
          UserPoolId: pool.poolId,
          ManagedLoginBrandingId: brandingId,
        }),
      )
    ).ManagedLoginBranding!;
    const attacks: DocumentType[] = [
      {
        components: {
          pageBackground: { darkMode: { color: '000000;}body{background:url(//evil.example)' } },
        },
      },
      { components: { form: { darkMode: { backgroundColor: '"></style><script>alert(1)</script>' } } } },
      { componentClasses: { link: { darkMode: { defaults: { textColor: 'red' } } } } },
      { componentClasses: { focusState: { darkMode: { borderColor: ['00ff00'] } } } },
      { categories: { global: { colorSchemeMode: 'DARK;}body{display:none' } } },
      { categories: { global: { colorSchemeMode: 'dark' } } },
    ];
    for (const Settings of attacks) {
      await expectAwsError(
        admin.send(
          new UpdateManagedLoginBrandingCommand({
            UserPoolId: pool.poolId,
            ManagedLoginBrandingId: brandingId,
            Settings,
          }),
        ),
        'InvalidParameterException',
        /^Settings is invalid: /,
      );
      await expectAwsError(
        admin.send(
          new CreateManagedLoginBrandingCommand({
            UserPoolId: pool.poolId,
            ClientId: pool.secretClientId,
            Settings,
          }),
        ),
        'InvalidParameterException',
      );
    }
    const after = (
      await admin.send(
        new DescribeManagedLoginBrandingCommand({
          UserPoolId: pool.poolId,
          ManagedLoginBrandingId: brandingId,
        }),
      )
    ).ManagedLoginBranding!;
    expect(after).toEqual(before);
    const html = (await browse(new CookieJar(), loginUrl(pool))).html;
    expect(html).toContain('@media (prefers-color-scheme:dark){body{background-color:#101418;');
    expect(html).not.toMatch(/evil\.example|alert\(1\)|DARK;|color:red/);
    // The other client got no style from the refused Creates.
    const other = (await browse(new CookieJar(), loginUrl({ ...pool, publicClientId: pool.secretClientId })))
      .html;
    expect(other).not.toContain('managed-login-branding');
  });
});
