/**
 * A tiny XML writer for Query-protocol responses. Output only: idfed never parses XML, so there is
 * no entity expansion to worry about. Every text node goes through escapeXml; element names come
 * from code, never from requests, and are still checked so a mistake cannot produce broken markup.
 */
export type XmlValue = string | number | boolean | Date | null | undefined | XmlValue[] | XmlObject | XmlMap;

/**
 * A map member of a Query answer (IAM GetAccountSummary's `SummaryMap`): written as the protocol
 * encodes maps, `<entry><key>..</key><value>..</value></entry>` for each pair, in order.
 */
export class XmlMap {
  constructor(readonly entries: readonly (readonly [string, XmlValue])[]) {}
}
export interface XmlObject {
  [element: string]: XmlValue;
}

const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF):
// they are replaced rather than escaped, since not even a character reference makes them legal.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A literal CR would be normalised to LF by the client's parser; the reference survives.
  '\r': '&#xD;',
};

export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"'\r]/g, (c) => ENTITIES[c]);
}

/** AWS timestamps in XML are ISO 8601 in UTC without fractional seconds. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * One element. Objects become child elements in insertion order, arrays become `<member>` items
 * (the Query protocol's list encoding), null and undefined are omitted altogether.
 */
export function xmlElement(name: string, value: XmlValue): string {
  if (!ELEMENT_NAME.test(name)) throw new Error(`invalid XML element name: ${JSON.stringify(name)}`);
  if (value === undefined || value === null) return '';
  return `<${name}>${xmlContent(value)}</${name}>`;
}

/**
 * The inside of an element, for callers that write the element's own tag (with attributes).
 * An object whose only member is an `entry` list is a Query-protocol map, `{ entry: [{ key, value }] }`:
 * its items are written as sibling `<entry>` elements (not `<member>`), which is how AWS's XML
 * carries a map such as IAM's EvalDecisionDetails.
 */
export function xmlContent(value: XmlValue): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => xmlElement('member', item)).join('');
  if (value instanceof XmlMap) {
    return value.entries
      .map(([k, v]) => `<entry>${xmlElement('key', k)}${xmlElement('value', v)}</entry>`)
      .join('');
  }
  if (value instanceof Date) return formatTimestamp(value);
  if (typeof value === 'object') {
    if (isQueryMap(value)) return value.entry.map((item) => xmlElement('entry', item)).join('');
    return Object.entries(value)
      .map(([child, childValue]) => xmlElement(child, childValue))
      .join('');
  }
  return escapeXml(String(value));
}

function isQueryMap(value: XmlObject): value is { entry: XmlValue[] } {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'entry' && Array.isArray(value.entry);
}
