import { SENSITIVE_FIELDS } from '@idfed/logging';
import { StoredDeadLetter } from '@idfed/messaging';

/*
 * What `npm run dead-letters` prints. A dead letter is whatever reached a topic, so nothing of it
 * is printed raw: control characters, Unicode format characters (bidirectional overrides) and
 * separators are escaped, so a message cannot move the cursor, rewrite the terminal or disguise
 * itself; values under the names the logs redact are replaced, although events carry no secrets
 * by contract.
 */

const REDACTED = '[redacted]';
const SENSITIVE = new Set(SENSITIVE_FIELDS.map((f) => f.toLowerCase()));
/** C0 and C1 controls, format characters, lone surrogates, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\p{Cs}\u2028\u2029]/gu;
/** The same but the line feed: JSON.stringify escapes controls inside strings, and its own line breaks stay. */
// eslint-disable-next-line no-control-regex -- as above
const UNPRINTABLE_IN_JSON = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\p{Cs}\u2028\u2029]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A string as it may reach a terminal: backslashes doubled, everything unprintable escaped. */
export function printable(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(UNPRINTABLE, escapeChar);
}

function isSensitive(name: string): boolean {
  return SENSITIVE.has(name.toLowerCase());
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        isSensitive(k) ? REDACTED : redact(v),
      ]),
    );
  }
  return value;
}

/**
 * The payload: JSON pretty-printed with sensitive fields replaced (JSON.stringify escapes the
 * controls; what it leaves raw is escaped as JSON would), anything else as one escaped string.
 */
export function printablePayload(value: string | null): string {
  if (value === null) return '(none)';
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return `(not JSON) "${printable(value)}"`;
  }
  return JSON.stringify(redact(parsed), null, 2).replace(UNPRINTABLE_IN_JSON, escapeChar);
}

export function letterRef(service: string, letter: StoredDeadLetter): string {
  return `${service}/${letter.id}`;
}

function source(letter: StoredDeadLetter): string {
  const at =
    letter.sourcePartition === undefined ? '' : `[${letter.sourcePartition}]@${letter.sourceOffset ?? '?'}`;
  return `${letter.sourceTopic}${at}`;
}

/** One line per letter: reference, status, when, source, key, reason. */
export function listLine(service: string, letter: StoredDeadLetter): string {
  const reason = letter.reason.length > 100 ? `${letter.reason.slice(0, 97)}...` : letter.reason;
  return [
    letterRef(service, letter),
    letter.status,
    letter.deadLetteredAt,
    printable(source(letter)),
    `key=${printable(letter.key)}`,
    printable(reason),
  ].join('  ');
}

/** Everything about one letter, its headers and payload escaped and redacted. */
export function showLetter(service: string, letter: StoredDeadLetter): string {
  const lines = [
    `dead letter      ${letterRef(service, letter)}`,
    `status           ${letter.status}${letter.statusAt ? ` at ${letter.statusAt}` : ''}`,
    `consumer         ${printable(letter.consumer)}`,
    `source           ${printable(source(letter))}`,
    `key              ${printable(letter.key)}`,
    `event id         ${printable(letter.eventId ?? '(none)')}`,
    `dead-lettered at ${letter.deadLetteredAt}`,
    `attempts         ${letter.attempts}`,
    `reason           ${printable(letter.reason)}`,
    'headers',
    ...Object.entries(letter.headers).map(
      ([name, value]) => `  ${printable(name)}: ${isSensitive(name) ? REDACTED : printable(value)}`,
    ),
    'payload',
    ...printablePayload(letter.value)
      .split('\n')
      .map((line) => `  ${line}`),
  ];
  return lines.join('\n');
}
