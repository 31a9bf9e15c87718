import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** One CIDR range as Cognito's risk exceptions take it: `192.0.2.0/24`, `2001:db8::/32`. */
export interface IpRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** The range a string names, or undefined when it is not CIDR notation (a prefix is required). */
export function parseCidr(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash !== text.lastIndexOf('/')) return undefined;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  if (isIPv4(address) && prefix <= 32) return { address, prefix, family: 'ipv4' };
  if (isIPv6(address) && prefix <= 128) return { address, prefix, family: 'ipv6' };
  return undefined;
}

/**
 * A caller's address as the ranges compare it: an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`,
 * how a dual-stack socket reports an IPv4 peer) is its IPv4 address.
 */
export function normalizeAddress(ip: string): { address: string; family: 'ipv4' | 'ipv6' } | undefined {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  const address = mapped ? mapped[1] : ip;
  if (isIPv4(address)) return { address, family: 'ipv4' };
  if (isIPv6(address)) return { address, family: 'ipv6' };
  return undefined;
}

/** Whether an address falls in any of the ranges (ranges that do not parse are skipped). */
export function inRanges(ip: string | undefined, ranges: readonly string[] | undefined): boolean {
  if (!ip || !ranges || ranges.length === 0) return false;
  const caller = normalizeAddress(ip);
  if (!caller) return false;
  const list = new BlockList();
  for (const text of ranges) {
    const range = parseCidr(text);
    if (range) list.addSubnet(range.address, range.prefix, range.family);
  }
  return list.check(caller.address, caller.family);
}
