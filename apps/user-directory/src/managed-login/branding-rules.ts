import { AssetType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';

/**
 * The checks of a managed login branding style's Settings document and Assets (ADR 0082). Cognito
 * validates Settings against its branding editor's schema, which it does not publish; idfed checks
 * what its pages read (colours), keeps the rest as given, and refuses what could never be a style:
 * a document too large or too deep, keys or strings with markup or control characters.
 */

/** idfed's limits: a Settings document's size once serialized, its depth, one string's length. */
export const MAX_SETTINGS_BYTES = 128 * 1024;
export const MAX_SETTINGS_DEPTH = 16;
const MAX_SETTINGS_STRING = 2048;
/**
 * The assets of one style together (their bytes): an answer carries them all in base64, and with
 * the request it makes one audit record, which must stay one bus message (Kafka: 1 MB by default).
 */
export const MAX_ASSET_BYTES_TOTAL = 450_000;

/** A colour of the branding editor: RRGGBB or RRGGBBAA in hex, no `#`. */
export const BRANDING_COLOR = /^(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
const KEY = /^[A-Za-z0-9_:.-]{1,128}$/;
/** Names that would reach an object's prototype when the document is merged. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[<>\u0000-\u001f\u007f]/;

/** A member that names a colour: `color`, `backgroundColor`, `textColor`, ... */
export const isColorKey = (key: string) => key === 'color' || /Color$/.test(key);

const invalidSettings = (reason: string) => CognitoErrors.invalidParameter(`Settings is invalid: ${reason}`);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Settings document as stored, or an InvalidParameterException saying why not. */
export function checkSettings(settings: unknown): Record<string, unknown> {
  if (!isPlainObject(settings)) throw invalidSettings('it must be a JSON object.');
  const text = JSON.stringify(settings);
  if (Buffer.byteLength(text, 'utf8') > MAX_SETTINGS_BYTES) {
    throw invalidSettings(`it must be ${MAX_SETTINGS_BYTES} bytes or smaller.`);
  }
  walk(settings, '', 1);
  const mode = memberAt(settings, ['categories', 'global', 'colorSchemeMode']);
  if (mode !== undefined && !COLOR_SCHEME_MODES.has(mode as string)) {
    throw invalidSettings('categories.global.colorSchemeMode must be LIGHT, DARK or DYNAMIC.');
  }
  return settings;
}

/** The branding editor's colour schemes (ADR 0092): the pages render each. */
const COLOR_SCHEME_MODES = new Set(['LIGHT', 'DARK', 'DYNAMIC']);

function memberAt(value: unknown, path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (!isPlainObject(at) || !Object.hasOwn(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

function walk(value: unknown, path: string, depth: number): void {
  if (depth > MAX_SETTINGS_DEPTH) throw invalidSettings(`${path} is nested too deeply.`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!KEY.test(key) || RESERVED_KEYS.has(key)) {
        throw invalidSettings(`${path ? `${path}.` : ''}a member name is not allowed.`);
      }
      const at = path ? `${path}.${key}` : key;
      if (isColorKey(key) && !(typeof item === 'string' && BRANDING_COLOR.test(item))) {
        throw invalidSettings(`${at} must be a colour in hex (RRGGBB or RRGGBBAA).`);
      }
      walk(item, at, depth + 1);
    }
    return;
  }
  if (typeof value === 'string') {
    if (value.length > MAX_SETTINGS_STRING) throw invalidSettings(`${path} is too long.`);
    if (UNSAFE_TEXT.test(value)) throw invalidSettings(`${path} holds markup or control characters.`);
  }
}

/**
 * The values idfed's pages use when a style does not set them (UseCognitoProvidedValues, and
 * Describe's ReturnMergedResources): the members of Cognito's document that idfed renders, with
 * the colours of idfed's own pages in light mode and Cognito's default dark palette (the gateway's
 * DARK_DEFAULTS, ADR 0092). Not Cognito's whole default document (ADR 0082).
 */
export const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  categories: {
    global: { colorSchemeMode: 'LIGHT' },
    form: { displayGraphics: true, location: { horizontal: 'CENTER', vertical: 'CENTER' } },
  },
  components: {
    pageBackground: {
      lightMode: { color: 'f4f5f7ff' },
      darkMode: { color: '0f1b2aff' },
      image: { enabled: true },
    },
    form: {
      lightMode: { backgroundColor: 'ffffffff', borderColor: 'c6c6cdff' },
      darkMode: { backgroundColor: '0f1b2aff', borderColor: '424650ff' },
      logo: { enabled: true },
    },
    primaryButton: {
      lightMode: {
        defaults: { backgroundColor: '0972d3ff', textColor: 'ffffffff' },
        hover: { backgroundColor: '033160ff', textColor: 'ffffffff' },
      },
      darkMode: {
        defaults: { backgroundColor: '539fe5ff', textColor: '000716ff' },
        hover: { backgroundColor: '89bdeeff', textColor: '000716ff' },
        active: { backgroundColor: '539fe5ff', textColor: '000716ff' },
      },
    },
    pageText: {
      lightMode: { headingColor: '000716ff', bodyColor: '414d5cff', descriptionColor: '414d5cff' },
      darkMode: { headingColor: 'd1d5dbff', bodyColor: 'b6bec9ff', descriptionColor: 'b6bec9ff' },
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
    link: {
      lightMode: { defaults: { textColor: '0972d3ff' }, hover: { textColor: '033160ff' } },
      darkMode: { defaults: { textColor: '539fe5ff' }, hover: { textColor: '89bdeeff' } },
    },
    input: {
      darkMode: {
        defaults: { backgroundColor: '0f1b2aff', borderColor: '5f6b7aff' },
        placeholderColor: '8d99a8ff',
      },
    },
    inputLabel: { darkMode: { textColor: 'd1d5dbff' } },
    focusState: { darkMode: { borderColor: '539fe5ff' } },
  },
});

/** `over` laid on `base`: objects merged member by member, anything else replaced. */
export function mergeSettings(
  base: Readonly<Record<string, unknown>>,
  over: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = isPlainObject(under) && isPlainObject(value) ? mergeSettings(under, value) : value;
  }
  return out;
}

/** An asset as checked and stored. */
export interface CheckedAsset {
  category: string;
  colorMode: string;
  extension: string;
  /** Absent in an Update that keeps the stored image of that Category and ColorMode. */
  bytes?: Buffer;
  resourceId?: string;
}

const CATEGORIES = new Set([
  'FAVICON_ICO',
  'FAVICON_SVG',
  'EMAIL_GRAPHIC',
  'SMS_GRAPHIC',
  'AUTH_APP_GRAPHIC',
  'PASSWORD_GRAPHIC',
  'PASSKEY_GRAPHIC',
  'PAGE_HEADER_LOGO',
  'PAGE_HEADER_BACKGROUND',
  'PAGE_FOOTER_LOGO',
  'PAGE_FOOTER_BACKGROUND',
  'PAGE_BACKGROUND',
  'FORM_BACKGROUND',
  'FORM_LOGO',
  'IDP_BUTTON_ICON',
]);
const COLOR_MODES = new Set(['LIGHT', 'DARK', 'DYNAMIC']);
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  ICO: 'image/x-icon',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  WEBP: 'image/webp',
};
const MAX_ASSETS = 40;
const MAX_ASSET_BYTES = 1_000_000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether the bytes are a file of that Extension, by their first bytes (SVG: its markup). */
export function matchesExtension(bytes: Buffer, extension: string): boolean {
  switch (extension) {
    case 'PNG':
      return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'JPEG':
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'ICO':
      return bytes.length > 4 && bytes.readUInt32BE(0) === 0x00000100;
    case 'WEBP':
      return (
        bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
        bytes.subarray(8, 12).toString('latin1') === 'WEBP'
      );
    case 'SVG':
      return isPlainSvg(bytes.toString('utf8'));
    default:
      return false;
  }
}

/**
 * An SVG image with nothing active in it: no scripts, event handlers, foreign objects or links out
 * (the pages show it in an `<img>`, where none would run, but its URL can be opened on its own).
 */
function isPlainSvg(text: string): boolean {
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) return false;
  return !/<script|<foreignObject|<iframe|<embed|<object|\son\w+\s*=|javascript:|<!ENTITY|xlink:href\s*=\s*["']?(?!#)|\shref\s*=\s*["']?(?!#)/i.test(
    text,
  );
}

/** The Assets of a request, checked; `bytesRequired` false lets an Update keep stored images. */
export function checkAssets(assets: unknown, bytesRequired: boolean): CheckedAsset[] {
  if (!Array.isArray(assets)) throw CognitoErrors.invalidParameter('Assets must be a list.');
  if (assets.length > MAX_ASSETS) {
    throw CognitoErrors.invalidParameter(`Assets must have at most ${MAX_ASSETS} members.`);
  }
  const seen = new Set<string>();
  return (assets as AssetType[]).map((asset, i) => {
    const at = `Assets[${i}]`;
    if (typeof asset !== 'object' || asset === null)
      throw CognitoErrors.invalidParameter(`${at} is not an asset.`);
    if (!CATEGORIES.has(asset.Category)) throw CognitoErrors.invalidParameter(`${at}.Category is not valid.`);
    if (!COLOR_MODES.has(asset.ColorMode))
      throw CognitoErrors.invalidParameter(`${at}.ColorMode is not valid.`);
    if (!Object.hasOwn(MEDIA_TYPES, asset.Extension)) {
      throw CognitoErrors.invalidParameter(`${at}.Extension is not valid.`);
    }
    const key = `${asset.Category} ${asset.ColorMode}`;
    if (seen.has(key)) {
      throw CognitoErrors.invalidParameter(
        `Assets has more than one ${asset.Category} asset for ColorMode ${asset.ColorMode}.`,
      );
    }
    seen.add(key);
    if (
      asset.ResourceId !== undefined &&
      !(typeof asset.ResourceId === 'string' && /^[\w\- ]{1,40}$/.test(asset.ResourceId))
    ) {
      throw CognitoErrors.invalidParameter(`${at}.ResourceId is not valid.`);
    }
    let bytes: Buffer | undefined;
    if (asset.Bytes === undefined || asset.Bytes === null) {
      if (bytesRequired) throw CognitoErrors.invalidParameter(`${at}.Bytes is required.`);
    } else {
      if (typeof asset.Bytes !== 'string' || !BASE64.test(asset.Bytes)) {
        throw CognitoErrors.invalidParameter(`${at}.Bytes must be base64.`);
      }
      bytes = Buffer.from(asset.Bytes, 'base64');
      if (bytes.length === 0 || bytes.length > MAX_ASSET_BYTES) {
        throw CognitoErrors.invalidParameter(`${at}.Bytes must be 1 to ${MAX_ASSET_BYTES} bytes.`);
      }
      if (!matchesExtension(bytes, asset.Extension)) {
        throw CognitoErrors.invalidParameter(`${at}.Bytes is not a ${asset.Extension} image.`);
      }
    }
    return {
      category: asset.Category,
      colorMode: asset.ColorMode,
      extension: asset.Extension,
      ...(bytes ? { bytes } : {}),
      ...(asset.ResourceId !== undefined ? { resourceId: asset.ResourceId } : {}),
    };
  });
}
