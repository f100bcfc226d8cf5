import "server-only";
import { env } from "@/lib/env";

/**
 * The address people reach Keyframe at: PUBLIC_URL when set, else what the request says (a proxy's
 * X-Forwarded-* first, then Host, then the URL it was made for).
 */
export function publicOrigin(headers: Headers, url?: string): string {
  const configured = env().publicUrl;
  if (configured) return configured;
  const parsed = url ? new URL(url) : undefined;
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || undefined;
  const host = first("x-forwarded-host") ?? first("host") ?? parsed?.host ?? `localhost:${env().PORT}`;
  const proto = first("x-forwarded-proto") ?? parsed?.protocol.replace(":", "") ?? "http";
  return `${proto}://${host}`;
}

export const requestOrigin = (request: Request) => publicOrigin(request.headers, request.url);
