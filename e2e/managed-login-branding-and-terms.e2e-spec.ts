import {
  CognitoIdentityProviderClient,
  CreateManagedLoginBrandingCommand,
  CreateTermsCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteManagedLoginBrandingCommand,
  DeleteTermsCommand,
  DescribeManagedLoginBrandingByClientCommand,
  DescribeManagedLoginBrandingCommand,
  DescribeTermsByClientCommand,
  DescribeTermsCommand,
  DescribeUserPoolDomainCommand,
  ListTermsCommand,
  UpdateManagedLoginBrandingCommand,
  UpdateTermsCommand,
  UpdateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { DocumentType } from '@smithy/types';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { launchBrowser } from './support/browser';
import { browse, CookieJar, createOAuthPool } from './support/hosted-ui';

/** A real 1x1 PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const pngOf = (size: number) => Buffer.concat([PIXEL, Buffer.alloc(size - PIXEL.length)]);
const SETTINGS = {
  components: {
    pageBackground: { lightMode: { color: '102030ff' } },
    primaryButton: { lightMode: { defaults: { backgroundColor: 'ff9900ff', textColor: '000000ff' } } },
  },
  categories: { global: { colorSchemeMode: 'LIGHT' } },
};
const TERMS = {
  'cognito:default': 'https://example.com/terms',
  'cognito:spanish': 'https://example.com/es/terminos',
};
const PRIVACY = { 'cognito:default': 'https://example.com/privacy' };

/**
 * Managed login branding and terms documents (ADR 0082) through the unchanged AWS SDK v3: the
 * operations' shapes and errors, what the hosted sign-up page makes of them, and the refusals
 * (another pool's ids, bad settings and images, links that are not https, unsigned and forged calls)
 * changing nothing.
 */
describe('managed login branding and terms', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
  });
  afterAll(() => admin.destroy());

  async function poolAndClient(): Promise<{ UserPoolId: string; ClientId: string }> {
    const UserPoolId = (await admin.send(new CreateUserPoolCommand({ PoolName: 'branding' }))).UserPool!.Id!;
    const ClientId = (await admin.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'web' })))
      .UserPoolClient!.ClientId!;
    return { UserPoolId, ClientId };
  }

  it('creates, describes, updates and deletes a client style, one a client', async () => {
    const { UserPoolId, ClientId } = await poolAndClient();
    const created = (
      await admin.send(
        new CreateManagedLoginBrandingCommand({
          UserPoolId,
          ClientId,
          Settings: SETTINGS,
          Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: PIXEL }],
        }),
      )
    ).ManagedLoginBranding!;
    expect(created).toMatchObject({ UserPoolId, UseCognitoProvidedValues: false, Settings: SETTINGS });
    expect(created.ManagedLoginBrandingId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(created.CreationDate).toBeInstanceOf(Date);
    expect(created.Assets).toHaveLength(1);
    expect(Buffer.from(created.Assets![0].Bytes!).equals(PIXEL)).toBe(true);
    const ManagedLoginBrandingId = created.ManagedLoginBrandingId!;

    const byId = (
      await admin.send(new DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId }))
    ).ManagedLoginBranding!;
    expect(byId).toMatchObject({ ManagedLoginBrandingId, Settings: SETTINGS });
    const byClient = (
      await admin.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId }))
    ).ManagedLoginBranding!;
    expect(byClient.ManagedLoginBrandingId).toBe(ManagedLoginBrandingId);
    // ReturnMergedResources: the values left at their defaults come too.
    const merged = (
      await admin.send(
        new DescribeManagedLoginBrandingCommand({
          UserPoolId,
          ManagedLoginBrandingId,
          ReturnMergedResources: true,
        }),
      )
    ).ManagedLoginBranding!.Settings as typeof SETTINGS & {
      components: Record<string, unknown>;
      componentClasses: Record<string, unknown>;
    };
    expect(merged.components.pageBackground).toMatchObject({
      lightMode: { color: '102030ff' },
      darkMode: { color: '0f1b2aff' },
    });
    // Where Cognito's document has the link colours (ADR 0092).
    expect(merged.componentClasses).toHaveProperty('link.darkMode.defaults.textColor');

    await expectAwsError(
      admin.send(
        new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, UseCognitoProvidedValues: true }),
      ),
      'ManagedLoginBrandingExistsException',
    );

    // Update keeps what it is not given: settings merged, the logo kept, a dark logo added.
    const updated = (
      await admin.send(
        new UpdateManagedLoginBrandingCommand({
          UserPoolId,
          ManagedLoginBrandingId,
          Settings: { components: { pageBackground: { lightMode: { color: 'ffffffff' } } } },
          Assets: [{ Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'PNG', Bytes: PIXEL }],
        }),
      )
    ).ManagedLoginBranding!;
    expect(updated.Settings).toEqual({
      ...SETTINGS,
      components: { ...SETTINGS.components, pageBackground: { lightMode: { color: 'ffffffff' } } },
    });
    expect(updated.Assets!.map((a) => `${a.Category}/${a.ColorMode}`)).toEqual([
      'FORM_LOGO/DARK',
      'FORM_LOGO/LIGHT',
    ]);
    expect(updated.LastModifiedDate!.getTime()).toBeGreaterThanOrEqual(created.LastModifiedDate!.getTime());

    // Cognito's provided values: no settings, no images.
    const reset = (
      await admin.send(
        new UpdateManagedLoginBrandingCommand({
          UserPoolId,
          ManagedLoginBrandingId,
          UseCognitoProvidedValues: true,
        }),
      )
    ).ManagedLoginBranding!;
    expect(reset).toMatchObject({ UseCognitoProvidedValues: true, Assets: [] });
    expect(reset).not.toHaveProperty('Settings');

    await admin.send(new DeleteManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId }));
    await expectAwsError(
      admin.send(new DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new DeleteManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId })),
      'ResourceNotFoundException',
    );
    // With the style gone, the client may have a new one.
    const again = await admin.send(
      new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, UseCognitoProvidedValues: true }),
    );
    expect(again.ManagedLoginBranding).toMatchObject({ UseCognitoProvidedValues: true, Assets: [] });
  });

  it('stores and echoes the domain ManagedLoginVersion', async () => {
    const { UserPoolId } = await poolAndClient();
    const Domain = `mlv-${randomBytes(4).toString('hex')}`;
    expect(
      (await admin.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain, ManagedLoginVersion: 2 })))
        .ManagedLoginVersion,
    ).toBe(2);
    expect(
      (await admin.send(new DescribeUserPoolDomainCommand({ Domain }))).DomainDescription!
        .ManagedLoginVersion,
    ).toBe(2);
    await admin.send(new UpdateUserPoolDomainCommand({ UserPoolId, Domain, ManagedLoginVersion: 1 }));
    expect(
      (await admin.send(new DescribeUserPoolDomainCommand({ Domain }))).DomainDescription!
        .ManagedLoginVersion,
    ).toBe(1);
  });

  it('refuses bad settings and images, another pool ids, and unsigned or forged calls, changing nothing', async () => {
    const { UserPoolId, ClientId } = await poolAndClient();
    const other = await poolAndClient();
    const kept = (
      await admin.send(new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, Settings: SETTINGS }))
    ).ManagedLoginBranding!;
    const id = kept.ManagedLoginBrandingId!;
    const badSettings: DocumentType[] = [
      { components: { pageBackground: { lightMode: { color: 'red' } } } },
      { components: { pageBackground: { lightMode: { color: '"></style><script>alert(1)</script>' } } } },
      { components: { form: { title: '<img src=x onerror=alert(1)>' } } },
      { big: Array.from({ length: 80 }, () => 'x'.repeat(2000)) },
      JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) as DocumentType,
      JSON.parse('{"components":{"__proto__":{"polluted":true}}}') as DocumentType,
    ];
    for (const Settings of badSettings) {
      await expectAwsError(
        admin.send(
          new UpdateManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id, Settings }),
        ),
        'InvalidParameterException',
      );
      await expectAwsError(
        admin.send(
          new CreateManagedLoginBrandingCommand({
            UserPoolId: other.UserPoolId,
            ClientId: other.ClientId,
            Settings,
          }),
        ),
        'InvalidParameterException',
      );
    }
    // A Settings document that is not a JSON object never reaches the service.
    await expectAwsError(
      admin.send(
        new UpdateManagedLoginBrandingCommand({
          UserPoolId,
          ManagedLoginBrandingId: id,
          Settings: 'not an object',
        }),
      ),
      'SerializationException',
    );
    const badAssets = [
      { Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'JPEG', Bytes: PIXEL },
      {
        Category: 'FORM_LOGO',
        ColorMode: 'LIGHT',
        Extension: 'SVG',
        Bytes: Buffer.from('<svg onload="alert(1)"></svg>'),
      },
      {
        Category: 'FORM_LOGO',
        ColorMode: 'LIGHT',
        Extension: 'SVG',
        Bytes: Buffer.from('<svg><script>alert(1)</script></svg>'),
      },
      { Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' },
    ] as const;
    for (const asset of badAssets) {
      await expectAwsError(
        admin.send(
          new UpdateManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id, Assets: [asset] }),
        ),
        'InvalidParameterException',
      );
    }
    await expectAwsError(
      admin.send(
        new UpdateManagedLoginBrandingCommand({
          UserPoolId,
          ManagedLoginBrandingId: id,
          UseCognitoProvidedValues: true,
          Settings: SETTINGS,
        }),
      ),
      'InvalidParameterException',
    );
    // A request over the body limit is refused whole; the images of one style are held to 450,000 bytes.
    await expectAwsError(
      admin.send(
        new UpdateManagedLoginBrandingCommand({
          UserPoolId,
          ManagedLoginBrandingId: id,
          Assets: [
            { Category: 'PAGE_BACKGROUND', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: pngOf(1_000_001) },
          ],
        }),
      ),
      'RequestEntityTooLargeException',
      { status: 413 },
    );
    for (const Category of ['PAGE_BACKGROUND', 'FORM_BACKGROUND'] as const) {
      await admin.send(
        new UpdateManagedLoginBrandingCommand({
          UserPoolId,
          ManagedLoginBrandingId: id,
          Assets: [{ Category, ColorMode: 'LIGHT', Extension: 'PNG', Bytes: pngOf(180_000) }],
        }),
      );
    }
    await expectAwsError(
      admin.send(
        new UpdateManagedLoginBrandingCommand({
          UserPoolId,
          ManagedLoginBrandingId: id,
          Settings: { components: { pageBackground: { lightMode: { color: '000000ff' } } } },
          Assets: [
            {
              Category: 'PAGE_FOOTER_BACKGROUND',
              ColorMode: 'LIGHT',
              Extension: 'PNG',
              Bytes: pngOf(180_000),
            },
          ],
        }),
      ),
      'InvalidParameterException',
    );
    // Another pool's style and client: not found, nothing changed.
    await expectAwsError(
      admin.send(
        new DescribeManagedLoginBrandingCommand({ UserPoolId: other.UserPoolId, ManagedLoginBrandingId: id }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new UpdateManagedLoginBrandingCommand({
          UserPoolId: other.UserPoolId,
          ManagedLoginBrandingId: id,
          UseCognitoProvidedValues: true,
        }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new DeleteManagedLoginBrandingCommand({ UserPoolId: other.UserPoolId, ManagedLoginBrandingId: id }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new CreateManagedLoginBrandingCommand({ UserPoolId: other.UserPoolId, ClientId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: other.UserPoolId, ClientId })),
      'ResourceNotFoundException',
    );
    const app = cognitoPublic(system);
    const forger = new CognitoIdentityProviderClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials: {
        accessKeyId: system.adminAccessKeyId,
        secretAccessKey: 'not-the-secret-at-all-000000000000',
      },
      maxAttempts: 1,
    });
    try {
      await expectAwsError(
        app.send(
          new UpdateManagedLoginBrandingCommand({
            UserPoolId,
            ManagedLoginBrandingId: id,
            UseCognitoProvidedValues: true,
          }),
        ),
        'UnrecognizedClientException',
      );
      await expectAwsError(
        forger.send(new DeleteManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id })),
        'InvalidSignatureException',
      );
      await expectAwsError(
        app.send(
          new CreateTermsCommand({
            UserPoolId,
            ClientId,
            TermsName: 'terms-of-use',
            TermsSource: 'LINK',
            Enforcement: 'NONE',
            Links: TERMS,
          }),
        ),
        'UnrecognizedClientException',
      );
      await expectAwsError(forger.send(new ListTermsCommand({ UserPoolId })), 'InvalidSignatureException');
    } finally {
      app.destroy();
      forger.destroy();
    }
    const now = (
      await admin.send(new DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id }))
    ).ManagedLoginBranding!;
    expect(now).toMatchObject({ UseCognitoProvidedValues: false, Settings: SETTINGS });
    expect(now.Assets!.map((a) => a.Category)).toEqual(['FORM_BACKGROUND', 'PAGE_BACKGROUND']);
    expect((await admin.send(new ListTermsCommand({ UserPoolId }))).Terms).toEqual([]);
  });

  it('creates, describes, lists, updates and deletes terms, one of each name a client', async () => {
    const { UserPoolId, ClientId } = await poolAndClient();
    const common = { UserPoolId, ClientId, TermsSource: 'LINK', Enforcement: 'NONE' } as const;
    const terms = (
      await admin.send(new CreateTermsCommand({ ...common, TermsName: 'terms-of-use', Links: TERMS }))
    ).Terms!;
    expect(terms).toMatchObject({ ...common, TermsName: 'terms-of-use', Links: TERMS });
    expect(terms.CreationDate).toBeInstanceOf(Date);
    const privacy = (
      await admin.send(new CreateTermsCommand({ ...common, TermsName: 'privacy-policy', Links: PRIVACY }))
    ).Terms!;
    await expectAwsError(
      admin.send(new CreateTermsCommand({ ...common, TermsName: 'terms-of-use', Links: PRIVACY })),
      'TermsExistsException',
    );
    expect(
      (await admin.send(new DescribeTermsCommand({ UserPoolId, TermsId: terms.TermsId }))).Terms,
    ).toEqual(terms);
    expect(
      (
        await admin.send(
          new DescribeTermsByClientCommand({ UserPoolId, ClientId, TermsName: 'privacy-policy' }),
        )
      ).Terms,
    ).toEqual(privacy);

    const first = await admin.send(new ListTermsCommand({ UserPoolId, MaxResults: 1 }));
    expect(first.Terms).toEqual([
      {
        TermsId: terms.TermsId,
        TermsName: 'terms-of-use',
        Enforcement: 'NONE',
        CreationDate: terms.CreationDate,
        LastModifiedDate: terms.LastModifiedDate,
      },
    ]);
    const second = await admin.send(
      new ListTermsCommand({ UserPoolId, MaxResults: 1, NextToken: first.NextToken }),
    );
    expect(second.Terms!.map((t) => t.TermsId)).toEqual([privacy.TermsId]);
    expect(second.NextToken).toBeUndefined();
    await expectAwsError(
      admin.send(
        new ListTermsCommand({ UserPoolId, NextToken: Buffer.from('{"after":"x"}').toString('base64url') }),
      ),
      'InvalidParameterException',
    );

    await expectAwsError(
      admin.send(new UpdateTermsCommand({ UserPoolId, TermsId: privacy.TermsId, TermsName: 'terms-of-use' })),
      'TermsExistsException',
    );
    const updated = (
      await admin.send(
        new UpdateTermsCommand({
          UserPoolId,
          TermsId: privacy.TermsId,
          Links: { 'cognito:german': 'https://example.de/p' },
        }),
      )
    ).Terms!;
    expect(updated).toMatchObject({
      TermsName: 'privacy-policy',
      Links: { 'cognito:german': 'https://example.de/p' },
    });

    await admin.send(new DeleteTermsCommand({ UserPoolId, TermsId: privacy.TermsId }));
    await expectAwsError(
      admin.send(new DescribeTermsCommand({ UserPoolId, TermsId: privacy.TermsId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new DescribeTermsByClientCommand({ UserPoolId, ClientId, TermsName: 'privacy-policy' })),
      'ResourceNotFoundException',
    );
    expect((await admin.send(new ListTermsCommand({ UserPoolId }))).Terms!.map((t) => t.TermsId)).toEqual([
      terms.TermsId,
    ]);
  });

  it('refuses links that are not https, bad names and another pool ids, changing nothing', async () => {
    const { UserPoolId, ClientId } = await poolAndClient();
    const other = await poolAndClient();
    const common = { UserPoolId, ClientId, TermsSource: 'LINK', Enforcement: 'NONE' } as const;
    const terms = (
      await admin.send(new CreateTermsCommand({ ...common, TermsName: 'terms-of-use', Links: TERMS }))
    ).Terms!;
    for (const url of [
      'javascript:alert(1)',
      'http://example.com/terms',
      'data:text/html,<script>alert(1)</script>',
      '//example.com/terms',
      'https://user:pw@example.com/terms',
    ]) {
      await expectAwsError(
        admin.send(
          new UpdateTermsCommand({ UserPoolId, TermsId: terms.TermsId, Links: { 'cognito:default': url } }),
        ),
        'InvalidParameterException',
      );
      await expectAwsError(
        admin.send(
          new CreateTermsCommand({
            ...common,
            TermsName: 'privacy-policy',
            Links: { 'cognito:default': url },
          }),
        ),
        'InvalidParameterException',
      );
    }
    // The model's constraints, checked at the gateway.
    await expectAwsError(
      admin.send(new CreateTermsCommand({ ...common, TermsName: 'cookies', Links: PRIVACY })),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(
        new CreateTermsCommand({
          ...common,
          TermsName: 'privacy-policy',
          Links: { 'cognito:klingon': 'https://e.com' },
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(new CreateTermsCommand({ ...common, TermsName: 'privacy-policy', Links: {} })),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(new CreateTermsCommand({ ...common, TermsName: 'privacy-policy' })),
      'InvalidParameterException',
    );
    // Another pool's terms and client.
    await expectAwsError(
      admin.send(new DescribeTermsCommand({ UserPoolId: other.UserPoolId, TermsId: terms.TermsId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new UpdateTermsCommand({ UserPoolId: other.UserPoolId, TermsId: terms.TermsId, Links: PRIVACY }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new DeleteTermsCommand({ UserPoolId: other.UserPoolId, TermsId: terms.TermsId })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new CreateTermsCommand({
          ...common,
          UserPoolId: other.UserPoolId,
          TermsName: 'privacy-policy',
          Links: PRIVACY,
        }),
      ),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new DescribeTermsByClientCommand({
          UserPoolId: other.UserPoolId,
          ClientId,
          TermsName: 'terms-of-use',
        }),
      ),
      'ResourceNotFoundException',
    );
    expect(
      (await admin.send(new DescribeTermsCommand({ UserPoolId, TermsId: terms.TermsId }))).Terms,
    ).toEqual(terms);
    expect((await admin.send(new ListTermsCommand({ UserPoolId }))).Terms).toHaveLength(1);
    expect((await admin.send(new ListTermsCommand({ UserPoolId: other.UserPoolId }))).Terms).toEqual([]);
  });

  describe('on the hosted sign-up page', () => {
    const signUpUrl = (pool: { issuer: string; redirectUri: string }, clientId: string, lang?: string) =>
      `${pool.issuer}/signup?${new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: pool.redirectUri,
        scope: 'openid',
        ...(lang ? { lang } : {}),
      }).toString()}`;

    it("links the client's terms in the user's language, escaped, once both documents exist", async () => {
      const pool = await createOAuthPool(admin, system.endpoint);
      const common = {
        UserPoolId: pool.poolId,
        ClientId: pool.publicClientId,
        TermsSource: 'LINK',
        Enforcement: 'NONE',
      } as const;
      await admin.send(new CreateTermsCommand({ ...common, TermsName: 'terms-of-use', Links: TERMS }));
      // Only one document: Cognito shows none.
      expect((await browse(new CookieJar(), signUpUrl(pool, pool.publicClientId))).html).not.toContain(
        'termsLinks',
      );
      const injected = 'https://example.com/privacy?x="><script>alert(1)</script>';
      await admin.send(
        new CreateTermsCommand({
          ...common,
          TermsName: 'privacy-policy',
          Links: { 'cognito:default': injected },
        }),
      );
      // The pages read a client's terms at most every 5 s.
      const page = await eventually(async () => {
        const seen = await browse(new CookieJar(), signUpUrl(pool, pool.publicClientId, 'es'));
        expect(seen.html).toContain('id="termsLinks"');
        return seen;
      });
      expect(page.html).toContain('id="termsOfUseLink" href="https://example.com/es/terminos"');
      expect(page.html).toContain(
        'id="privacyPolicyLink" href="https://example.com/privacy?x=&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"',
      );
      expect(page.html).not.toContain('<script>');
      // The browser's language: Spanish has its own link, German falls back to the default.
      const inLanguage = async (acceptLanguage: string) =>
        (
          await fetch(signUpUrl(pool, pool.publicClientId), {
            headers: { 'accept-language': acceptLanguage },
          })
        ).text();
      expect(await inLanguage('es-ES,es;q=0.9')).toContain(
        'id="termsOfUseLink" href="https://example.com/es/terminos"',
      );
      expect(await inLanguage('de-DE,en;q=0.5')).toContain(
        'id="termsOfUseLink" href="https://example.com/terms"',
      );
      // Another client of the pool has no terms.
      expect((await browse(new CookieJar(), signUpUrl(pool, pool.secretClientId))).html).not.toContain(
        'termsLinks',
      );
    });

    it('shows the terms links and the branding in Chromium at the domain host, under the CSP', async () => {
      const pool = await createOAuthPool(admin, system.endpoint);
      const common = {
        UserPoolId: pool.poolId,
        ClientId: pool.publicClientId,
        TermsSource: 'LINK',
        Enforcement: 'NONE',
      } as const;
      await admin.send(new CreateTermsCommand({ ...common, TermsName: 'terms-of-use', Links: TERMS }));
      await admin.send(new CreateTermsCommand({ ...common, TermsName: 'privacy-policy', Links: PRIVACY }));
      await admin.send(
        new CreateManagedLoginBrandingCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.publicClientId,
          Settings: SETTINGS,
          Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: PIXEL }],
        }),
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
          `${domainBase}/signup?${new URLSearchParams({
            response_type: 'code',
            client_id: pool.publicClientId,
            redirect_uri: pool.redirectUri,
            scope: 'openid',
            lang: 'es',
          }).toString()}`,
        );
        // Run in the page (strings: this spec is compiled without the DOM's types).
        await page.waitForFunction(
          "document.querySelector('img.logo-customizable') !== null && document.querySelector('img.logo-customizable').complete",
        );
        const seen = await page.evaluate(`({
          terms: document.querySelector('#termsOfUseLink').href,
          privacy: document.querySelector('#privacyPolicyLink').href,
          termsText: document.querySelector('#termsLinks').textContent,
          body: getComputedStyle(document.body).backgroundColor,
          button: getComputedStyle(document.querySelector('.submitButton-customizable')).backgroundColor,
          buttonText: getComputedStyle(document.querySelector('.submitButton-customizable')).color,
          main: getComputedStyle(document.querySelector('main')).maxWidth,
          logo: document.querySelector('img.logo-customizable').naturalWidth,
        })`);
        expect(seen).toEqual({
          terms: 'https://example.com/es/terminos',
          privacy: 'https://example.com/privacy',
          termsText: 'By signing up, you agree to the Terms of use and the Privacy policy.',
          body: 'rgb(16, 32, 48)',
          button: 'rgb(255, 153, 0)',
          buttonText: 'rgb(0, 0, 0)',
          main: '352px',
          logo: 1,
        });
        expect(violations).toEqual([]);
      } finally {
        await close();
      }
    }, 120_000);

    it("applies the client's branding colours and serves its images by the pool's id only", async () => {
      const pool = await createOAuthPool(admin, system.endpoint);
      const branding = (
        await admin.send(
          new CreateManagedLoginBrandingCommand({
            UserPoolId: pool.poolId,
            ClientId: pool.publicClientId,
            Settings: SETTINGS,
            Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: PIXEL }],
          }),
        )
      ).ManagedLoginBranding!;
      const page = await browse(new CookieJar(), signUpUrl(pool, pool.publicClientId));
      expect(page.html).toContain(
        '<style id="managed-login-branding">body{background-color:#102030ff}button{background-color:#ff9900ff;color:#000000ff;border:0}',
      );
      const logoPath = `/${pool.poolId}/managed-login/assets/${branding.ManagedLoginBrandingId}/FORM_LOGO/LIGHT`;
      expect(page.html).toContain(`<img class="logo-customizable" src="${logoPath}?v=`);
      const logo = await fetch(`${system.endpoint}${logoPath}`);
      expect(logo.status).toBe(200);
      expect(logo.headers.get('content-type')).toBe('image/png');
      expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
      expect(logo.headers.get('content-security-policy')).toContain('sandbox');
      expect(Buffer.from(await logo.arrayBuffer()).equals(PIXEL)).toBe(true);
      // The same image by another pool's id, an image the style has not, a made-up id: 404.
      const other = await poolAndClient();
      expect(
        (await fetch(`${system.endpoint}${logoPath.replace(pool.poolId, other.UserPoolId)}`)).status,
      ).toBe(404);
      expect((await fetch(`${system.endpoint}${logoPath.replace('LIGHT', 'DARK')}`)).status).toBe(404);
      expect((await fetch(`${system.endpoint}${logoPath.replace(/[0-9a-f]{8}-/, '00000000-')}`)).status).toBe(
        404,
      );
      // The other client of the pool keeps the classic look.
      expect((await browse(new CookieJar(), signUpUrl(pool, pool.secretClientId))).html).not.toContain(
        'managed-login-branding',
      );
    });
  });
});
