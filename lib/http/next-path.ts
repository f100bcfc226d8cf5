/**
 * Where to go after signing in: `next` resolved against this app's origin, followed only when it stays
 * on that origin. A prefix check is not enough: browsers read `/\evil.example` and `/<TAB>/evil.example`
 * as `//evil.example`, another host.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
  if (!next) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
