import { inRanges, normalizeAddress, parseCidr } from './ip-ranges';

describe('CIDR ranges of risk exceptions', () => {
  it('parses IPv4 and IPv6 ranges with a prefix', () => {
    expect(parseCidr('192.0.2.0/24')).toEqual({ address: '192.0.2.0', prefix: 24, family: 'ipv4' });
    expect(parseCidr('192.0.2.252/32')).toEqual({ address: '192.0.2.252', prefix: 32, family: 'ipv4' });
    expect(parseCidr('2001:db8::/32')).toEqual({ address: '2001:db8::', prefix: 32, family: 'ipv6' });
    expect(parseCidr('::1/128')).toEqual({ address: '::1', prefix: 128, family: 'ipv6' });
  });

  it.each([
    '192.0.2.1',
    '192.0.2.0/33',
    '2001:db8::/129',
    '192.0.2.0/',
    '/24',
    '192.0.2.0/24/8',
    '192.0.2.0/-1',
    '192.0.2.0/2a',
    '300.0.0.0/8',
    'example.com/24',
    '',
  ])('refuses %p', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  it('matches an address inside a range and no other', () => {
    expect(inRanges('192.0.2.77', ['198.51.100.0/24', '192.0.2.0/24'])).toBe(true);
    expect(inRanges('192.0.3.1', ['192.0.2.0/24'])).toBe(false);
    expect(inRanges('2001:db8::5', ['2001:db8::/32'])).toBe(true);
    expect(inRanges('2001:db9::5', ['2001:db8::/32'])).toBe(false);
  });

  it('reads an IPv4-mapped IPv6 peer as its IPv4 address', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toEqual({ address: '127.0.0.1', family: 'ipv4' });
    expect(inRanges('::ffff:127.0.0.1', ['127.0.0.0/8'])).toBe(true);
    expect(inRanges('::ffff:10.0.0.1', ['127.0.0.0/8'])).toBe(false);
  });

  it('matches nothing without an address or ranges', () => {
    expect(inRanges(undefined, ['0.0.0.0/0'])).toBe(false);
    expect(inRanges('192.0.2.1', [])).toBe(false);
    expect(inRanges('not an address', ['0.0.0.0/0'])).toBe(false);
    expect(inRanges('192.0.2.1', ['0.0.0.0/0'])).toBe(true);
  });
});
