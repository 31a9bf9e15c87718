/**
 * Header access and canonical header values.
 *
 * Node hands us lowercase names, but other adapters (fetch Headers, hand-built test requests) may
 * not, so lookups go through a lowercase index that also merges 'Host' and 'host' into one
 * multi-valued entry rather than silently preferring one of them.
 */
import { HttpRequestParts } from './types';

export type HeaderIndex = Map<string, string[]>;

export function indexHeaders(headers: HttpRequestParts['headers']): HeaderIndex {
  const index: HeaderIndex = new Map();
  for (const name of Object.keys(headers)) {
    const raw = headers[name];
    if (raw === undefined) continue;
    const key = name.toLowerCase();
    const values = Array.isArray(raw) ? raw : [raw];
    const existing = index.get(key);
    if (existing) existing.push(...values);
    else index.set(key, [...values]);
  }
  return index;
}

/**
 * Canonical value of one header: each value trimmed with runs of whitespace collapsed to one
 * space (the AWS SDKs collapse spaces, tabs and line breaks alike), multiple values joined by ','.
 */
export function canonicalHeaderValue(values: readonly string[] | undefined): string {
  if (!values || values.length === 0) return '';
  return values.map((v) => v.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '')).join(',');
}

/**
 * The canonical headers block (each 'name:value\n') for the given signed header names, in the
 * order given: the client sorted them when it signed, so re-sorting here would only hide a
 * non-conforming client behind a different mismatch. A signed header absent from the request
 * contributes an empty value and so fails the signature unless the client signed exactly that.
 */
export function canonicalHeadersBlock(index: HeaderIndex, signedHeaders: readonly string[]): string {
  let out = '';
  for (const name of signedHeaders) {
    out += `${name}:${canonicalHeaderValue(index.get(name.toLowerCase()))}\n`;
  }
  return out;
}
