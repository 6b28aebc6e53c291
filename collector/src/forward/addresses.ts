import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The address ranges onward delivery never connects to (net.ts checks every resolved address, and
 * config.ts an IP literal at once): anything ipaddr.js does not call plain public `unicast` —
 * private, loopback, link-local (cloud metadata: 169.254.169.254), carrier-grade NAT, unique-local,
 * multicast, reserved, and IPv4-mapped IPv6 judged as the IPv4 address it carries.
 */

/** Why an address may not be connected to, or null when it may. */
export function refusedRange(address: string, allowLoopback: boolean): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address.replace(/^\[|\]$/g, '')); // IPv4-mapped IPv6 becomes IPv4
  } catch {
    return 'not an IP address';
  }
  const range = ip.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && allowLoopback) return null;
  return range === 'linkLocal' ? 'linkLocal (cloud metadata)' : range;
}

/** An IP literal host (`10.0.0.1`, `[::1]`) in a guarded range, or null. */
export function refusedLiteral(hostname: string, allowLoopback: boolean): string | null {
  const host = hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? refusedRange(host, allowLoopback) : null;
}
