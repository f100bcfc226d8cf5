// backend-free: pure functions, no database or object store
import { expect, test } from "vitest";
import { blockedAddress } from "./address";

test("link-local and metadata addresses are refused as a resolver may answer them; loopback and private ones are not", () => {
  const refused = [
    "169.254.169.254",
    "169.254.0.1",
    "::ffff:169.254.169.254",
    "[::ffff:a9fe:a9fe]",
    "fe80::1",
    "FEBF::2",
    "fd00:ec2::254",
    "100.100.100.200",
    "0.0.0.0",
    "::",
  ];
  for (const ip of refused) expect(blockedAddress(ip), ip).not.toBeNull();
  const allowed = ["127.0.0.1", "::1", "10.0.0.5", "192.168.1.20", "172.16.0.1", "fd12:3456::1", "fec0::1", "8.8.8.8", "example.com"];
  for (const ip of allowed) expect(blockedAddress(ip), ip).toBeNull();
});
