/**
 * What the hosted pages take from a client's managed login branding and terms documents (ADR
 * 0082). The pages are light-mode pages of idfed's own layout: of a branding's Settings they
 * honour the light-mode colours of the page background, the form, the primary button, the text
 * and links; of its Assets the form (else page header) logo, the page background image and the
 * favicon. Everything else is stored and answered by the API but not rendered.
 */
import type { OAuthBrandingLook } from '@idfed/contracts';

const HEX = /^(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** A member of the Settings document by path, when it is a branding colour; CSS `#rrggbb[aa]`. */
function colorAt(settings: Record<string, unknown> | undefined, path: string[]): string | undefined {
  let at: unknown = settings;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'string' && HEX.test(at) ? `#${at.toLowerCase()}` : undefined;
}

/** The style's CSS rules: only colours that are hex and URLs idfed built, so nothing else gets in. */
export function brandingCss(settings: Record<string, unknown> | undefined, backgroundUrl?: string): string {
  const c = (...path: string[]) => colorAt(settings, ['components', ...path]);
  const background = backgroundUrl && /^[\w/.:?=&%-]+$/.test(backgroundUrl) ? backgroundUrl : undefined;
  const rules: [string, [string, string | undefined][]][] = [
    [
      'body',
      [
        ['background-color', c('pageBackground', 'lightMode', 'color')],
        ['color', c('pageText', 'lightMode', 'bodyColor')],
        ['background-image', background && `url("${background}")`],
        ['background-size', background && 'cover'],
      ],
    ],
    [
      'main',
      [
        ['background-color', c('form', 'lightMode', 'backgroundColor')],
        [
          'border',
          c('form', 'lightMode', 'borderColor') && `1px solid ${c('form', 'lightMode', 'borderColor')}`,
        ],
      ],
    ],
    ['h1', [['color', c('pageText', 'lightMode', 'headingColor')]]],
    ['.textDescription-customizable', [['color', c('pageText', 'lightMode', 'descriptionColor')]]],
    [
      'button',
      [
        ['background-color', c('primaryButton', 'lightMode', 'defaults', 'backgroundColor')],
        ['color', c('primaryButton', 'lightMode', 'defaults', 'textColor')],
        ['border', c('primaryButton', 'lightMode', 'defaults', 'backgroundColor') && '0'],
      ],
    ],
    [
      'button:hover',
      [
        ['background-color', c('primaryButton', 'lightMode', 'hover', 'backgroundColor')],
        ['color', c('primaryButton', 'lightMode', 'hover', 'textColor')],
      ],
    ],
    ['a', [['color', c('link', 'lightMode', 'defaults', 'textColor')]]],
    ['a:hover', [['color', c('link', 'lightMode', 'hover', 'textColor')]]],
  ];
  return rules
    .map(([selector, declarations]) => {
      const set = declarations.filter((d): d is [string, string] => d[1] !== undefined);
      return set.length ? `${selector}{${set.map(([p, v]) => `${p}:${v}`).join(';')}}` : '';
    })
    .join('');
}

/** The asset of the first category found, light or browser-adaptive (the pages are light). */
export function assetOf(
  branding: OAuthBrandingLook,
  categories: string[],
): { Category: string; ColorMode: string; Extension: string } | undefined {
  for (const category of categories) {
    for (const mode of ['LIGHT', 'DYNAMIC']) {
      const found = branding.Assets.find((a) => a.Category === category && a.ColorMode === mode);
      if (found) return found;
    }
  }
  return undefined;
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
