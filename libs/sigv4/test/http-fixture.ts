/**
 * Parses the raw HTTP/1.1 requests of the SigV4 test suites (.req, .sreq, request.txt, ...)
 * into HttpRequestParts the way Node would present them: lowercase header names, optional
 * whitespace around values trimmed, a repeated header kept as an array (like
 * IncomingMessage.headersDistinct), the body as exact bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpRequestParts } from '../src';

export const FIXTURES = join(__dirname, 'fixtures');

export function parseHttpRequest(
  raw: Buffer | string,
  opts: { keepHeaderCase?: boolean } = {},
): HttpRequestParts {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const split = bytes.indexOf('\n\n');
  const head = (split < 0 ? bytes : bytes.subarray(0, split)).toString('utf8');
  const body = split < 0 ? Buffer.alloc(0) : bytes.subarray(split + 2);
  const [requestLine, ...lines] = head.split('\n');
  const m = /^(\S+) (.*) HTTP\/1\.1$/.exec(requestLine);
  if (!m) throw new Error(`bad request line: ${requestLine}`);
  const [, method, target] = m;
  const q = target.indexOf('?');
  const headers: Record<string, string | string[]> = {};
  let last: string | undefined;
  for (const line of lines) {
    if (line === '') continue; // a head that ends in a single newline (request.txt)
    if (/^[ \t]/.test(line) && last) {
      // obs-fold continuation: belongs to the previous header's (last) value.
      const prev = headers[last];
      if (Array.isArray(prev)) prev[prev.length - 1] += ` ${line.trim()}`;
      else headers[last] = `${prev} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`bad header line: ${line}`);
    const name = opts.keepHeaderCase ? line.slice(0, colon) : line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    const prev = headers[name];
    headers[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    last = name;
  }
  return {
    method,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers,
    body,
  };
}

export function readFixture(...path: string[]): Buffer {
  return readFileSync(join(FIXTURES, ...path));
}

export function readFixtureText(...path: string[]): string {
  return readFixture(...path).toString('utf8');
}

/** The fixed inputs shared by both suites. */
export const VECTOR = {
  accessKeyId: 'AKIDEXAMPLE',
  secret: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  now: new Date('2015-08-30T12:36:00Z'),
  region: 'us-east-1',
  service: 'service',
};
