import { AwsError } from '../aws.error';

/**
 * Content types a JSON-protocol request may carry: the SDKs send x-amz-json-1.1 (1.0 for some
 * services), hand-written clients often send application/json. Parameters such as charset are
 * ignored, as AWS does.
 */
const JSON_CONTENT_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];

export function isAwsJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0].trim().toLowerCase();
  return type !== undefined && JSON_CONTENT_TYPES.includes(type);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How deep a request may nest objects and arrays. The deepest AWS shape idfed serves is about 6
 * levels (identity-pool role mappings); past this, the recursive walks every request goes through
 * later (serialisation onto the bus, log redaction, validation) would risk the stack, so it is
 * refused before parsing.
 */
export const MAX_JSON_NESTING = 64;

/**
 * The request body as a JSON object. An empty body counts as `{}` (operations without input);
 * invalid UTF-8, invalid JSON, non-object JSON and JSON nested deeper than MAX_JSON_NESTING are
 * SerializationException, as on AWS.
 */
export function parseJsonRequestBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (nestingExceeds(text, MAX_JSON_NESTING)) {
    throw new AwsError(
      'SerializationException',
      `The request body nests objects and arrays more than ${MAX_JSON_NESTING} levels deep.`,
    );
  }
  try {
    value = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AwsError(
      'SerializationException',
      'Start of structure or map expected: the request body must be a JSON object.',
    );
  }
  return value as Record<string, unknown>;
}

/**
 * One pass over the text, iterative, so it cannot overflow whatever the input. Strings are skipped
 * with indexOf (native speed for long values), so brackets inside them do not count. For invalid
 * JSON the answer does not matter: JSON.parse refuses it next.
 */
function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = endOfString(text, i);
      if (i < 0) return false;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** Index of the quote that closes the string opened at `start` (one not escaped), or -1. */
function endOfString(text: string, start: number): number {
  for (let at = text.indexOf('"', start + 1); at >= 0; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
