import "server-only";
import { env } from "@/lib/env";

/** The address people reach Keyframe at: PUBLIC_URL when set, else what the request says (proxy headers first). */
export function publicOrigin(headers: Headers): string {
  const configured = env().publicUrl;
  if (configured) return configured;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? headers.get("host") ?? `localhost:${env().PORT}`;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
