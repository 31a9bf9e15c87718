import { Cidr } from './policy.types';

/**
 * IPv4/IPv6 addresses and CIDR blocks for IpAddress/NotIpAddress ("IAM JSON policy elements:
 * Condition operators — IP address condition operators"; values follow RFC 4632 CIDR notation).
 * Addresses are held as bigint so both families share one code path. An IPv4-mapped IPv6 address
 * (::ffff:a.b.c.d) in a request is compared as the IPv4 address it carries, since that is how a
 * dual-stack listener reports IPv4 clients.
 */

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseIp(addressText, false);
  if (!address) return undefined;
  const bits = address.version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  // Host bits set in the policy ("10.1.2.3/8") are ignored rather than refused.
  return { version: address.version, prefix, network: address.value & mask(bits, prefix) };
}

export function cidrContains(cidr: Cidr, ipText: string): boolean | undefined {
  const ip = parseIp(ipText, true);
  if (!ip) return undefined;
  if (ip.version !== cidr.version) return false;
  const bits = ip.version === 4 ? 32 : 128;
  return (ip.value & mask(bits, cidr.prefix)) === cidr.network;
}

function mask(bits: number, prefix: number): bigint {
  if (prefix === 0) return 0n;
  const all = (1n << BigInt(bits)) - 1n;
  return (all >> BigInt(bits - prefix)) << BigInt(bits - prefix);
}

interface Ip {
  readonly version: 4 | 6;
  readonly value: bigint;
}

export function parseIp(text: string, unmapV4: boolean): Ip | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    if (value === undefined) return undefined;
    if (unmapV4 && value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn };
    return { version: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { version: 4, value: BigInt(value) };
}

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    // No leading zeros: "010" is octal to some parsers and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (text.includes('%')) return undefined; // zone ids are meaningless across hosts
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups: number[] = [];
  const readGroups = (parts: string[], out: number[]): boolean => {
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (v4 === undefined) return false;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return false;
        out.push(parseInt(part, 16));
      }
    }
    return true;
  };
  const headGroups: number[] = [];
  const tailGroups: number[] = [];
  if (!readGroups(head, headGroups)) return undefined;
  if (!readGroups(tail, tailGroups)) return undefined;
  // An embedded IPv4 address may only be the last thing in the address.
  if (halves.length === 2 && head.some((p) => p.includes('.'))) return undefined;
  if (halves.length === 1) {
    if (headGroups.length !== 8) return undefined;
    groups.push(...headGroups);
  } else {
    const missing = 8 - headGroups.length - tailGroups.length;
    if (missing < 1) return undefined;
    groups.push(...headGroups, ...new Array<number>(missing).fill(0), ...tailGroups);
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}
