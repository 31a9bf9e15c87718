import { CognitoErrors } from '../common/cognito-errors';

/** The classes of the hosted pages Cognito lets a pool style (its classic hosted UI's list). */
export const CUSTOMIZABLE_CLASSES = [
  'background-customizable',
  'banner-customizable',
  'errorMessage-customizable',
  'idpButton-customizable',
  'idpButton-customizable:hover',
  'inputField-customizable',
  'inputField-customizable:focus',
  'label-customizable',
  'legalText-customizable',
  'logo-customizable',
  'submitButton-customizable',
  'submitButton-customizable:hover',
  'textDescription-customizable',
] as const;

/** Properties a rule may set: colours, borders, type, boxes; nothing that loads or positions. */
const PROPERTIES = new Set([
  'background-color',
  'border',
  'border-top',
  'border-bottom',
  'border-left',
  'border-right',
  'border-color',
  'border-style',
  'border-width',
  'border-radius',
  'color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'height',
  'width',
  'max-height',
  'max-width',
  'min-height',
  'min-width',
  'margin',
  'margin-top',
  'margin-bottom',
  'margin-left',
  'margin-right',
  'padding',
  'padding-top',
  'padding-bottom',
  'padding-left',
  'padding-right',
  'opacity',
  'text-align',
  'text-decoration',
  'text-transform',
  'line-height',
  'letter-spacing',
]);

/** A value of colours, lengths, keywords and quoted font names; no url(), escapes or markup. */
const VALUE = /^[\w\s#%.,()'"-]+$/;

function invalid(reason: string): Error {
  return CognitoErrors.invalidParameter(`CSS is invalid: ${reason}`);
}

/**
 * Checks CSS the way Cognito's classic hosted UI does: only rules on the customizable classes,
 * each declaration a known property with a plain value. Comments are dropped. What passes is safe
 * to put in a `<style>` element of a page: no `url(`, `@import`, `expression`, escapes or `<`.
 */
export function checkCss(css: string): string {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').trim();
  if (/[<>\\@]/.test(text)) throw invalid('at-rules, escapes and markup are not allowed.');
  if (/url\s*\(|expression\s*\(/i.test(text)) throw invalid('url() and expression() are not allowed.');
  let rest = text;
  while (rest.length > 0) {
    const rule = /^([^{}]+)\{([^{}]*)\}\s*/.exec(rest);
    if (!rule) throw invalid('it must be a list of rules: .class { property: value; }.');
    for (const selector of rule[1].split(',').map((s) => s.trim())) {
      const name = selector.startsWith('.') ? selector.slice(1) : '';
      if (!(CUSTOMIZABLE_CLASSES as readonly string[]).includes(name)) {
        throw invalid(`${selector} is not one of the customizable classes.`);
      }
    }
    for (const declaration of rule[2]
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)) {
      const colon = declaration.indexOf(':');
      const property = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      if (colon < 0 || !PROPERTIES.has(property)) throw invalid(`${property || declaration} is not allowed.`);
      if (!value || !VALUE.test(value)) throw invalid(`the value of ${property} is not allowed.`);
    }
    rest = rest.slice(rule[0].length);
  }
  return css;
}

/** Cognito's logo limit. */
export const MAX_LOGO_BYTES = 100 * 1024;

/** The logo's media type from its first bytes: PNG or JPEG, as Cognito takes. */
export function logoType(image: Buffer): 'image/png' | 'image/jpeg' {
  if (image.length > MAX_LOGO_BYTES)
    throw CognitoErrors.invalidParameter('The logo must be 100 KB or smaller.');
  if (image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return 'image/jpeg';
  throw CognitoErrors.invalidParameter('The logo must be a PNG or JPEG image.');
}
