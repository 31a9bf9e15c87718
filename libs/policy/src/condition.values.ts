/**
 * Typed readings of condition values, shared by the parser (policy side) and the evaluator
 * (request side) so that both sides agree on what a number or a date is.
 */

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const EPOCH = /^\d+(?:\.\d+)?$/;
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Date condition values are ISO 8601 date-times or epoch seconds ("IAM JSON policy elements:
 * Condition operators — Date condition operators"). Returns milliseconds since the epoch. A
 * date-time without an offset is UTC, as in IAM (and unlike Date.parse, which would use the local
 * zone of whichever server happens to run us).
 */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text)) return Number(text) * 1000;
  const m = ISO_8601.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac, , sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (frac) ms += Math.floor(Number(frac) * 1000);
  if (sign) {
    const offsetH = Number(oh);
    const offsetM = Number(om);
    if (offsetH > 23 || offsetM > 59) return undefined;
    const offset = (offsetH * 60 + offsetM) * 60_000;
    ms += sign === '+' ? -offset : offset;
  }
  return ms;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Bool accepts "true"/"false" in any letter case; JSON booleans arrive here stringified. */
export function parseBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function parseBase64(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}
