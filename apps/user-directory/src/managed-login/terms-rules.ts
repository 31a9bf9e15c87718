import { CognitoErrors } from '../common/cognito-errors';

/** TermsNameType: the two documents a client may have. */
export const TERMS_NAMES = ['terms-of-use', 'privacy-policy'] as const;
/** LanguageIdType: the languages of managed login's localization, and `cognito:default`. */
export const TERMS_LANGUAGE =
  /^cognito:(default|dutch|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil|chinese-(simplified|traditional))$/;
const MAX_LINKS = 13;
const MAX_LINK = 1024;
/** LinkUrlType's characters: letters, marks, symbols, numbers, punctuation; no space or control. */
const LINK_CHARACTERS = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

/**
 * The Links of a terms document, checked: one to thirteen languages of LanguageIdType, each an
 * absolute `https:` URL with a host and no user name or password. The sign-up page links to them,
 * so `javascript:`, `data:` and plain `http:` links are refused here, not only escaped there.
 */
export function checkLinks(links: unknown): Record<string, string> {
  if (typeof links !== 'object' || links === null || Array.isArray(links)) {
    throw CognitoErrors.invalidParameter('Links must be a map of languages to URLs.');
  }
  const entries = Object.entries(links as Record<string, unknown>);
  if (entries.length < 1 || entries.length > MAX_LINKS) {
    throw CognitoErrors.invalidParameter(`Links must have 1 to ${MAX_LINKS} languages.`);
  }
  const out: Record<string, string> = {};
  for (const [language, url] of entries) {
    if (!TERMS_LANGUAGE.test(language)) {
      throw CognitoErrors.invalidParameter(`Links has a language that is not supported.`);
    }
    if (typeof url !== 'string' || url.length < 1 || url.length > MAX_LINK || !LINK_CHARACTERS.test(url)) {
      throw CognitoErrors.invalidParameter(`The link for ${language} is not a valid URL.`);
    }
    if (!isHttpsUrl(url)) {
      throw CognitoErrors.invalidParameter(`The link for ${language} must be an https URL.`);
    }
    out[language] = url;
  }
  return out;
}

/** An absolute https URL with a host, without credentials, that parses as it is written. */
export function isHttpsUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    /^https:\/\/[^/\\]/i.test(url)
  );
}
