import net from "node:net";

/**
 * Whether an IP address is on the public internet, the only place WaveSpeed's fetchers can reach.
 * Everything else (this machine, its private networks, link-local cloud metadata) is the server's
 * own network, which a member-supplied URL must never reach through the simulator.
 */
const blocked = new net.BlockList();
const IPV4: [string, number][] = [
  ["0.0.0.0", 8], // "this network", with the unspecified address (0.0.0.0 connects to this machine)
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT, with Alibaba Cloud's metadata at 100.100.100.200
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, with the cloud metadata service at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, with broadcast
];
const IPV6: [string, number][] = [
  ["::", 96], // unspecified, loopback and the old IPv4-compatible form
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4, which can wrap any IPv4 address
  ["fc00::", 7], // unique local, with AWS's metadata at fd00:ec2::254
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
];
for (const [prefix, bits] of IPV4) blocked.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of IPV6) blocked.addSubnet(prefix, bits, "ipv6");

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted-quad tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0] ?? "";
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const before = parse(head);
  const after = parse(tail);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) address. */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (!mapped && !nat64) return null;
  const [hi = 0, lo = 0] = g.slice(6);
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
}

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, "ipv4");
  if (family !== 6) return false;
  const inner = embeddedIpv4(address);
  return inner ? isPublicAddress(inner) : !blocked.check(address, "ipv6");
}
