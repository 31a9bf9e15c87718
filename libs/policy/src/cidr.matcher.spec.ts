import { cidrContains, parseCidr } from './cidr.matcher';

describe('IP address condition operators — CIDR notation (RFC 4632, IPv6 RFC 4291)', () => {
  test.each<[string, string, string, boolean | undefined]>([
    ['IPv4 /32 default', '192.0.2.1', '192.0.2.1', true],
    ['IPv4 /32 other host', '192.0.2.1', '192.0.2.2', false],
    ['IPv4 /31', '192.0.2.0/31', '192.0.2.1', true],
    ['IPv4 /1 upper half', '128.0.0.0/1', '200.1.1.1', true],
    ['IPv4 host bits in policy are ignored', '10.1.2.3/8', '10.200.0.1', true],
    ['IPv6 compressed', '2001:db8::/48', '2001:db8:0:ffff::1', true],
    ['IPv6 full form', '2001:0db8:0000:0000:0000:0000:0000:0001/128', '2001:db8::1', true],
    ['IPv6 loopback', '::1', '::1', true],
    ['IPv6 with embedded IPv4', '64:ff9b::/96', '64:ff9b::192.0.2.33', true],
    ['IPv6 /0', '::/0', 'fe80::1', true],
    ['IPv4-mapped request compared as IPv4', '192.0.2.0/24', '::ffff:192.0.2.9', true],
    ['invalid request address', '0.0.0.0/0', '999.0.0.1', undefined],
    ['octal-looking octet refused', '0.0.0.0/0', '010.0.0.1', undefined],
    ['zone id refused', '::/0', 'fe80::1%eth0', undefined],
  ])('%s', (_name, cidr, ip, expected) => {
    const block = parseCidr(cidr);
    expect(block).toBeDefined();
    expect(cidrContains(block!, ip)).toBe(expected);
  });

  test.each([
    '10.0.0.0/33',
    '2001:db8::/129',
    '1.2.3',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '10.0.0.0/x',
    'abc',
    '',
  ])('refuses %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});
