import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";
import { unglued } from "@/lib/http/glued-link";

/**
 * The first gate, by cookie or bearer token only (each route and page then checks the session or token for
 * real): everything but share pages, review links, their media, sign-in, first-run setup, the health check and
 * the API's reference (its OpenAPI document and page) needs a session; state-changing requests must come from
 * this site. A request with `Authorization: Bearer` is a script's, not a browser's: no browser adds that header
 * to a cross-site request by itself, so the Origin check does not apply, and it passes to /api and /media
 * routes (never pages), which check the token.
 */
const OPEN = [
  /^\/sign-in$/,
  /^\/setup$/,
  /^\/v\/[^/]+(\/(video\.mp4|poster\.jpg))?$/,
  /^\/api\/(health|session|setup|openapi\.json)$/,
  /^\/docs\/api(\/[a-z]+)?$/,
  // WaveSpeed's deliveries are checked by their signature instead of a session.
  /^\/api\/webhooks\/wavespeed$/,
  // Exported films' share pages, and review links (the page, its takes' media and its API): no account needed.
  /^\/f\/[^/]+(\/(video\.mp4|poster\.jpg))?$/,
  // A malformed token gets the page's or the route's own 404, as on /v/ and /f/, not a sign-in.
  /^\/r\/[^/]+(\/(takes|films)\/[^/]+\/(video\.mp4|poster\.jpg))?$/,
  /^\/api\/review\/[^/]+(\/(comments|passphrase|decisions|visit))?$/,
];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const deny = (status: 401 | 403, code: string, message: string) =>
  NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });

/** A browser always sends Origin on a cross-site POST/DELETE; it must name the host the request went to. */
function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const hasBearer = (request: NextRequest) => /^\s*bearer\s/i.test(request.headers.get("authorization") ?? "");
const API_OR_MEDIA = /^\/(api|media)\//;

function gate(request: NextRequest, pass: () => NextResponse): NextResponse {
  const { pathname, search } = request.nextUrl;
  const bearer = hasBearer(request) && API_OR_MEDIA.test(pathname);
  if (!SAFE_METHODS.has(request.method) && !bearer && !sameOrigin(request)) {
    return deny(403, "forbidden", "Cross-site request refused.");
  }
  const clean = SAFE_METHODS.has(request.method) ? unglued(pathname) : null;
  if (clean) return NextResponse.redirect(new URL(`${clean}${search}`, request.url), 308);
  if (OPEN.some((re) => re.test(pathname)) || bearer) return pass();
  if (getSessionCookie(request, { cookiePrefix: "keyframe" })) return pass();
  if (API_OR_MEDIA.test(pathname)) return deny(401, "unauthorized", "Sign in to use Keyframe.");
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export function proxy(request: NextRequest) {
  // A fresh nonce per request: Next reads it from the request's policy and puts it on its scripts.
  const nonce = newNonce();
  // NODE_ENV is set by Next itself (next dev / next build), not a setting of ours.
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const response = gate(request, () => {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("content-security-policy", policy);
    return NextResponse.next({ request: { headers } });
  });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Not the gallery's changes poll (GET only; the route checks the session itself): running the proxy at all
  // cost more than the rest of an unchanged poll, which every open gallery sends every 1.5-5 s.
  matcher: ["/((?!api/jobs/changes$|_next/static|_next/image|favicon.ico|icon.svg|screenshot.png|review.png).*)"],
};
