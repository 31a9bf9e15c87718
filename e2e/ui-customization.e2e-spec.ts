import { createHash } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUICustomizationCommand,
  SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { launchBrowser } from './support/browser';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { browse, CookieJar, createOAuthPool } from './support/hosted-ui';

/** A real 1x1 PNG, for the browser to decode. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR-and-the-rest-of-a-small-logo'),
]);

/**
 * The hosted pages' CSS and logo through the unchanged AWS SDK: per pool and per client (a client
 * without its own gets the pool's), CSS only on Cognito's customizable classes with plain values,
 * logos PNG or JPEG up to 100 KB, and the refusals changing nothing.
 */
describe('UI customization', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
  });
  afterAll(() => admin.destroy());

  async function poolAndClient(name: string): Promise<{ UserPoolId: string; ClientId: string }> {
    const UserPoolId = (await admin.send(new CreateUserPoolCommand({ PoolName: name }))).UserPool!.Id!;
    const ClientId = (await admin.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'web' })))
      .UserPoolClient!.ClientId!;
    return { UserPoolId, ClientId };
  }

  it('sets the pool-wide look, a client look over it, and answers each', async () => {
    const { UserPoolId, ClientId } = await poolAndClient('ui-looks');
    const poolCss = '.submitButton-customizable { background-color: #ff9900; color: white; }';
    const set = await admin.send(new SetUICustomizationCommand({ UserPoolId, CSS: poolCss, ImageFile: PNG }));
    expect(set.UICustomization).toMatchObject({ UserPoolId, ClientId: 'ALL', CSS: poolCss });
    expect(set.UICustomization!.CSSVersion).toEqual(expect.any(String));
    expect(set.UICustomization!.CreationDate).toBeInstanceOf(Date);

    // A client with no look of its own gets the pool's.
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId, ClientId }))).UICustomization,
    ).toMatchObject({ ClientId: 'ALL', CSS: poolCss });
    const clientCss = `/* the brand */
      .banner-customizable { background-color: rgb(10, 20, 30); padding: 4px 8px; }
      .inputField-customizable:focus, .label-customizable { font-family: 'Helvetica Neue', sans-serif; }`;
    await admin.send(new SetUICustomizationCommand({ UserPoolId, ClientId, CSS: clientCss }));
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId, ClientId }))).UICustomization,
    ).toMatchObject({ ClientId, CSS: clientCss });
    expect((await admin.send(new GetUICustomizationCommand({ UserPoolId }))).UICustomization).toMatchObject({
      ClientId: 'ALL',
      CSS: poolCss,
    });
    // Set replaces the whole look: without CSS, none.
    await admin.send(new SetUICustomizationCommand({ UserPoolId, ClientId: 'ALL' }));
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId }))).UICustomization,
    ).not.toHaveProperty('CSS');
  });

  it('refuses CSS outside the customizable classes, bad logos and other pools clients, changing nothing', async () => {
    const { UserPoolId, ClientId } = await poolAndClient('ui-rules');
    const other = await poolAndClient('ui-other');
    const kept = '.logo-customizable { max-width: 60%; }';
    await admin.send(new SetUICustomizationCommand({ UserPoolId, CSS: kept }));
    const badCss = [
      'body { color: red; }',
      '.submitButton-customizable { background: url(https://evil.test/x.png); }',
      '.submitButton-customizable { background-image: none; }',
      '.submitButton-customizable { color: red; } @import "https://evil.test/x.css";',
      '.submitButton-customizable { color: red</style><script>alert(1)</script>; }',
      '.submitButton-customizable { color: expression(alert(1)); }',
      '.submitButton-customizable { color: \\72 ed; }',
      '.submitButton-customizable { color: red; ',
      '.submitButton-customizable .other { color: red; }',
    ];
    for (const CSS of badCss) {
      await expectAwsError(
        admin.send(new SetUICustomizationCommand({ UserPoolId, CSS })),
        'InvalidParameterException',
      );
    }
    for (const ImageFile of [
      Buffer.from('GIF89a-not-allowed'),
      Buffer.concat([PNG, Buffer.alloc(100 * 1024)]),
    ]) {
      await expectAwsError(
        admin.send(new SetUICustomizationCommand({ UserPoolId, ImageFile })),
        'InvalidParameterException',
      );
    }
    await expectAwsError(
      admin.send(new SetUICustomizationCommand({ UserPoolId, ClientId: other.ClientId, CSS: kept })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new GetUICustomizationCommand({ UserPoolId, ClientId: other.ClientId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new GetUICustomizationCommand({ UserPoolId: 'us-east-1_nothere00' })),
      'ResourceNotFoundException',
    );
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId, ClientId }))).UICustomization,
    ).toMatchObject({ ClientId: 'ALL', CSS: kept });
    expect(
      (await admin.send(new GetUICustomizationCommand({ UserPoolId: other.UserPoolId }))).UICustomization,
    ).toEqual({ UserPoolId: other.UserPoolId, ClientId: 'ALL' });
  });

  describe('on the hosted pages', () => {
    const css =
      '.submitButton-customizable { background-color: rgb(255, 0, 0); } .label-customizable { color: rgb(0, 128, 0); }';

    it('/login carries the client look, falling back to the pool one, and the logo URL serves the bytes', async () => {
      const pool = await createOAuthPool(admin, system.endpoint);
      const loginUrl = (clientId: string) =>
        `${pool.issuer}/login?${new URLSearchParams({
          response_type: 'code',
          client_id: clientId,
          redirect_uri: pool.redirectUri,
          scope: 'openid',
        }).toString()}`;
      const set = await admin.send(
        new SetUICustomizationCommand({ UserPoolId: pool.poolId, CSS: css, ImageFile: PIXEL }),
      );
      const imageUrl = set.UICustomization!.ImageUrl!;
      expect(imageUrl).toBe(`${pool.issuer}/ui-customization/logo/ALL?v=${set.UICustomization!.CSSVersion}`);
      expect(
        (await admin.send(new GetUICustomizationCommand({ UserPoolId: pool.poolId }))).UICustomization!
          .ImageUrl,
      ).toBe(imageUrl);

      const page = await browse(new CookieJar(), loginUrl(pool.publicClientId));
      expect(page.status).toBe(200);
      expect(page.html).toContain(`<style id="ui-customization">${css}</style>`);
      const logoPath = new URL(imageUrl).pathname + new URL(imageUrl).search;
      expect(page.html).toContain(`<img class="logo-customizable" src="${logoPath.replace('&', '&#38;')}"`);
      const csp = page.res.headers.get('content-security-policy')!;
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('script-src');
      expect(csp).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);

      const logo = await fetch(imageUrl);
      expect(logo.status).toBe(200);
      expect(logo.headers.get('content-type')).toBe('image/png');
      expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
      expect(logo.headers.get('cache-control')).toContain('immutable');
      expect(Buffer.from(await logo.arrayBuffer()).equals(PIXEL)).toBe(true);
      // An old version is served but not kept for good; no logo, or another pool's name, is a 404.
      expect((await fetch(imageUrl.replace(/v=\d+/, 'v=1'))).headers.get('cache-control')).not.toContain(
        'immutable',
      );
      expect((await fetch(`${pool.issuer}/ui-customization/logo/nosuchclient`)).status).toBe(200);
      const other = await poolAndClient('ui-no-logo');
      expect((await fetch(`${system.endpoint}/${other.UserPoolId}/ui-customization/logo/ALL`)).status).toBe(
        404,
      );
      expect((await fetch(`${pool.issuer}/ui-customization/logo/..%2F..`)).status).toBe(404);
      // A pool that does not exist answers as one without a logo (nothing to enumerate).
      expect((await fetch(`${system.endpoint}/us-east-1_nothere00/ui-customization/logo/ALL`)).status).toBe(
        404,
      );

      // The client's own look replaces the pool's (after the pages' short cache).
      const clientCss = '.label-customizable { color: rgb(1, 2, 3); }';
      const own = await admin.send(
        new SetUICustomizationCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.secretClientId,
          CSS: clientCss,
        }),
      );
      expect(own.UICustomization).not.toHaveProperty('ImageUrl');
      const secretPage = await browse(new CookieJar(), loginUrl(pool.secretClientId));
      expect(secretPage.html).toContain(`<style id="ui-customization">${clientCss}</style>`);
      expect(secretPage.html).not.toContain('logo-customizable');
      for (const path of ['signup', 'forgotPassword']) {
        const other = await browse(
          new CookieJar(),
          loginUrl(pool.publicClientId).replace('/login?', `/${path}?`),
        );
        expect(other.html).toContain(`<style id="ui-customization">${css}</style>`);
      }
    });

    it('applies in Chromium at the domain host, the logo decoded, under the CSP', async () => {
      const pool = await createOAuthPool(admin, system.endpoint);
      await admin.send(
        new SetUICustomizationCommand({ UserPoolId: pool.poolId, CSS: css, ImageFile: PIXEL }),
      );
      const { context, close } = await launchBrowser();
      try {
        const page = await context.newPage();
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        const domainBase = `http://${pool.domain}.auth.localhost:${new URL(system.endpoint).port}`;
        await page.goto(
          `${domainBase}/login?${new URLSearchParams({
            response_type: 'code',
            client_id: pool.publicClientId,
            redirect_uri: pool.redirectUri,
            scope: 'openid',
          }).toString()}`,
        );
        // Run in the page (strings: this spec is compiled without the DOM's types).
        await page.waitForFunction(
          "document.querySelector('img.logo-customizable') !== null && document.querySelector('img.logo-customizable').complete",
        );
        const seen = await page.evaluate(`({
          button: getComputedStyle(document.querySelector('.submitButton-customizable')).backgroundColor,
          label: getComputedStyle(document.querySelector('.label-customizable')).color,
          main: getComputedStyle(document.querySelector('main')).maxWidth,
          logo: document.querySelector('img.logo-customizable').naturalWidth,
        })`);
        // The customization applies, and so does the page's own style (main's max-width): both
        // style elements are allowed by their hashes; the logo came from the domain host and decoded.
        expect(seen).toEqual({ button: 'rgb(255, 0, 0)', label: 'rgb(0, 128, 0)', main: '352px', logo: 1 });
        expect(violations).toEqual([]);
      } finally {
        await close();
      }
    }, 120_000);
  });
});
