import { formatSrpTimestamp, parseSrpTimestamp } from './srp-timestamp';

describe('SRP TIMESTAMP', () => {
  it('formats like the clients: English, UTC, day not zero-padded', () => {
    expect(formatSrpTimestamp(new Date(Date.UTC(2022, 0, 3, 9, 0, 0)))).toBe('Mon Jan 3 09:00:00 UTC 2022');
    expect(formatSrpTimestamp(new Date(Date.UTC(2023, 11, 31, 23, 59, 59)))).toBe(
      'Sun Dec 31 23:59:59 UTC 2023',
    );
  });

  it('round-trips', () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    expect(parseSrpTimestamp(formatSrpTimestamp(now))?.getTime()).toBe(now.getTime());
  });

  it.each([
    'Mon Jan 03 09:00:00 UTC 2022', // zero-padded day
    'Tue Jan 3 09:00:00 UTC 2022', // wrong weekday
    'Mon Jan 3 9:00:00 UTC 2022',
    'Mon Jan 3 09:00:00 GMT 2022',
    'Lun Jan 3 09:00:00 UTC 2022',
    'Mon Feb 30 09:00:00 UTC 2022',
    'Mon Jan 3 24:00:00 UTC 2022',
    '',
    42,
  ])('refuses %p', (value) => {
    expect(parseSrpTimestamp(value)).toBeUndefined();
  });
});
