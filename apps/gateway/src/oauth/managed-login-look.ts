/**
 * What the hosted pages take from a client's managed login branding and terms documents (ADR 0082,
 * ADR 0092). Of a branding's Settings the pages honour `categories.global.colorSchemeMode` (LIGHT,
 * DARK, or DYNAMIC: the browser's `prefers-color-scheme`) and, in the light and dark palettes
 * (`lightMode` / `darkMode`), the colours of the page background, the form, the text, the primary
 * button, links, inputs and their labels, the focus ring and the identity provider buttons, and
 * the corner radii of the form, buttons and inputs; of its
 * Assets the form (else page header) logo, the page background image and the favicon of each
 * scheme. Everything else is stored and answered by the API but not rendered.
 */
import type { OAuthBrandingLook } from '@idfed/contracts';

const HEX = /^(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** The colour schemes of managed login (`colorSchemeMode`), LIGHT when unset or unknown. */
export type ColorScheme = 'LIGHT' | 'DARK' | 'DYNAMIC';
type Palette = 'lightMode' | 'darkMode';

/** A member of a Settings document by path, when it is a branding colour; CSS `#rrggbb[aa]`. */
function colorAt(settings: unknown, path: string[]): string | undefined {
  let at: unknown = settings;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  }
  return typeof at === 'string' && HEX.test(at) ? `#${at.toLowerCase()}` : undefined;
}

/**
 * The dark palette a style gets where it sets no dark colour of its own: Cognito's default dark
 * values for the members idfed renders (the light palette's defaults are the pages' own style).
 * The user directory's DEFAULT_SETTINGS (ReturnMergedResources) answers the same values.
 */
const DARK_DEFAULTS = {
  components: {
    pageBackground: { darkMode: { color: '0f1b2aff' } },
    form: { darkMode: { backgroundColor: '0f1b2aff', borderColor: '424650ff' } },
    pageText: { darkMode: { headingColor: 'd1d5dbff', bodyColor: 'b6bec9ff', descriptionColor: 'b6bec9ff' } },
    primaryButton: {
      darkMode: {
        defaults: { backgroundColor: '539fe5ff', textColor: '000716ff' },
        hover: { backgroundColor: '89bdeeff', textColor: '000716ff' },
        active: { backgroundColor: '539fe5ff', textColor: '000716ff' },
      },
    },
    idpButton: {
      standard: {
        darkMode: {
          defaults: { backgroundColor: '0f1b2aff', borderColor: 'c6c6cdff', textColor: 'c6c6cdff' },
          hover: { backgroundColor: '192534ff', borderColor: '89bdeeff', textColor: '89bdeeff' },
        },
      },
    },
  },
  componentClasses: {
    link: { darkMode: { defaults: { textColor: '539fe5ff' }, hover: { textColor: '89bdeeff' } } },
    input: {
      darkMode: {
        defaults: { backgroundColor: '0f1b2aff', borderColor: '5f6b7aff' },
        placeholderColor: '8d99a8ff',
      },
    },
    inputLabel: { darkMode: { textColor: 'd1d5dbff' } },
    focusState: { darkMode: { borderColor: '539fe5ff' } },
  },
};

/** The style's `colorSchemeMode`; anything but the three values Cognito knows is LIGHT. */
export function colorSchemeOf(settings: Record<string, unknown> | undefined): ColorScheme {
  const categories = settings?.categories;
  const global =
    typeof categories === 'object' && categories !== null && Object.hasOwn(categories, 'global')
      ? (categories as Record<string, unknown>).global
      : undefined;
  const mode =
    typeof global === 'object' && global !== null && Object.hasOwn(global, 'colorSchemeMode')
      ? (global as Record<string, unknown>).colorSchemeMode
      : undefined;
  return mode === 'DARK' || mode === 'DYNAMIC' ? mode : 'LIGHT';
}

/**
 * One palette's CSS rules: only colours that are hex and URLs idfed built, so nothing else gets
 * in. `background`: the page background image's URL, `null` to take away the light one (the dark
 * palette of a DYNAMIC style whose image is light only), undefined for none.
 */
function paletteCss(
  settings: Record<string, unknown> | undefined,
  palette: Palette,
  background: string | null | undefined,
): string {
  const at = (root: string, path: string[]) =>
    colorAt(settings, [root, ...path]) ??
    (palette === 'darkMode' ? colorAt(DARK_DEFAULTS, [root, ...path]) : undefined);
  const c = (component: string, ...path: string[]) => at('components', [component, palette, ...path]);
  // Cognito's document has the link colours among componentClasses; idfed first read them from
  // components (ADR 0082), which a stored style may still hold.
  const cc = (component: string, ...path: string[]) =>
    at('componentClasses', [component, palette, ...path]) ??
    (component === 'link' ? c(component, ...path) : undefined);
  const idp = (...path: string[]) => at('components', ['idpButton', 'standard', palette, ...path]);
  const url = typeof background === 'string' && /^[\w/.:?=&%-]+$/.test(background) ? background : undefined;
  const border = (color: string | undefined) => color && `1px solid ${color}`;
  const rules: [string, [string, string | undefined][]][] = [
    [
      'body',
      [
        ['background-color', c('pageBackground', 'color')],
        ['color', c('pageText', 'bodyColor')],
        ['background-image', url ? `url("${url}")` : background === null ? 'none' : undefined],
        ['background-size', url && 'cover'],
      ],
    ],
    [
      'main',
      [
        ['background-color', c('form', 'backgroundColor')],
        ['border', border(c('form', 'borderColor'))],
      ],
    ],
    ['h1', [['color', c('pageText', 'headingColor')]]],
    ['.textDescription-customizable', [['color', c('pageText', 'descriptionColor')]]],
    [
      'button',
      [
        ['background-color', c('primaryButton', 'defaults', 'backgroundColor')],
        ['color', c('primaryButton', 'defaults', 'textColor')],
        ['border', c('primaryButton', 'defaults', 'backgroundColor') && '0'],
      ],
    ],
    [
      'button:hover',
      [
        ['background-color', c('primaryButton', 'hover', 'backgroundColor')],
        ['color', c('primaryButton', 'hover', 'textColor')],
      ],
    ],
    ['a', [['color', cc('link', 'defaults', 'textColor')]]],
    ['a:hover', [['color', cc('link', 'hover', 'textColor')]]],
    [
      'button:active',
      [
        ['background-color', c('primaryButton', 'active', 'backgroundColor')],
        ['color', c('primaryButton', 'active', 'textColor')],
      ],
    ],
    ['label', [['color', cc('inputLabel', 'textColor')]]],
    [
      'input',
      [
        ['background-color', cc('input', 'defaults', 'backgroundColor')],
        ['border', border(cc('input', 'defaults', 'borderColor'))],
      ],
    ],
    ['input::placeholder', [['color', cc('input', 'placeholderColor')]]],
    [
      'input:focus,button:focus-visible,a:focus-visible',
      [['outline', cc('focusState', 'borderColor') && `2px solid ${cc('focusState', 'borderColor')}`]],
    ],
    [
      '.idp',
      [
        ['background-color', idp('defaults', 'backgroundColor')],
        ['border-color', idp('defaults', 'borderColor')],
        ['color', idp('defaults', 'textColor')],
      ],
    ],
    [
      '.idp:hover',
      [
        ['background-color', idp('hover', 'backgroundColor')],
        ['border-color', idp('hover', 'borderColor')],
        ['color', idp('hover', 'textColor')],
      ],
    ],
  ];
  return rules
    .map(([selector, declarations]) => {
      const set = declarations.filter((d): d is [string, string] => d[1] !== undefined);
      return set.length ? `${selector}{${set.map(([p, v]) => `${p}:${v}`).join(';')}}` : '';
    })
    .join('');
}

const DARK_MEDIA = '@media (prefers-color-scheme:dark)';

/** A member of a Settings document by path, when it is a radius in pixels idfed will render. */
function radiusAt(settings: unknown, path: string[]): string | undefined {
  let at: unknown = settings;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, key))
      return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'number' && Number.isFinite(at) && at >= 0 && at <= 100 ? `${at}px` : undefined;
}

/**
 * The corner radii of both schemes (`components.form.borderRadius`, `componentClasses.buttons` and
 * `componentClasses.input`): numbers only, 0 to 100 pixels, so nothing else gets in.
 */
function shapeCss(settings: Record<string, unknown> | undefined): string {
  const rules: [string, string | undefined][] = [
    ['main', radiusAt(settings, ['components', 'form', 'borderRadius'])],
    ['button', radiusAt(settings, ['componentClasses', 'buttons', 'borderRadius'])],
    ['input', radiusAt(settings, ['componentClasses', 'input', 'borderRadius'])],
  ];
  return rules.map(([selector, radius]) => (radius ? `${selector}{border-radius:${radius}}` : '')).join('');
}

/**
 * The style's CSS rules for its colour scheme: the light palette (LIGHT), the dark one (DARK), or
 * the light one with the dark one in a `prefers-color-scheme: dark` media query (DYNAMIC). The
 * background images are the scheme's (`background.light` / `background.dark`).
 */
export function brandingCss(
  settings: Record<string, unknown> | undefined,
  background: { light?: string; dark?: string } = {},
): string {
  switch (colorSchemeOf(settings)) {
    case 'LIGHT':
      return paletteCss(settings, 'lightMode', background.light) + shapeCss(settings);
    case 'DARK':
      return `:root{color-scheme:dark}${paletteCss(settings, 'darkMode', background.dark)}${shapeCss(settings)}`;
    case 'DYNAMIC': {
      const light = paletteCss(settings, 'lightMode', background.light);
      const dark = paletteCss(settings, 'darkMode', background.dark ?? (background.light ? null : undefined));
      return `:root{color-scheme:light dark}${light}${shapeCss(settings)}${DARK_MEDIA}{${dark}}`;
    }
  }
}

/**
 * The asset of the first category found for a scheme: light or browser-adaptive for light,
 * dark or browser-adaptive for dark (Cognito shows a LIGHT image in light mode only).
 */
export function assetOf(
  branding: OAuthBrandingLook,
  categories: string[],
  scheme: 'light' | 'dark' = 'light',
): { Category: string; ColorMode: string; Extension: string } | undefined {
  for (const category of categories) {
    for (const mode of [scheme === 'dark' ? 'DARK' : 'LIGHT', 'DYNAMIC']) {
      const found = branding.Assets.find((a) => a.Category === category && a.ColorMode === mode);
      if (found) return found;
    }
  }
  return undefined;
}

/** An image of each scheme; either absent when the style has none for it. */
export interface ByScheme {
  light?: string;
  dark?: string;
}

/** What a page shows of a branding: its CSS and the URLs of its images (ADR 0092). */
export interface BrandingPageLook {
  brandingCss: string;
  /** The one logo, whatever the browser's scheme. */
  logoUrl?: string;
  /** A DYNAMIC style's logos when they differ by scheme. */
  logoByScheme?: ByScheme;
  faviconUrl?: string;
  faviconByScheme?: ByScheme;
}

const LOGOS = ['FORM_LOGO', 'PAGE_HEADER_LOGO'];
const FAVICONS = ['FAVICON_ICO', 'FAVICON_SVG'];

/**
 * A branding's look for its colour scheme; `urlOf` gives an asset's same-origin URL. A LIGHT
 * style shows its light images, a DARK one its dark images, a DYNAMIC one both, each under its
 * `prefers-color-scheme` (one image when a browser-adaptive one serves both).
 */
export function brandingLook(
  branding: OAuthBrandingLook,
  urlOf: (asset?: { Category: string; ColorMode: string }) => string | undefined,
): BrandingPageLook {
  const scheme = colorSchemeOf(branding.Settings);
  const of = (categories: string[], dark: boolean) =>
    urlOf(assetOf(branding, categories, dark ? 'dark' : 'light'));
  if (scheme !== 'DYNAMIC') {
    const dark = scheme === 'DARK';
    const background = of(['PAGE_BACKGROUND'], dark);
    const logoUrl = of(LOGOS, dark);
    const faviconUrl = of(FAVICONS, dark);
    return {
      brandingCss: brandingCss(branding.Settings, dark ? { dark: background } : { light: background }),
      ...(logoUrl ? { logoUrl } : {}),
      ...(faviconUrl ? { faviconUrl } : {}),
    };
  }
  const both = (categories: string[]): ByScheme => ({
    light: of(categories, false),
    dark: of(categories, true),
  });
  const single = (pair: ByScheme) => (pair.light === pair.dark ? pair.light : undefined);
  const logos = both(LOGOS);
  const favicons = both(FAVICONS);
  const logoUrl = single(logos);
  const faviconUrl = single(favicons);
  return {
    brandingCss: brandingCss(branding.Settings, both(['PAGE_BACKGROUND'])),
    ...(logoUrl ? { logoUrl } : logos.light !== logos.dark ? { logoByScheme: logos } : {}),
    ...(faviconUrl ? { faviconUrl } : favicons.light !== favicons.dark ? { faviconByScheme: favicons } : {}),
  };
}

/** Managed login's languages (LanguageIdType) by the language tags a browser or `lang` names. */
const LANGUAGES: [RegExp, string][] = [
  [/^nl\b/i, 'cognito:dutch'],
  [/^en\b/i, 'cognito:english'],
  [/^fr\b/i, 'cognito:french'],
  [/^es\b/i, 'cognito:spanish'],
  [/^de\b/i, 'cognito:german'],
  [/^id\b/i, 'cognito:bahasa-indonesia'],
  [/^it\b/i, 'cognito:italian'],
  [/^ja\b/i, 'cognito:japanese'],
  [/^ko\b/i, 'cognito:korean'],
  [/^pt\b/i, 'cognito:portuguese-brazil'],
  [/^zh-(TW|HK|MO|Hant)\b/i, 'cognito:chinese-traditional'],
  [/^zh\b/i, 'cognito:chinese-simplified'],
];

/**
 * The user's languages, most wanted first: managed login's `lang` query parameter, then the
 * browser's Accept-Language by its q-values.
 */
export function languagesOf(lang: string | null, acceptLanguage: string | undefined): string[] {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((t) => t.tag && t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((t) => t.tag);
  const wanted = lang ? [lang, ...tags] : tags;
  const out: string[] = [];
  for (const tag of wanted) {
    const found = LANGUAGES.find(([pattern]) => pattern.test(tag));
    if (found && !out.includes(found[1])) out.push(found[1]);
  }
  return out;
}

/** The link of a terms document for the user: the first of their languages it has, else `cognito:default`. */
export function linkFor(links: Record<string, string> | undefined, languages: string[]): string | undefined {
  if (!links) return undefined;
  for (const language of [...languages, 'cognito:default']) {
    const url = links[language];
    if (typeof url === 'string' && isHttpsUrl(url)) return url;
  }
  return undefined;
}

/** Only https links reach a page, whatever was stored. */
export function isHttpsUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** The two links of the sign-up page, when both documents have one for the user. */
export function termsLinksFor(
  terms: Record<string, Record<string, string>> | undefined,
  languages: string[],
): { termsOfUse: string; privacyPolicy: string } | undefined {
  const termsOfUse = linkFor(terms?.['terms-of-use'], languages);
  const privacyPolicy = linkFor(terms?.['privacy-policy'], languages);
  return termsOfUse && privacyPolicy ? { termsOfUse, privacyPolicy } : undefined;
}
