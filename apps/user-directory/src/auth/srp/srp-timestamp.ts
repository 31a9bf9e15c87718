const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `ddd MMM D HH:mm:ss UTC YYYY` in English and UTC, the day not zero-padded: the clients' TIMESTAMP. */
export function formatSrpTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

/**
 * Reads a TIMESTAMP strictly, as Cognito does: the exact format, a real date, and the weekday that
 * date falls on. Undefined for anything else (a zero-padded day, another language, a wrong weekday).
 */
export function parseSrpTimestamp(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) ([1-9]\d?) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/.exec(value);
  if (!m) return undefined;
  const [, day, month, date, hh, mm, ss, year] = m;
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex < 0 || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  const parsed = new Date(
    Date.UTC(Number(year), monthIndex, Number(date), Number(hh), Number(mm), Number(ss)),
  );
  if (parsed.getUTCDate() !== Number(date) || DAYS[parsed.getUTCDay()] !== day) return undefined;
  return parsed;
}
