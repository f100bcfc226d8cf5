// backend-free: pure functions, no database or object store
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { config, proxy } from "@/proxy";

const runsProxy = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("which requests pass through proxy.ts", () => {
  test("not the gallery's changes poll, which checks its session itself", () => {
    expect(runsProxy("/api/jobs/changes")).toBe(false);
    expect(runsProxy("/api/jobs/changes?since=MTIzLjQ1Ni43ODk&status=failed")).toBe(false);
  });

  test("every path beside it does: pages, media, and the routes that change state", () => {
    for (const url of [
      "/",
      "/sign-in",
      "/api/jobs",
      "/api/jobs?limit=24",
      // A job's routes, whatever its id: a cross-site POST there must still be refused by the proxy.
      "/api/jobs/changes/share",
      "/api/jobs/changes/retry",
      "/api/jobs/changesx",
      "/api/jobs/AAAAAAAAAAAAAAAAAAAAAA",
      "/api/session",
      "/media/videos/AAAAAAAAAAAAAAAAAAAAAA.mp4",
      "/r/some-token",
    ]) {
      expect(runsProxy(url), url).toBe(true);
    }
  });
});

describe("the gate", () => {
  const SITE = "http://keyframe.test";
  const COOKIE = "keyframe.session_token=abc.def";
  const BEARER = `Bearer kf_${"A".repeat(43)}`;
  const gate = (path: string, method: string, headers: Record<string, string>) =>
    proxy(new NextRequest(`${SITE}${path}`, { method, headers }));
  const passed = (res: Response) => res.headers.get("x-middleware-next") === "1";

  test("a cross-site POST with a session cookie is refused; with a bearer token it passes to the route", async () => {
    const crossSite = { origin: "https://evil.example", host: "keyframe.test" };
    const refused = gate("/api/jobs", "POST", { ...crossSite, cookie: COOKIE });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "Cross-site request refused." } });
    expect(passed(gate("/api/jobs", "POST", { ...crossSite, authorization: BEARER }))).toBe(true);
    expect(passed(gate("/api/jobs/abc/cancel", "POST", { authorization: BEARER, "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(gate("/api/jobs", "DELETE", { "sec-fetch-site": "cross-site", cookie: COOKIE }).status).toBe(403);
  });

  test("a bearer token passes the cookie gate for /api and /media, never for a page", () => {
    expect(gate("/api/jobs", "GET", {}).status).toBe(401);
    expect(passed(gate("/api/jobs", "GET", { authorization: BEARER }))).toBe(true);
    expect(passed(gate("/media/videos/x.mp4", "GET", { authorization: BEARER }))).toBe(true);
    for (const page of ["/", "/account/api", "/storyboards"]) {
      const res = gate(page, "GET", { authorization: BEARER });
      expect(res.status).toBe(307);
      expect(res.headers.get("location")).toBe(`${SITE}/sign-in?next=${encodeURIComponent(page)}`);
    }
    // Nor does it lift the cross-site check off a page's POST (a server action).
    expect(gate("/", "POST", { authorization: BEARER, origin: "https://evil.example", host: "keyframe.test" }).status).toBe(403);
  });
});
