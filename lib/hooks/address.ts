/**
 * Addresses a hook may not be sent to: link-local ones, where clouds serve instance metadata and
 * credentials (169.254.169.254, fd00:ec2::254, Alibaba's 100.100.100.200), and the unspecified ones.
 * Loopback and private addresses are allowed on purpose: self-hosted pipelines live there.
 * No Node imports: the form checks URLs with this too.
 */
export function blockedAddress(host: string): string | null {
  const ip = host.replace(/^\[|\]$/g, "").toLowerCase();
  const v4 = ipv4(ip) ?? mappedIpv4(ip);
  if (v4) {
    const [a, b] = v4;
    if (a === 169 && b === 254) return "a link-local address (169.254.0.0/16), where clouds serve instance metadata";
    if (v4.join(".") === "100.100.100.200") return "a cloud metadata address";
    if (a === 0) return "the unspecified address 0.0.0.0";
    return null;
  }
  if (!ip.includes(":")) return null;
  if (/^fe[89ab][0-9a-f]?:/.test(ip)) return "a link-local address (fe80::/10)";
  if (ip === "fd00:ec2::254") return "a cloud metadata address (fd00:ec2::254)";
  if (ip === "::") return "the unspecified address ::";
  return null;
}

function ipv4(ip: string): number[] | null {
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  return parts ? parts.slice(1).map(Number) : null;
}

/** ::ffff:a9fe:a9fe (how URL writes ::ffff:169.254.169.254) or the dotted form a resolver may answer. */
function mappedIpv4(ip: string): number[] | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (dotted) return ipv4(dotted[1]!);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255];
}

/** Host names that only ever point at a metadata service. */
export const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"]);
