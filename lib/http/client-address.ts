import "server-only";
import { env } from "@/lib/env";

/**
 * The address a request came from, for rate limits. Keyframe's start command puts the socket's peer in
 * `x-keyframe-peer` (replacing whatever a client sent under that name). Behind TRUST_PROXY reverse proxies,
 * the client is that many hops back along X-Forwarded-For; addresses further left were written by the
 * client itself and are never trusted.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const peer = headers.get("x-keyframe-peer") || forwarded.at(-1) || "unknown";
  const hops = env().TRUST_PROXY;
  if (hops === 0) return peer;
  // The chain as the last trusted proxy saw it: [...client-written, client, proxy 1, …], then the peer.
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? peer;
}
