/**
 * IpAddress / NotIpAddress with IPv4 and IPv6 CIDR blocks, parsed by hand so that the rules are
 * explicit: a bare address is a /32 (or /128) block, and an IPv4-mapped IPv6 request address
 * (`::ffff:203.0.113.5`) also matches IPv4 blocks.
 */
import { withNegation, type ConditionOperator } from './operator.js';

/** An address as bytes: 4 for IPv4, 16 for IPv6. */
type Address = Uint8Array;

interface Cidr {
  readonly bytes: Address;
  readonly prefix: number;
}

function parseIPv4(text: string): Address | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] as string;
    if (part.length === 0 || part.length > 3) return undefined;
    let n = 0;
    for (let j = 0; j < part.length; j++) {
      const d = part.charCodeAt(j) - 48;
      if (d < 0 || d > 9) return undefined;
      n = n * 10 + d;
    }
    if (n > 255) return undefined;
    bytes[i] = n;
  }
  return bytes;
}

function parseHextets(text: string): number[] | undefined {
  if (text.length === 0) return [];
  const out: number[] = [];
  for (const group of text.split(':')) {
    if (group.length === 0 || group.length > 4) return undefined;
    let n = 0;
    for (let j = 0; j < group.length; j++) {
      const d = Number.parseInt(group[j] as string, 16);
      if (Number.isNaN(d)) return undefined;
      n = n * 16 + d;
    }
    out.push(n);
  }
  return out;
}

function parseIPv6(text: string): Address | undefined {
  let body = text;
  let tail: Address | undefined;
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.includes('.', lastColon)) {
    tail = parseIPv4(body.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    body = body.slice(0, lastColon + 1) + '0:0';
  }
  const gap = body.indexOf('::');
  if (gap !== body.lastIndexOf('::')) return undefined;
  let groups: number[];
  if (gap >= 0) {
    const head = parseHextets(body.slice(0, gap));
    const rest = parseHextets(body.slice(gap + 2));
    if (head === undefined || rest === undefined || head.length + rest.length > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
  } else {
    const all = parseHextets(body);
    if (all === undefined || all.length !== 8) return undefined;
    groups = all;
  }
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  if (tail !== undefined) bytes.set(tail, 12);
  return bytes;
}

/** Parses an IPv4 or IPv6 address. */
export function parseIp(text: string): Address | undefined {
  return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

/** Parses `address/prefix` or a bare address. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const bytes = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (bytes === undefined) return undefined;
  const max = bytes.length * 8;
  if (slash < 0) return { bytes, prefix: max };
  const prefixText = text.slice(slash + 1);
  if (prefixText.length === 0 || prefixText.length > 3 || ![...prefixText].every((c) => c >= '0' && c <= '9')) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? { bytes, prefix } : undefined;
}

function inBlock(address: Address, block: Cidr): boolean {
  if (address.length !== block.bytes.length) return false;
  const whole = block.prefix >> 3;
  for (let i = 0; i < whole; i++) if (address[i] !== block.bytes[i]) return false;
  const bits = block.prefix & 7;
  if (bits === 0) return true;
  const mask = (0xff << (8 - bits)) & 0xff;
  return (((address[whole] as number) ^ (block.bytes[whole] as number)) & mask) === 0;
}

function isMappedIPv4(a: Address): boolean {
  if (a.length !== 16 || a[10] !== 0xff || a[11] !== 0xff) return false;
  for (let i = 0; i < 10; i++) if (a[i] !== 0) return false;
  return true;
}

/** Whether the request address lies in the block. */
export function ipInCidr(addressText: string, block: Cidr): boolean {
  const address = parseIp(addressText);
  if (address === undefined) return false;
  if (inBlock(address, block)) return true;
  return block.bytes.length === 4 && isMappedIPv4(address) && inBlock(address.subarray(12), block);
}

export const ipOperators: readonly ConditionOperator<never>[] = withNegation<Cidr>(
  {
    name: 'IpAddress',
    verb: 'is in',
    says: 'in',
    expects: 'an IPv4 or IPv6 address or CIDR block (203.0.113.0/24, 2001:db8::/32)',
    requestValue: { noun: 'an IP address', valid: (c) => parseIp(c) !== undefined },
    prepare: (v) => parseCidr(v.text),
    test: ipInCidr,
  },
  'NotIpAddress',
  'is not in',
) as readonly ConditionOperator[] as readonly ConditionOperator<never>[];
