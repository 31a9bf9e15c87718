/**
 * SigV4 timestamps. The string to sign carries the ISO 8601 basic form (20150830T123600Z); a
 * client may instead send only an HTTP Date header, which is converted to that form.
 */

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** IMF-fixdate, the only HTTP-date form current clients send: 'Sun, 30 Aug 2015 12:36:00 GMT'. */
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Parses 'yyyyMMddTHHmmssZ', rejecting impossible dates (Date.UTC would silently roll them over). */
export function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatAmzDate(date) === value ? date : undefined;
}

export function parseHttpDate(value: string): Date | undefined {
  if (AMZ_DATE.test(value)) return parseAmzDate(value);
  if (!IMF_FIXDATE.test(value)) return undefined;
  const date = new Date(Date.parse(value));
  // Round-trip so '31 Feb' or a wrong weekday is rejected rather than rolled over.
  return !Number.isNaN(date.getTime()) && date.toUTCString() === value ? date : undefined;
}

export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}
